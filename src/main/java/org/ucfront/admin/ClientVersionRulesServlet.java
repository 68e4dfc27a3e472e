package org.ucfront.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.ucfront.clientversion.model.ClientVersionRule;
import org.ucfront.clientversion.model.ClientVersionRuleChange;
import org.ucfront.clientversion.model.InvalidRuleException;
import org.ucfront.clientversion.service.ClientVersionService;
import org.ucfront.sip.Ejbs;
import org.ucfront.sip.Tokens;

/**
 * The admin REST API of client version control (§3.4.2.5): {@code /api/client-version-rules}
 * (GET list in the order rules are tried, POST create) and {@code /api/client-version-rules/{id}}
 * (GET, PATCH, DELETE). A refused rule is answered 400 with a message that starts with the field
 * at fault, e.g. {@code url: a dynamic URL must contain folder=}.
 */
public class ClientVersionRulesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ClientVersionRulesServlet.class.getName());
    static final String RULES = "/api/client-version-rules";

    /** A rule as the API reads it; null fields are absent (create) or unchanged (PATCH). */
    public record RuleJson(String id, String product, String comparison, String version, String action,
            String url, Integer priority, Boolean enabled) {
    }

    private transient ClientVersionService rules;

    @Override
    public void init() throws ServletException {
        rules = Ejbs.lookup(Ejbs.CLIENT_VERSION_SERVICE, ClientVersionService.class);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
        try {
            if (path.equals("/")) {
                switch (req.getMethod()) {
                    case "GET" -> Json.write(resp, 200, rules.rules().stream().map(ClientVersionRulesServlet::ruleJson)
                            .toList());
                    case "POST" -> create(req, resp);
                    default -> notAllowed(resp, "GET, POST");
                }
            } else if (path.indexOf('/', 1) < 0) {
                String id = path.substring(1);
                switch (req.getMethod()) {
                    case "GET" -> {
                        Optional<ClientVersionRule> rule = rules.rule(id);
                        if (rule.isPresent()) {
                            Json.write(resp, 200, ruleJson(rule.get()));
                        } else {
                            notFound(resp, id);
                        }
                    }
                    case "PATCH" -> update(id, req, resp);
                    case "DELETE" -> {
                        if (rules.delete(id)) {
                            LOG.info("admin: client version rule " + id + " deleted");
                            resp.setStatus(204);
                        } else {
                            notFound(resp, id);
                        }
                    }
                    default -> notAllowed(resp, "GET, PATCH, DELETE");
                }
            } else {
                Json.error(resp, 404, "no resource " + RULES + Tokens.excerpt(path));
            }
        } catch (UnrecognizedPropertyException e) {
            Json.error(resp, 400, "unknown field '" + e.getPropertyName() + "'");
        } catch (MismatchedInputException e) {
            Json.error(resp, 400, mismatch(e));
        } catch (JsonMappingException e) {
            Json.error(resp, 400, "invalid JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            Json.error(resp, 400, "invalid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) { // InvalidRuleException included
            Json.error(resp, 400, e.getMessage());
        }
    }

    private void create(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        RuleJson in = read(req);
        if (in.id() != null) {
            throw new InvalidRuleException("id", "assigned by the server");
        }
        ClientVersionRule rule = rules.create(change(in).create(UUID.randomUUID().toString()));
        LOG.info("admin: client version rule " + rule.id() + " created: " + describe(rule));
        resp.setHeader("Location", RULES + "/" + rule.id());
        Json.write(resp, 201, ruleJson(rule));
    }

    private void update(String id, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        RuleJson in = read(req);
        if (in.id() != null && !in.id().equals(id)) {
            throw new InvalidRuleException("id", "cannot be changed");
        }
        Optional<ClientVersionRule> old = rules.rule(id);
        if (old.isEmpty()) {
            notFound(resp, id);
            return;
        }
        ClientVersionRule rule = change(in).applyTo(old.get());
        if (!rules.update(rule)) { // deleted meanwhile
            notFound(resp, id);
            return;
        }
        LOG.info("admin: client version rule " + id + " changed: " + describe(rule));
        Json.write(resp, 200, ruleJson(rule));
    }

    private static ClientVersionRuleChange change(RuleJson in) {
        return ClientVersionRuleChange.parse(in.product(), in.comparison(), in.version(), in.action(), in.url(),
                in.priority(), in.enabled());
    }

    private static RuleJson read(HttpServletRequest req) throws IOException {
        if (req.getContentLength() > AdminApiServlet.MAX_BODY) {
            throw new IllegalArgumentException("request body larger than " + AdminApiServlet.MAX_BODY + " bytes");
        }
        byte[] body = req.getInputStream().readNBytes(AdminApiServlet.MAX_BODY + 1);
        if (body.length > AdminApiServlet.MAX_BODY) {
            throw new IllegalArgumentException("request body larger than " + AdminApiServlet.MAX_BODY + " bytes");
        }
        RuleJson in = body.length == 0 ? null : Json.MAPPER.readValue(body, RuleJson.class);
        if (in == null) {
            throw new IllegalArgumentException("a JSON object is required");
        }
        return in;
    }

    /** A value of the wrong JSON type, named by its field, e.g. {@code priority: expected a whole number}. */
    private static String mismatch(MismatchedInputException e) {
        if (e.getPath().isEmpty() || e.getPath().get(0).getFieldName() == null) {
            return "invalid JSON: a JSON object is required";
        }
        Class<?> type = e.getTargetType();
        String expected = type == Integer.class ? "a whole number"
                : type == Boolean.class ? "true or false"
                : type == String.class ? "a string" : "another type of value";
        return e.getPath().get(0).getFieldName() + ": expected " + expected;
    }

    private static void notFound(HttpServletResponse resp, String id) throws IOException {
        Json.error(resp, 404, "no client version rule " + Tokens.excerpt(id));
    }

    private static void notAllowed(HttpServletResponse resp, String allow) throws IOException {
        resp.setHeader("Allow", allow);
        Json.error(resp, 405, "method not allowed; allowed: " + allow);
    }

    private static String describe(ClientVersionRule r) {
        return r.product() + " " + r.comparison().code() + " " + r.version() + " -> " + r.action().code()
                + (r.url() != null ? " " + r.url() : "") + ", priority " + r.priority()
                + (r.enabled() ? "" : ", disabled");
    }

    private static Map<String, Object> ruleJson(ClientVersionRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("product", r.product());
        m.put("comparison", r.comparison().code());
        m.put("version", r.version().toString());
        m.put("action", r.action().code());
        m.put("url", r.url());
        m.put("priority", r.priority());
        m.put("enabled", r.enabled());
        return m;
    }
}
