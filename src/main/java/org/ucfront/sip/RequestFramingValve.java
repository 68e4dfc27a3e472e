package org.ucfront.sip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.util.ListIterator;
import javax.sip.SipStack;

/**
 * What the SIP stack's parser lets through but RFC 3261 refuses, answered in the stack before any
 * transaction (jain-sip SIPMessageValve, gov.nist.javax.sip.SIP_MESSAGE_VALVE); the first two are
 * found on the raw bytes by {@link RequestFraming}:
 * <ul>
 * <li>a SIP-Version other than SIP/2.0: 505 (§21.5.6; RFC 4475 §3.1.2.15);</li>
 * <li>a second value of a header that has exactly one (Call-ID, CSeq, From, To, Max-Forwards,
 * Content-Length): the stack keeps one silently, so the request would be processed on a guess;
 * 400 (§7.3.1, §20.14; RFC 4475 §3.3.8, §3.3.9);</li>
 * <li>a mandatory header missing (§8.1.1: To, From, CSeq, Call-ID, Max-Forwards, Via; Contact in an
 * INVITE, §8.1.1.8): the stack cannot make a transaction of it and would answer nothing, or 500;
 * 400 naming the header (RFC 4475 §3.3.1; an RFC 2543 INVITE without them, §3.4.1, gets it too).</li>
 * </ul>
 * An ACK is never answered (§17.1.1.3); it is dropped instead.
 */
public class RequestFramingValve implements SIPMessageValve {

    /** ucfront's ErrorIds (its own range, see RegisterError). */
    static final int VERSION_ERROR_ID = 60204;
    static final int FRAMING_ERROR_ID = 60205;
    static final int MISSING_ERROR_ID = 60206;

    @Override
    public void init(SipStack stack) {
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        String marked = marker(request);
        if (marked != null) {
            int space = marked.indexOf(' ');
            int status = Integer.parseInt(marked.substring(0, space));
            ValveAnswer.refuse(request, channel, status, status == SIPResponse.VERSION_NOT_SUPPORTED ? VERSION_ERROR_ID
                    : FRAMING_ERROR_ID, marked.substring(space + 1));
            return false;
        }
        try {
            request.checkHeaders();
        } catch (java.text.ParseException missing) {
            ValveAnswer.refuse(request, channel, SIPResponse.BAD_REQUEST, MISSING_ERROR_ID, missing.getMessage().trim() + ".");
            return false;
        }
        return true;
    }

    /** The verdict {@link StrictMessageParserFactory} attached to the request, or null. */
    static String marker(SIPRequest request) {
        ListIterator<String> it = request.getUnrecognizedHeaders();
        while (it != null && it.hasNext()) {
            String line = it.next();
            if (line.startsWith(StrictMessageParserFactory.MARKER + ":")) {
                return line.substring(StrictMessageParserFactory.MARKER.length() + 1).strip();
            }
        }
        return null;
    }

    @Override
    public boolean processResponse(javax.sip.message.Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void destroy() {
    }
}
