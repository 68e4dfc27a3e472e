package org.ucfront.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The admin console's static files (webapp/console), and the context root redirected to it. The
 * pages are public; everything they show comes from the API, behind the admin Basic auth.
 */
public class ConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String ROOT = "/console";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");
    /** The pages load only their own scripts and styles and call only this server. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!ROOT.equals(req.getServletPath())) { // the context root
            resp.sendRedirect(req.getContextPath() + ROOT + "/");
            return;
        }
        String path = req.getPathInfo();
        if (path == null) {
            resp.sendRedirect(req.getContextPath() + ROOT + "/");
            return;
        }
        if (path.endsWith("/")) {
            path += "index.html";
        }
        String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
        InputStream in = path.contains("..") || type == null ? null
                : getServletContext().getResourceAsStream(ROOT + path);
        if (in == null) {
            resp.sendError(404);
            return;
        }
        try (in) {
            resp.setContentType(type);
            resp.setHeader("Cache-Control", "no-cache");
            resp.setHeader("X-Content-Type-Options", "nosniff");
            resp.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            resp.setHeader("Referrer-Policy", "no-referrer");
            in.transferTo(resp.getOutputStream());
        }
    }
}
