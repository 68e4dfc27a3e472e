package org.ucfront.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.ejb.EJBException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.ucfront.directory.model.SipUser;
import org.ucfront.directory.model.UserChange;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.security.SharedAuthentication;
import org.ucfront.security.sipae.SipaeAuthenticator;
import org.ucfront.directory.service.UserService;
import org.ucfront.registrar.model.Endpoint;
import org.ucfront.registrar.model.RegistrationEvent;
import org.ucfront.registrar.service.BindingRegistry;
import org.ucfront.registrar.servlet.AdminDeregistration;
import org.ucfront.registrar.servlet.DeregisterNotifier;
import org.ucfront.sip.AddressOfRecord;
import org.ucfront.sip.Ejbs;

/**
 * The admin REST API: users ({@code /api/users}, {@code /api/users/{uri}}) and registrations
 * ({@code /api/registrations}, {@code /api/users/{uri}/registrations}). Disabling or deleting a
 * user deregisters its endpoints with {@code deregistered;event=rejected} (4141).
 */
public class AdminApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AdminApiServlet.class.getName());
    static final String USERS = "/users";
    static final String REGISTRATIONS = "/registrations";
    static final String DELEGATES = "/delegates";
    static final int MAX_BODY = 64 * 1024;

    /**
     * A user as the API reads it; {@code password} and {@code ntHash} are accepted on write and never
     * returned.
     */
    public record UserJson(String uri, String displayName, Boolean enabled, String password, String homePool,
            String primaryClusterType, String ntHash) {
    }

    private transient UserService users;
    private transient BindingRegistry registry;

    @Override
    public void init() throws ServletException {
        users = Ejbs.lookup(Ejbs.USER_SERVICE, UserService.class);
        registry = Ejbs.lookup(Ejbs.BINDING_REGISTRY, BindingRegistry.class);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String path = Optional.ofNullable(req.getPathInfo()).orElse("/");
        try {
            route(req.getMethod(), path, req, resp);
        } catch (UnrecognizedPropertyException e) {
            Json.error(resp, 400, "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonMappingException e) {
            Json.error(resp, 400, "invalid JSON: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            Json.error(resp, 400, "invalid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) { // MalformedHeaderException included
            Json.error(resp, 400, e.getMessage());
        } catch (EJBException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof UserService.UnknownUserException) {
                Json.error(resp, 404, cause.getMessage());
            } else if (cause instanceof UserService.UserStoreException) {
                Json.error(resp, 400, cause.getMessage());
            } else {
                throw e;
            }
        } catch (UserService.UnknownUserException e) {
            Json.error(resp, 404, e.getMessage());
        } catch (UserService.UserStoreException e) {
            Json.error(resp, 400, e.getMessage());
        }
    }

    private void route(String method, String path, HttpServletRequest req, HttpServletResponse resp)
            throws IOException, ServletException {
        if (path.equals(USERS) || path.equals(USERS + "/")) {
            switch (method) {
                case "GET" -> Json.write(resp, 200, search(req.getParameter("q"), req.getParameter("limit")));
                case "POST" -> create(req, resp);
                default -> notAllowed(resp, "GET, POST");
            }
        } else if (path.startsWith(USERS + "/") && path.contains(DELEGATES)) {
            delegates(method, path, req, resp);
        } else if (path.startsWith(USERS + "/") && path.endsWith(DirectoryServlet.DEREGISTER)) {
            getServletContext().getNamedDispatcher(DirectoryServlet.NAME).forward(req, resp); // per-user action
        } else if (path.startsWith(USERS + "/") && path.contains(REGISTRATIONS + "/")) {
            int at = path.indexOf(REGISTRATIONS + "/");
            AddressOfRecord aor = aor(path.substring(USERS.length() + 1, at));
            String endpoint = URLDecoder.decode(path.substring(at + REGISTRATIONS.length() + 1), StandardCharsets.UTF_8);
            if (!"DELETE".equals(method)) {
                notAllowed(resp, "DELETE");
            } else if (adminDeregistration().endpoint(aor, endpoint)) {
                resp.setStatus(204);
            } else {
                Json.error(resp, 404, "no endpoint " + endpoint + " of " + aor);
            }
        } else if (path.startsWith(USERS + "/") && path.endsWith(REGISTRATIONS)) {
            AddressOfRecord aor = aor(path.substring(USERS.length() + 1, path.length() - REGISTRATIONS.length()));
            if (!"GET".equals(method)) {
                notAllowed(resp, "GET");
                return;
            }
            Json.write(resp, 200, registry.bindings(aor.toString()).stream().map(AdminApiServlet::registrationJson).toList());
        } else if (path.startsWith(USERS + "/")) {
            AddressOfRecord aor = aor(path.substring(USERS.length() + 1));
            switch (method) {
                case "GET" -> {
                    Optional<SipUser> u = users.find(aor);
                    if (u.isPresent()) {
                        Json.write(resp, 200, userJson(u.get()));
                    } else {
                        Json.error(resp, 404, "no user " + aor);
                    }
                }
                case "PATCH" -> update(aor, req, resp);
                case "DELETE" -> {
                    users.delete(aor);
                    deregister(aor, "deleted");
                    resp.setStatus(204);
                }
                default -> notAllowed(resp, "GET, PATCH, DELETE");
            }
        } else if (path.equals(REGISTRATIONS)) {
            if (!"GET".equals(method)) {
                notAllowed(resp, "GET");
                return;
            }
            List<Map<String, Object>> all = new ArrayList<>();
            for (String aor : registry.usersWithEndpoints()) {
                registry.bindings(aor).forEach(e -> all.add(registrationJson(e)));
            }
            Json.write(resp, 200, all);
        } else {
            Json.error(resp, 404, "no resource " + path);
        }
    }

    /**
     * {@code GET|POST /api/users/{uri}/delegates} ({@code {"delegate":"sip:…"}}) and
     * {@code DELETE /api/users/{uri}/delegates/{delegate}}: who may act for the user (§2.2.2.1).
     */
    private void delegates(String method, String path, HttpServletRequest req, HttpServletResponse resp)
            throws IOException {
        int at = path.indexOf(DELEGATES);
        AddressOfRecord delegator = aor(path.substring(USERS.length() + 1, at));
        String rest = path.substring(at + DELEGATES.length());
        if (rest.isEmpty() || rest.equals("/")) {
            if ("POST".equals(method)) {
                byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
                if (body.length == 0 || body.length > MAX_BODY) {
                    throw new IllegalArgumentException("a JSON object {\"delegate\":\"sip:…\"} is required");
                }
                DelegateJson in = Json.MAPPER.readValue(body, DelegateJson.class);
                if (in.delegate() == null) {
                    throw new IllegalArgumentException("delegate: required");
                }
                users.addDelegate(delegator, AddressOfRecord.parse(in.delegate()));
                resp.setStatus(201);
            } else if (!"GET".equals(method)) {
                notAllowed(resp, "GET, POST");
                return;
            }
            Json.write(resp, resp.getStatus() == 201 ? 201 : 200,
                    users.delegates(delegator).stream().map(u -> "sip:" + u).toList());
        } else if ("DELETE".equals(method)) {
            users.removeDelegate(delegator, aor(rest.substring(1)));
            resp.setStatus(204);
        } else {
            notAllowed(resp, "DELETE");
        }
    }

    /**
     * {@code GET /api/users?q=text&limit=n}: users whose address or display name contains the text
     * (case-insensitive), at most n of them.
     */
    private List<Map<String, Object>> search(String q, String limit) {
        String needle = q == null ? "" : q.trim().toLowerCase(java.util.Locale.ROOT);
        long max;
        try {
            max = limit == null ? Long.MAX_VALUE : Long.parseLong(limit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit: a positive number is required");
        }
        if (max < 1) {
            throw new IllegalArgumentException("limit: a positive number is required");
        }
        return users.list().stream()
                .filter(u -> needle.isEmpty() || u.uri().toLowerCase(java.util.Locale.ROOT).contains(needle)
                        || (u.displayName() != null && u.displayName().toLowerCase(java.util.Locale.ROOT).contains(needle)))
                .limit(max).map(AdminApiServlet::userJson).toList();
    }

    private AdminDeregistration adminDeregistration() {
        return new AdminDeregistration(registry, () -> {
            try {
                return DeregisterNotifier.of(getServletContext());
            } catch (ServletException e) {
                return null;
            }
        });
    }

    /** A delegation as the API reads it. */
    public record DelegateJson(String delegate) {
    }

    private void create(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        UserJson in = read(req);
        if (in.uri() == null) {
            throw new IllegalArgumentException("uri is required");
        }
        SipUser created = users.create(AddressOfRecord.parse(in.uri()),
                change(in));
        LOG.info("admin: user " + created.uri() + " created");
        Json.write(resp, 201, userJson(created));
    }

    private void update(AddressOfRecord aor, HttpServletRequest req, HttpServletResponse resp)
            throws IOException, ServletException {
        UserJson in = read(req);
        if (in.uri() != null && !AddressOfRecord.parse(in.uri()).equals(aor)) {
            throw new IllegalArgumentException("uri cannot be changed");
        }
        SipUser[] change = users.update(aor, change(in));
        if (change[0].enabled() && !change[1].enabled()) {
            deregister(aor, "disabled");
        } else if (in.password() != null || in.ntHash() != null) {
            forgetSecurityAssociations(aor); // signed in with the old secret: authenticate again
        }
        Json.write(resp, 200, userJson(change[1]));
    }

    /** §3.1.2.1: homePool (FQDN) and primaryClusterType (central, remote); "" clears either. */
    private static UserChange change(UserJson in) {
        return new UserChange(in.displayName(), in.enabled(), in.password(), in.homePool(), in.primaryClusterType(),
                in.ntHash());
    }

    /** §3.2: a disabled or deleted user's endpoints get {@code deregistered;event=rejected}. */
    private void deregister(AddressOfRecord aor, String why) throws ServletException {
        List<Endpoint> endpoints = registry.removeUser(aor.toString());
        DeregisterNotifier notifier = DeregisterNotifier.of(getServletContext());
        for (Endpoint e : endpoints) {
            notifier.deregister(e, RegistrationEvent.REJECTED);
        }
        LOG.info("admin: user " + aor + " " + why + "; " + endpoints.size() + " endpoint(s) deregistered");
        forgetSecurityAssociations(aor); // after the NOTIFYs, which they signed
    }

    private static void forgetSecurityAssociations(AddressOfRecord aor) {
        SipaeAuthenticator sipae = SharedAuthentication.sipae(UcfrontConfig.current());
        if (sipae != null) {
            sipae.associations().removeUser(aor.toString());
        }
    }

    private static UserJson read(HttpServletRequest req) throws IOException {
        if (req.getContentLength() > MAX_BODY) {
            throw new IllegalArgumentException("request body larger than " + MAX_BODY + " bytes");
        }
        byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("request body larger than " + MAX_BODY + " bytes");
        }
        if (body.length == 0) {
            throw new IllegalArgumentException("a JSON object is required");
        }
        UserJson in = Json.MAPPER.readValue(body, UserJson.class);
        if (in == null) {
            throw new IllegalArgumentException("a JSON object is required");
        }
        return in;
    }

    private static AddressOfRecord aor(String encoded) {
        return AddressOfRecord.parse(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    }

    private static void notAllowed(HttpServletResponse resp, String allow) throws IOException {
        resp.setHeader("Allow", allow);
        Json.error(resp, 405, "method not allowed; allowed: " + allow);
    }

    private static Map<String, Object> userJson(SipUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uri", "sip:" + u.uri());
        m.put("displayName", u.displayName());
        m.put("enabled", u.enabled());
        if (u.homePool() != null) { // shown only when set: unset means homed on this pool
            m.put("homePool", u.homePool());
        }
        if (u.primaryClusterType() != null) {
            m.put("primaryClusterType", u.primaryClusterType());
        }
        return m;
    }

    private static Map<String, Object> registrationJson(Endpoint e) {
        long now = System.currentTimeMillis();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", "sip:" + e.aor());
        m.put("endpoint", e.key());
        m.put("epid", e.epid());
        m.put("instance", e.instance());
        m.put("gruu", e.gruu());
        m.put("contact", e.binding().contact());
        m.put("expires", e.binding().secondsLeft(now));
        m.put("transport", e.binding().transport());
        m.put("remoteAddress", e.binding().remoteAddr() + ":" + e.binding().remotePort());
        m.put("userAgent", e.userAgent());
        if (e.device() != null) {
            m.put("deviceInfo", Map.of("mac", e.device().mac(), "vendor", String.valueOf(e.device().vendor()),
                    "version", String.valueOf(e.device().version())));
        }
        m.put("subnet", e.subnet());
        m.put("firstRegistered", java.time.Instant.ofEpochMilli(e.firstRegisteredAt()).toString());
        return m;
    }
}
