package org.ucfront.routing.servlet;

import gov.nist.javax.sip.stack.HopImpl;
import java.io.IOException;
import java.util.Locale;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;
import org.mobicents.servlet.sip.message.SipServletRequestImpl;

/** Sending the requests of ucfront's call legs (it acts as a B2BUA: RFC 3261 §6 / JSR 289 §12). */
public final class Legs {

    /** Session attribute: which leg a SIP session is (see the constants below). */
    public static final String ROLE = "ucfront.leg";
    public static final String CALLER = "caller";
    public static final String BRANCH = "branch";
    public static final String VOICEMAIL = "voicemail";
    public static final String NOTIFICATION = "notification";
    /** Application session attribute: the {@link Call}. */
    public static final String CALL = "ucfront.call";

    private Legs() {
    }

    /**
     * Sends a request to an explicit next hop: over TCP the container then reuses the connection
     * an endpoint registered on (RFC 5626-style flow reuse), and a configured server is reached at
     * its configured address without any DNS lookup.
     */
    public static void send(SipServletRequest req, String address, int port, String transport) throws IOException {
        ((SipServletRequestImpl) req).send(new HopImpl(address, port, transport.toUpperCase(Locale.ROOT)));
    }

    public static String role(SipSession session) {
        Object r = session.getAttribute(ROLE);
        return r == null ? CALLER : (String) r;
    }
}
