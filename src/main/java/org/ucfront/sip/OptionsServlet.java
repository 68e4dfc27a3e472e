package org.ucfront.sip;

import java.io.IOException;
import java.util.Set;
import javax.servlet.ServletException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.management.MeasuredSipServlet;
import org.ucfront.security.SharedAuthentication;
import org.ucfront.security.sipae.SipaeAuthenticator;

/**
 * OPTIONS (RFC 3261 §11: 200 with Allow) and every method no capability serves: 405 with Allow for
 * a method SIP defines, 501 for one it does not know (RFC 3261 §8.2.1, §21.5.2; RFC 4475 §3.1.1.2),
 * so that the container never relays a request nobody configured.
 */
public class OptionsServlet extends MeasuredSipServlet {

    private static final long serialVersionUID = 1L;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(OptionsServlet.class.getName());

    /** Methods of RFC 3261 and its extensions (RFC 3262, 3265, 3311, 3428, 3515, 3903, 6086) and MS-SIP's. */
    static final Set<String> KNOWN_METHODS = Set.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "REGISTER",
            "PRACK", "SUBSCRIBE", "NOTIFY", "UPDATE", "MESSAGE", "REFER", "PUBLISH", "INFO",
            "SERVICE", "BENOTIFY", "NEGOTIATE");

    @Override
    protected void doRequest(SipServletRequest req) throws ServletException, IOException {
        String method = req.getMethod();
        if ("ACK".equals(method) || "CANCEL".equals(method)) {
            return; // no transaction of ours to answer
        }
        try {
            if (!KNOWN_METHODS.contains(method)) {
                answer(req, SipServletResponse.SC_NOT_IMPLEMENTED);
            } else if ("BYE".equals(method)) { // RFC 3261 §15.1.2: ucfront holds no dialogs yet
                req.createResponse(SipServletResponse.SC_CALL_LEG_DONE).send();
            } else if (!RequestInspection.refused(req)) {
                answer(req, "OPTIONS".equals(method) ? SipServletResponse.SC_OK
                        : SipServletResponse.SC_METHOD_NOT_ALLOWED);
            }
        } catch (IOException clientGone) { // e.g. its connection closed right after sending
            LOG.fine(() -> method + " from " + req.getRemoteAddr() + ":" + req.getRemotePort() + " not answered: " + clientGone);
        } finally {
            AnsweredRequests.release(req);
            req.getApplicationSession().invalidate();
        }
    }

    private static void answer(SipServletRequest req, int status) throws IOException {
        SipServletResponse r = req.createResponse(status);
        r.setHeader("Allow", ServedMethods.allow());
        // a client with a security association drops unsigned answers (MS-SIPAE §3.2.5.2)
        SipaeAuthenticator sipae = SharedAuthentication.sipae(UcfrontConfig.current());
        if (sipae != null) {
            sipae.sign(r);
        }
        r.send();
    }
}
