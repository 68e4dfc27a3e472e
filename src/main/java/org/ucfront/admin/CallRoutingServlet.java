package org.ucfront.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.ucfront.routing.model.CallSettings;
import org.ucfront.routing.persistence.CallSettingsStore;
import org.ucfront.sip.AddressOfRecord;
import org.ucfront.sip.Ejbs;
import org.ucfront.sip.MalformedHeaderException;
import org.ucfront.voicemail.model.DialPlan;
import org.ucfront.voicemail.model.UmServer;
import org.ucfront.voicemail.persistence.DialPlanStore;

/**
 * Call routing administration: {@code /api/call-settings[/{user}]} (GET, PUT, DELETE: a user's
 * ring time, forwarding, simultaneous ring, team, UM dial plan and EumProxyAddress) and
 * {@code /api/dial-plans[/{name}]} (GET, PUT, DELETE: a UM dial plan's servers, MS-EUMR §3.1.1).
 * A refused value is answered 400 with a message that starts with the field at fault.
 */
public class CallRoutingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CallRoutingServlet.class.getName());
    static final String CALL_SETTINGS = "/api/call-settings";
    static final String DIAL_PLANS = "/api/dial-plans";

    /** A user's settings as the API reads them; absent fields take their defaults. */
    public record CallSettingsJson(Integer ringSeconds, String forwardUri, String simultaneousRingUri,
            List<String> teamMembers, String dialPlan, String eumProxyAddress) {
    }

    public record UmServerJson(String fqdn, Integer version, Boolean frontEnd, String transport, String address,
            Integer port) {
    }

    public record DialPlanJson(List<UmServerJson> servers) {
    }

    private transient CallSettingsStore settings;
    private transient DialPlanStore dialPlans;

    @Override
    public void init() throws ServletException {
        settings = Ejbs.lookup(Ejbs.CALL_SETTINGS_STORE, CallSettingsStore.class);
        dialPlans = Ejbs.lookup(Ejbs.DIAL_PLAN_STORE, DialPlanStore.class);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String base = req.getServletPath();
        String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
        String key = path.length() > 1 ? URLDecoder.decode(path.substring(1), StandardCharsets.UTF_8) : null;
        if (key != null && key.contains("/")) {
            Json.error(resp, 404, "no resource " + base + path);
            return;
        }
        try {
            if (CALL_SETTINGS.equals(base)) {
                callSettings(req, resp, key);
            } else {
                dialPlans(req, resp, key);
            }
        } catch (IllegalArgumentException e) { // the models name the field at fault
            Json.error(resp, 400, e.getMessage());
        }
    }

    private void callSettings(HttpServletRequest req, HttpServletResponse resp, String user) throws IOException {
        if (user == null) {
            if ("GET".equals(req.getMethod())) {
                Json.write(resp, 200, settings.list().stream().map(CallRoutingServlet::json).toList());
            } else {
                notAllowed(resp, "GET");
            }
            return;
        }
        String aor;
        try {
            aor = AddressOfRecord.parse(user).toString();
        } catch (MalformedHeaderException e) {
            Json.error(resp, 400, "user: " + e.getMessage());
            return;
        }
        switch (req.getMethod()) {
            case "GET" -> Json.write(resp, 200, json(settings.settings(aor)));
            case "PUT" -> {
                CallSettingsJson in = read(req, resp, CallSettingsJson.class);
                if (in == null) {
                    return;
                }
                CallSettings s = new CallSettings(aor,
                        in.ringSeconds() == null ? CallSettings.DEFAULT_RING_SECONDS : in.ringSeconds(),
                        in.forwardUri(), in.simultaneousRingUri(), in.teamMembers(), in.dialPlan(), in.eumProxyAddress());
                settings.put(s);
                LOG.info("admin: call settings of " + aor + " set");
                Json.write(resp, 200, json(s));
            }
            case "DELETE" -> {
                if (settings.delete(aor)) {
                    resp.setStatus(204);
                } else {
                    Json.error(resp, 404, "no call settings for " + aor);
                }
            }
            default -> notAllowed(resp, "GET, PUT, DELETE");
        }
    }

    private void dialPlans(HttpServletRequest req, HttpServletResponse resp, String name) throws IOException {
        if (name == null) {
            if ("GET".equals(req.getMethod())) {
                Json.write(resp, 200, dialPlans.list().stream().map(CallRoutingServlet::json).toList());
            } else {
                notAllowed(resp, "GET");
            }
            return;
        }
        switch (req.getMethod()) {
            case "GET" -> {
                Optional<DialPlan> plan = dialPlans.find(name);
                if (plan.isPresent()) {
                    Json.write(resp, 200, json(plan.get()));
                } else {
                    Json.error(resp, 404, "no dial plan " + name);
                }
            }
            case "PUT" -> {
                DialPlanJson in = read(req, resp, DialPlanJson.class);
                if (in == null) {
                    return;
                }
                if (in.servers() == null || in.servers().isEmpty()) {
                    Json.error(resp, 400, "servers: at least one UM server");
                    return;
                }
                DialPlan plan = new DialPlan(name, in.servers().stream().map(s -> new UmServer(s.fqdn(),
                        s.version() == null ? 0 : s.version(), Boolean.TRUE.equals(s.frontEnd()), s.transport(),
                        s.address(), s.port())).toList());
                dialPlans.put(plan);
                LOG.info("admin: dial plan " + name + " set with " + plan.servers().size() + " UM server(s)");
                Json.write(resp, 200, json(plan));
            }
            case "DELETE" -> {
                if (dialPlans.delete(name)) {
                    resp.setStatus(204);
                } else {
                    Json.error(resp, 404, "no dial plan " + name);
                }
            }
            default -> notAllowed(resp, "GET, PUT, DELETE");
        }
    }

    private static <T> T read(HttpServletRequest req, HttpServletResponse resp, Class<T> type) throws IOException {
        byte[] body = req.getInputStream().readNBytes(AdminApiServlet.MAX_BODY + 1);
        if (body.length == 0 || body.length > AdminApiServlet.MAX_BODY) {
            Json.error(resp, 400, "a JSON object is required");
            return null;
        }
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            Json.error(resp, 400, "invalid JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    private static void notAllowed(HttpServletResponse resp, String allow) throws IOException {
        resp.setHeader("Allow", allow);
        Json.error(resp, 405, "method not allowed; allowed: " + allow);
    }

    private static Map<String, Object> json(CallSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", s.user());
        m.put("ringSeconds", s.ringSeconds());
        m.put("forwardUri", s.forwardUri());
        m.put("simultaneousRingUri", s.simultaneousRingUri());
        m.put("teamMembers", s.teamMembers());
        m.put("dialPlan", s.dialPlan());
        m.put("eumProxyAddress", s.eumProxyAddress());
        m.put("umEnabled", s.umEnabled());
        return m;
    }

    private static Map<String, Object> json(DialPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("servers", p.servers());
        m.put("ordering", p.ordering().stream().map(UmServer::fqdn).toList());
        return m;
    }
}
