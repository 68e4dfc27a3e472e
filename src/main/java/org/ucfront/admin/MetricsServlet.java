package org.ucfront.admin;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.ucfront.management.PrometheusText;
import org.ucfront.management.ServerMetrics;

/** {@code GET /metrics}: every metric in the Prometheus text format (behind the admin Basic auth). */
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(200);
        resp.setContentType(PrometheusText.CONTENT_TYPE);
        resp.setHeader("Cache-Control", "no-store");
        try (Writer w = new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8)) {
            PrometheusText.write(ServerMetrics.registry(), w);
        }
    }
}
