package org.ucfront.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.ucfront.registrar.service.UserServicesAvailability;
import org.ucfront.sip.Ejbs;

/**
 * {@code /api/user-services}: the availability of this pool's user services (MS-SIPREGE §3.1.2.1
 * Presence-Service-Available). GET shows it; PUT {@code {"available":false}} (or true) overrides
 * the health check, {@code {"override":null}} clears the override. Going unavailable sends the
 * §3.5 NOTIFYs: survivable endpoints stay registered, the others are deregistered.
 */
public class UserServicesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String AVAILABLE = "available";
    static final String OVERRIDE = "override";

    private transient UserServicesAvailability availability;

    @Override
    public void init() throws ServletException {
        availability = Ejbs.lookup(Ejbs.USER_SERVICES_AVAILABILITY, UserServicesAvailability.class);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
        if (!path.equals("/")) {
            Json.error(resp, 404, "no resource /user-services" + path);
            return;
        }
        switch (req.getMethod()) {
            case "GET" -> Json.write(resp, 200, availability.status());
            case "PUT" -> put(req, resp);
            default -> {
                resp.setHeader("Allow", "GET, PUT");
                Json.error(resp, 405, "method not allowed; allowed: GET, PUT");
            }
        }
    }

    private void put(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = req.getInputStream().readNBytes(AdminApiServlet.MAX_BODY + 1);
        if (body.length == 0 || body.length > AdminApiServlet.MAX_BODY) {
            Json.error(resp, 400, "a JSON object {\"available\":false} or {\"override\":null} is required");
            return;
        }
        JsonNode in;
        try {
            in = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            Json.error(resp, 400, "invalid JSON: " + e.getOriginalMessage());
            return;
        }
        if (in == null || !in.isObject() || in.size() != 1) {
            Json.error(resp, 400, "exactly one field is required: available (true/false) or override (null)");
            return;
        }
        Iterator<String> names = in.fieldNames();
        String field = names.next();
        JsonNode value = in.get(field);
        if (AVAILABLE.equals(field) && value.isBoolean()) {
            Json.write(resp, 200, availability.override(value.booleanValue()));
        } else if (OVERRIDE.equals(field) && value.isNull()) {
            Json.write(resp, 200, availability.override(null));
        } else if (AVAILABLE.equals(field) || OVERRIDE.equals(field)) {
            Json.error(resp, 400, field + ": expected " + (AVAILABLE.equals(field) ? "true or false" : "null"));
        } else {
            Json.error(resp, 400, "unknown field '" + field + "'");
        }
    }
}
