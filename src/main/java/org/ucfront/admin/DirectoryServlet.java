package org.ucfront.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.ejb.EJBException;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.ucfront.directory.ldap.model.DirectoryEffect;
import org.ucfront.directory.ldap.model.SyncReport;
import org.ucfront.directory.ldap.service.DirectorySync;
import org.ucfront.registrar.servlet.DeregisterNotifier;
import org.ucfront.sip.AddressOfRecord;
import org.ucfront.sip.Ejbs;

/**
 * The enterprise directory over the admin API.
 * <ul>
 * <li>{@code GET /api/directory}: configured or not, the last run (mode, counts, error), the last
 * success and the failure counts;</li>
 * <li>{@code POST /api/directory/sync}: sync now, optional {@code {"mode":"full|incremental"}} or
 * {@code {"user":"sip:…"}}; 200 with the run's report, 502 when the directory could not be read;</li>
 * <li>{@code POST /api/users/{uri}/deregister} ({@code {"event":"rejected|deactivated|preferred-registrar-change",
 * "registrar":"sip:…"}}, forwarded by the users API): deregisters the user's endpoints with that NOTIFY.</li>
 * </ul>
 */
public class DirectoryServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DirectoryServlet.class.getName());
    /** The servlet name in web.xml: the users API forwards per-user actions to it. */
    public static final String NAME = "directory";
    static final String DIRECTORY = "/api/directory";
    static final String SYNC = "/sync";
    static final String DEREGISTER = "/deregister";
    static final int MAX_BODY = 4 * 1024;

    /** A sync request; both fields optional. */
    public record SyncJson(String mode, String user) {
    }

    /** A per-user deregistration. */
    public record DeregisterJson(String event, String registrar) {
    }

    private transient DirectorySync directory;

    @Override
    public void init() throws ServletException {
        directory = Ejbs.lookup(Ejbs.DIRECTORY_SYNC, DirectorySync.class);
        ServletContext context = getServletContext();
        directory.attach((endpoint, event, registrar) -> {
            try {
                DeregisterNotifier.of(context).send(endpoint, event, registrar, 0);
            } catch (ServletException e) {
                LOG.log(Level.WARNING, "NOTIFY to " + endpoint.aor() + " not sent", e);
            }
        });
    }

    @Override
    public void destroy() {
        directory.attach(null);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String path = req.getServletPath() + Optional.ofNullable(req.getPathInfo()).orElse("");
        try {
            if (path.equals(DIRECTORY) || path.equals(DIRECTORY + "/")) {
                if (!"GET".equals(req.getMethod())) {
                    notAllowed(resp, "GET");
                    return;
                }
                Json.write(resp, 200, status(directory.status()));
            } else if (path.equals(DIRECTORY + SYNC)) {
                if (!"POST".equals(req.getMethod())) {
                    notAllowed(resp, "POST");
                    return;
                }
                sync(req, resp);
            } else if (path.endsWith(DEREGISTER) && path.startsWith("/api/users/")) {
                if (!"POST".equals(req.getMethod())) {
                    notAllowed(resp, "POST");
                    return;
                }
                AddressOfRecord aor = AddressOfRecord.parse(URLDecoder.decode(
                        path.substring("/api/users/".length(), path.length() - DEREGISTER.length()), StandardCharsets.UTF_8));
                DeregisterJson in = read(req, DeregisterJson.class);
                int n = directory.deregister(aor, DirectoryEffect.parse(in.event(), in.registrar()));
                Json.write(resp, 200, Map.of("deregistered", n));
            } else {
                Json.error(resp, 404, "no resource " + path);
            }
        } catch (UnrecognizedPropertyException e) {
            Json.error(resp, 400, "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonProcessingException e) {
            Json.error(resp, 400, "invalid JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) { // MalformedHeaderException included
            Json.error(resp, 400, e.getMessage());
        } catch (IllegalStateException e) {
            Json.error(resp, 409, e.getMessage());
        } catch (EJBException e) {
            if (e.getCause() instanceof IllegalStateException || e.getCause() instanceof IllegalArgumentException) {
                Json.error(resp, e.getCause() instanceof IllegalStateException ? 409 : 400, e.getCause().getMessage());
            } else {
                throw e;
            }
        }
    }

    private void sync(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SyncJson in = req.getContentLength() == 0 ? new SyncJson(null, null) : read(req, SyncJson.class);
        SyncReport report;
        if (in.user() != null) {
            if (in.mode() != null) {
                throw new IllegalArgumentException("mode and user: give one");
            }
            report = directory.syncUser(AddressOfRecord.parse(in.user()));
        } else {
            DirectorySync.Mode mode;
            if (in.mode() == null || in.mode().equals("full")) {
                mode = DirectorySync.Mode.FULL;
            } else if (in.mode().equals("incremental")) {
                mode = DirectorySync.Mode.INCREMENTAL;
            } else {
                throw new IllegalArgumentException("mode: " + in.mode() + " is not full or incremental");
            }
            report = directory.syncNow(mode);
        }
        Json.write(resp, report.ok() ? 200 : 502, report(report));
    }

    private static <T> T read(HttpServletRequest req, Class<T> type) throws IOException {
        byte[] body = req.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("request body larger than " + MAX_BODY + " bytes");
        }
        if (body.length == 0) {
            return Json.MAPPER.readValue("{}", type);
        }
        T in = Json.MAPPER.readValue(body, type);
        if (in == null) {
            throw new IllegalArgumentException("a JSON object is required");
        }
        return in;
    }

    static Map<String, Object> status(DirectorySync.Status s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("configured", s.configured());
        m.put("directory", s.directory());
        m.put("lastSuccess", s.lastSuccess() == null ? null : s.lastSuccess().toString());
        m.put("failures", s.failures());
        m.put("consecutiveFailures", s.consecutiveFailures());
        m.put("last", s.last() == null ? null : report(s.last()));
        return m;
    }

    static Map<String, Object> report(SyncReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", r.ok() ? "ok" : "failed");
        m.put("mode", r.mode());
        m.put("started", r.started().toString());
        m.put("finished", r.finished().toString());
        m.put("seen", r.seen());
        m.put("created", r.created());
        m.put("updated", r.updated());
        m.put("disabled", r.disabled());
        m.put("deregistered", r.deregistered());
        m.put("skipped", r.skipped());
        m.put("conflicts", r.conflicts());
        m.put("error", r.error());
        return m;
    }

    private static void notAllowed(HttpServletResponse resp, String allow) throws IOException {
        resp.setHeader("Allow", allow);
        Json.error(resp, 405, "method not allowed; allowed: " + allow);
    }
}
