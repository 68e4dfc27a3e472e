package org.ucfront.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.logging.Logger;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.management.ServerMetrics;

/** HTTP Basic authentication (RFC 7617) of every admin request. */
public class BasicAuthFilter implements Filter {

    private static final Logger LOG = Logger.getLogger(BasicAuthFilter.class.getName());
    static final String REALM = "ucfront admin";
    /** Sent by the console's requests (a header a cross-site form cannot set). */
    static final String CONSOLE_HEADER = "X-Requested-With";

    private AdminCredentials credentials;

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        try {
            credentials = AdminCredentials.load(UcfrontConfig.current());
        } catch (IOException e) {
            throw new ServletException("admin credentials could not be read or created", e);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (authorized(req.getHeader("Authorization"))) {
            chain.doFilter(request, response);
            return;
        }
        LOG.fine(() -> "admin request refused from " + req.getRemoteAddr());
        ServerMetrics.AUTH_FAILURES.inc("admin-http", req.getHeader("Authorization") == null ? "NO_CREDENTIALS"
                : "WRONG_CREDENTIALS");
        if (req.getHeader(CONSOLE_HEADER) == null) { // the console signs in itself: no browser dialog
            resp.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        Json.error(resp, HttpServletResponse.SC_UNAUTHORIZED, "authentication required");
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && credentials.matches(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    @Override
    public void destroy() {
    }
}
