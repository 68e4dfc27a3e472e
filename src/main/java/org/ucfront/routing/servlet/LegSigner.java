package org.ucfront.routing.servlet;

import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import org.ucfront.routing.model.Destination;
import org.ucfront.security.sipae.SipaeAuthenticator;

/**
 * Signs what the B2BUA sends on a call leg, just before it is sent. MS-SIPAE §3.3.5.3: every
 * response and every request of the server on a security association carries the server's
 * signature, and a client with an association drops what is unsigned. A leg's endpoint is either
 * the one that sent a request (the caller: the association its INVITE was authenticated on, else
 * its From epid) or a rung {@link Destination} (its epid). Without MS-SIPAE (Digest only, a
 * server, an endpoint without association) messages go unsigned.
 */
public final class LegSigner {

    private final SipaeAuthenticator sipae;

    /** @param sipae null when neither NTLM nor Kerberos is offered */
    public LegSigner(SipaeAuthenticator sipae) {
        this.sipae = sipae;
    }

    /** A response to {@code sender}, or a request of ucfront to the endpoint that sent it. */
    void sign(SipServletMessage m, SipServletRequest sender) {
        if (sipae != null) {
            sipae.signFor(m, sender);
        }
    }

    /** A request to a rung destination, or a response to one of its requests. */
    void sign(SipServletMessage m, Destination d) {
        if (sipae != null && d != null && d.epid() != null) {
            sipae.sign(m, d.epid(), d.aor());
        }
    }
}
