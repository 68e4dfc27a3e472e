package org.ucfront.sip;

import gov.nist.javax.sip.message.SIPMessage;
import java.util.ListIterator;
import java.util.Optional;
import javax.servlet.sip.SipServletMessage;
import org.mobicents.servlet.sip.message.SipServletMessageImpl;

/**
 * Headers the SIP stack could not parse. It drops them silently (an {@code Expires: soon} would
 * look like no Expires at all), so the registrar asks for them and refuses the request instead
 * (RFC 3261 §8.2.2 / DIGEST §1: malformed headers are answered 400).
 */
public final class UnparsedHeaders {

    private UnparsedHeaders() {
    }

    /** The name of the first header the stack could not parse, if any. */
    public static Optional<String> first(SipServletMessage message) {
        ListIterator<String> it = ((SIPMessage) ((SipServletMessageImpl) message).getMessage()).getUnrecognizedHeaders();
        if (it == null || !it.hasNext()) {
            return Optional.empty();
        }
        String line = it.next();
        int colon = line.indexOf(':');
        return Optional.of(Tokens.excerpt((colon < 0 ? line : line.substring(0, colon)).trim()));
    }
}
