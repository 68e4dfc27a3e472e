package org.ucfront.sip;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.management.MeasuredSipServlet;
import org.ucfront.security.SharedAuthentication;
import org.ucfront.security.sipae.SipaeAuthenticator;

/**
 * OPTIONS (RFC 3261 §11: 200 with Allow) and every method no capability serves (405 with Allow),
 * so that the container never relays a request nobody configured.
 */
public class OptionsServlet extends MeasuredSipServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doRequest(SipServletRequest req) throws ServletException, IOException {
        String method = req.getMethod();
        if ("ACK".equals(method) || "CANCEL".equals(method)) {
            return; // no transaction of ours to answer
        }
        if ("BYE".equals(method)) { // RFC 3261 §15.1.2: ucfront holds no dialogs yet
            req.createResponse(SipServletResponse.SC_CALL_LEG_DONE).send();
            req.getApplicationSession().invalidate();
            return;
        }
        SipServletResponse r = req.createResponse("OPTIONS".equals(method) ? SipServletResponse.SC_OK
                : SipServletResponse.SC_METHOD_NOT_ALLOWED);
        r.setHeader("Allow", ServedMethods.allow());
        // a client with a security association drops unsigned answers (MS-SIPAE §3.2.5.2)
        SipaeAuthenticator sipae = SharedAuthentication.sipae(UcfrontConfig.current());
        if (sipae != null) {
            sipae.sign(r);
        }
        r.send();
        req.getApplicationSession().invalidate();
    }
}
