package org.ucfront.sip;

import gov.nist.javax.sip.header.ExtensionHeaderImpl;
import gov.nist.javax.sip.message.SIPMessage;
import javax.servlet.sip.SipServletMessage;
import javax.sip.message.Message;
import org.mobicents.servlet.sip.message.SipServletMessageImpl;

/**
 * Adds header lines exactly as given. The SIP stack folds repeated known headers into one
 * comma-separated line ({@code Supported: a, b}); Lync-protocol clients read each Supported option
 * tag from its own line and Allow-Events without spaces (pidgin-sipe, §4.1.1 example), so these
 * are written as extension headers, which the stack encodes one per line, verbatim. Values ucfront
 * built itself go out this way too, rather than be parsed by the stack only to be encoded again.
 */
public final class OwnLineHeaders {

    private OwnLineHeaders() {
    }

    public static void add(SipServletMessage message, String name, String value) {
        add(((SipServletMessageImpl) message).getMessage(), name, value);
    }

    /** The same on a message of the SIP stack. */
    public static void add(Message message, String name, String value) {
        ExtensionHeaderImpl header = new ExtensionHeaderImpl(name);
        header.setValue(value);
        ((SIPMessage) message).addHeader(header);
    }
}
