package org.ucfront.management;

import java.io.IOException;
import java.util.Set;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.sip.SipServlet;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import org.mobicents.servlet.sip.message.SipServletRequestImpl;

/**
 * A SIP servlet whose requests are counted by method and final status code, and timed. JSR 289
 * offers no view of the answer a servlet sent; Restcomm's request keeps its last final response.
 */
public abstract class MeasuredSipServlet extends SipServlet {

    private static final long serialVersionUID = 1L;
    /** Methods counted by name; any other (clients may send any token) is counted as "other". */
    static final Set<String> KNOWN_METHODS = Set.of("REGISTER", "SUBSCRIBE", "NOTIFY", "OPTIONS", "INVITE", "ACK",
            "BYE", "CANCEL", "MESSAGE", "INFO", "REFER", "PRACK", "UPDATE", "PUBLISH", "SERVICE", "BENOTIFY");
    static final String NOT_ANSWERED = "none";

    @Override
    public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        if (!(request instanceof SipServletRequest req)) {
            super.service(request, response);
            return;
        }
        long t0 = System.nanoTime();
        try {
            super.service(request, response);
        } finally {
            String method = KNOWN_METHODS.contains(req.getMethod()) ? req.getMethod() : "other";
            ServerMetrics.SIP_LATENCY.observe((System.nanoTime() - t0) / 1e9, method);
            ServerMetrics.SIP_REQUESTS.inc(method, finalStatus(req));
        }
    }

    private static String finalStatus(SipServletRequest req) {
        SipServletResponse last = req instanceof SipServletRequestImpl impl ? impl.getLastFinalResponse() : null;
        return last == null ? NOT_ANSWERED : Integer.toString(last.getStatus());
    }
}
