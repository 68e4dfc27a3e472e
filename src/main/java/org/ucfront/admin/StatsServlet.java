package org.ucfront.admin;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.ucfront.management.ServerMetrics;
import org.ucfront.registrar.model.EndpointCounts;
import org.ucfront.registrar.service.BindingRegistry;
import org.ucfront.sip.Ejbs;

/** {@code GET /api/stats}: the dashboard's live counters in one JSON object. */
public class StatsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient BindingRegistry registry;

    @Override
    public void init() throws ServletException {
        registry = Ejbs.lookup(Ejbs.BINDING_REGISTRY, BindingRegistry.class);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        EndpointCounts c = registry.counts();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registeredEndpoints", c.registered());
        m.put("unboundEndpoints", c.unbound());
        m.put("usersRegistered", c.usersRegistered());
        m.put("registerPerSecond", ServerMetrics.REGISTER_RATE.perSecond());
        m.put("registerErrorsPerSecond", ServerMetrics.REGISTER_ERROR_RATE.perSecond());
        m.put("registrations", ServerMetrics.REGISTRATIONS.byLabels());
        m.put("registerErrors", ServerMetrics.REGISTER_ERRORS.byLabels());
        m.put("sipRequests", ServerMetrics.SIP_REQUESTS.byLabels());
        m.put("authenticationFailures", ServerMetrics.AUTH_FAILURES.byLabels());
        m.put("clientVersionDecisions", ServerMetrics.CLIENT_VERSION_DECISIONS.byLabels());
        m.put("deregisterNotifications", ServerMetrics.DEREGISTER_NOTIFICATIONS.byLabels());
        var runtime = ManagementFactory.getRuntimeMXBean();
        m.put("uptimeSeconds", runtime.getUptime() / 1000);
        m.put("heapUsedBytes", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        m.put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
        Json.write(resp, 200, m);
    }
}
