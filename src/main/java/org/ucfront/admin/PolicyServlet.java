package org.ucfront.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ejb.EJBException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.ucfront.provisioning.model.Policy;
import org.ucfront.provisioning.model.PolicyGroup;
import org.ucfront.provisioning.service.PolicyService;
import org.ucfront.sip.AddressOfRecord;
import org.ucfront.sip.Ejbs;

/**
 * Provisioning policies over the admin API.
 * <ul>
 * <li>{@code GET /api/policies}: the kinds, their provision groups and property schemas;</li>
 * <li>{@code GET|POST /api/policies/{kind}}: list, create ({@code {"name":…,"properties":{…}}});</li>
 * <li>{@code GET|PUT|DELETE /api/policies/{kind}/{name}}: read, replace the values, delete;</li>
 * <li>{@code GET|PATCH /api/policy-assignments/{user}}: a user's policy per kind, and changes to
 * it ({@code {"meeting":"Executives","uc":null}}; null or "Global" is the global policy).</li>
 * </ul>
 * Validation errors are 400 with a message that names the field.
 */
public class PolicyServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String ASSIGNMENTS = "/api/policy-assignments";
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    /** A policy as the API reads it. */
    public record PolicyJson(String name, Map<String, String> properties) {
    }

    private transient PolicyService policies;

    @Override
    public void init() throws ServletException {
        policies = Ejbs.lookup(Ejbs.POLICY_SERVICE, PolicyService.class);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        try {
            if (req.getServletPath().equals(ASSIGNMENTS)) {
                assignments(req, resp);
            } else {
                policy(req, resp);
            }
        } catch (UnrecognizedPropertyException e) {
            Json.error(resp, 400, "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonProcessingException e) {
            Json.error(resp, 400, "invalid JSON: " + e.getOriginalMessage());
        } catch (EJBException e) {
            handle(e.getCause() != null ? e.getCause() : e, resp);
        } catch (RuntimeException e) {
            handle(e, resp);
        }
    }

    private static void handle(Throwable e, HttpServletResponse resp) throws IOException {
        if (e instanceof PolicyService.NotFoundException) {
            Json.error(resp, 404, e.getMessage());
        } else if (e instanceof PolicyService.RefusedException || e instanceof IllegalArgumentException) {
            Json.error(resp, 400, e.getMessage()); // Policy.InvalidPolicyException: "properties.X: …"
        } else if (e instanceof RuntimeException r) {
            throw r;
        } else {
            throw new EJBException((Exception) e);
        }
    }

    private void policy(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = segments(req.getPathInfo());
        String method = req.getMethod();
        if (path.length == 0) {
            require(method, "GET");
            Map<String, Object> kinds = new LinkedHashMap<>();
            policies.kinds().forEach((kind, group) -> kinds.put(kind, schema(group)));
            Json.write(resp, 200, kinds);
        } else if (path.length == 1) {
            String kind = path[0];
            if ("GET".equals(method)) {
                Json.write(resp, 200, policies.list(kind).stream().map(PolicyServlet::json).toList());
            } else {
                require(method, "POST");
                PolicyJson in = Json.MAPPER.readValue(body(req), PolicyJson.class);
                Policy p = policies.save(kind, in.name(), in.properties() == null ? Map.of() : in.properties(), false);
                Json.write(resp, 201, json(p));
            }
        } else if (path.length == 2) {
            String kind = path[0];
            String name = path[1];
            switch (method) {
                case "GET" -> Json.write(resp, 200, json(policies.get(kind, name)));
                case "PUT" -> {
                    PolicyJson in = Json.MAPPER.readValue(body(req), PolicyJson.class);
                    if (in.name() != null && !in.name().equals(name)) {
                        throw new IllegalArgumentException("name: cannot be changed");
                    }
                    Json.write(resp, 200, json(policies.save(kind, name,
                            in.properties() == null ? Map.of() : in.properties(), true)));
                }
                case "DELETE" -> {
                    policies.delete(kind, name);
                    resp.setStatus(204);
                }
                default -> throw new IllegalArgumentException("method " + method + " not allowed; use GET, PUT or DELETE");
            }
        } else {
            throw new PolicyService.NotFoundException("no resource " + req.getPathInfo());
        }
    }

    private void assignments(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] path = segments(req.getPathInfo());
        if (path.length != 1) {
            throw new PolicyService.NotFoundException("use " + ASSIGNMENTS + "/{user}");
        }
        String user = AddressOfRecord.parse(path[0]).toString();
        if ("PATCH".equals(req.getMethod())) {
            Map<String, String> changes = Json.MAPPER.readValue(body(req), STRING_MAP);
            for (Map.Entry<String, String> c : changes.entrySet()) {
                policies.assign(user, c.getKey(), c.getValue());
            }
        } else {
            require(req.getMethod(), "GET");
        }
        Json.write(resp, 200, policies.assignments(user));
    }

    private static Map<String, Object> schema(PolicyGroup group) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", group.name());
        Map<String, Object> props = new LinkedHashMap<>();
        for (PolicyGroup.Property p : group.properties()) {
            props.put(p.name(), Map.of("domain", p.domain().toString(), "default", String.valueOf(p.defaultValue())));
        }
        m.put("properties", props);
        return m;
    }

    private static Map<String, Object> json(Policy p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", p.kind());
        m.put("name", p.name());
        m.put("properties", new java.util.TreeMap<>(p.values()));
        return m;
    }

    private static void require(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw new IllegalArgumentException("method " + method + " not allowed; use " + allowed);
        }
    }

    private static String[] segments(String pathInfo) {
        if (pathInfo == null || pathInfo.equals("/")) {
            return new String[0];
        }
        return java.util.Arrays.stream(pathInfo.substring(1).split("/"))
                .map(s -> URLDecoder.decode(s, StandardCharsets.UTF_8)).toArray(String[]::new);
    }

    private static byte[] body(HttpServletRequest req) throws IOException {
        byte[] b = req.getInputStream().readNBytes(AdminApiServlet.MAX_BODY + 1);
        if (b.length > AdminApiServlet.MAX_BODY) {
            throw new IllegalArgumentException("request body larger than " + AdminApiServlet.MAX_BODY + " bytes");
        }
        if (b.length == 0) {
            throw new IllegalArgumentException("a JSON object is required");
        }
        return b;
    }
}
