package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Client version control (§3.4, DIGEST §4) as clients and administrators see it: rules created
 * over the admin API, REGISTERs with the spec's User-Agents over a real socket, answers checked
 * byte for byte. The server's default is allow-with-upgrade, so a REGISTER that no rule decides
 * is told apart from a plain allow by its 314 Warning.
 */
public class ClientVersionIT {

    static final String PASSWORD = "Version-Check-7";
    /** DIGEST §4. */
    static final String COMMUNICATOR_2010 = "UCCAPI/4.0.7577.0 OC/4.0.7577.0 (Microsoft Communicator 2010)";
    /** §4.3.1. */
    static final String COMMUNICATOR_2007_R2 = "UCCAPI/3.5.6890.0 OC/3.5.6890.0 (Microsoft Office Communicator 2007 R2)";
    static final String COMMUNICATOR_2007 = "UCCP/2.0.6362.0 OC/2.0.6362.0 (Microsoft Office Communicator)";
    /** §4.3.4. */
    static final String STATIC_URL = "https://fabrikam.com/ClientUpdate.html";
    /** §3.4.1.5.2. */
    static final String DYNAMIC_URL = "https://fabrikam.com/AutoUpdate/Int/Handler/update.aspx?folder=OCv3.1";
    /** §3.4.2.5.3. */
    static final String PROMPT_WARNING =
            "310 lcs.microsoft.com \"You are currently not using the recommended version of the client\"";
    /** §3.4.2.5.6–7. */
    static final String UPGRADE_WARNING = "314 lcs.microsoft.com \"Check Microsoft Update for the newest version.\"";
    static final String RULES = "/client-version-rules";
    static final ObjectMapper JSON = new ObjectMapper();
    /** One CSeq sequence for every request, so a client's Call-ID never sees it go back (RFC 3261 §10.3 step 7). */
    static final AtomicInteger CSEQ = new AtomicInteger();

    static UcfrontServer server;
    static AdminClient admin;

    @BeforeClass
    public static void start() throws Exception {
        server = new UcfrontServer("client-version", 15110, 18130)
                .with("UCFRONT_CLIENTVERSION_DEFAULT", "allow-with-upgrade").start();
        admin = AdminClient.of(server);
        for (String user : new String[] {"ann", "ben", "cat", "dan", "eve", "fay"}) {
            admin.createUser(aor(user), PASSWORD);
        }
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** Each test starts without rules. */
    @After
    public void deleteRules() throws Exception {
        for (JsonNode rule : JSON.readTree(admin.send("GET", RULES, null).body())) {
            assertEquals(204, admin.send("DELETE", RULES + "/" + rule.get("id").asText(), null).statusCode());
        }
    }

    static String aor(String user) {
        return "sip:" + user + "@" + UcfrontServer.DOMAIN;
    }

    /** Creates a rule; returns its id. */
    static String createRule(String json) throws Exception {
        HttpResponse<String> r = admin.send("POST", RULES, json);
        assertEquals(r.body(), 201, r.statusCode());
        return JSON.readTree(r.body()).get("id").asText();
    }

    static void patchRule(String id, String json) throws Exception {
        HttpResponse<String> r = admin.send("PATCH", RULES + "/" + id, json);
        assertEquals(r.body(), 200, r.statusCode());
    }

    private static String hex(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A REGISTER of a new endpoint of the user with this User-Agent (none if null), answered
     * through a SHA-256 Digest challenge computed here (RFC 7616 §3.4.1, qop=auth).
     */
    static SipTestClient.Message register(SipTestClient c, String user, String userAgent, String expires)
            throws Exception {
        String request = "REGISTER sip:fabrikam.com SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + c.localPort() + ";branch=z9hG4bK-%s\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:" + user + "@fabrikam.com>;tag=t" + c.localPort() + ";epid=e" + c.localPort() + "\n"
                + "To: <sip:" + user + "@fabrikam.com>\n"
                + "Call-ID: cv-" + user + "-" + c.localPort() + "\n"
                + "CSeq: %d REGISTER\n"
                + "Contact: <sip:127.0.0.1:" + c.localPort() + ";transport=udp>;+sip.instance=\"<urn:uuid:"
                + UUID.nameUUIDFromBytes(("cv" + c.localPort()).getBytes(StandardCharsets.UTF_8)) + ">\"\n"
                + "Supported: gruu-10\n"
                + (userAgent == null ? "" : "User-Agent: " + userAgent + "\n")
                + "Expires: " + expires + "\n"
                + "%sContent-Length: 0\n\n";
        c.send(String.format(request, UUID.randomUUID(), CSEQ.incrementAndGet(), ""));
        SipTestClient.Message challenge = c.receive();
        assertEquals(challenge.text(), 401, challenge.status());
        Matcher n = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge.header("WWW-Authenticate"));
        assertTrue(n.find());
        String response = hex(hex(user + ":fabrikam.com:" + PASSWORD) + ":" + n.group(1) + ":00000001:cv:auth:"
                + hex("REGISTER:sip:fabrikam.com"));
        c.send(String.format(request, UUID.randomUUID(), CSEQ.incrementAndGet(), "Authorization: Digest username=\"" + user
                + "\", realm=\"fabrikam.com\", nonce=\"" + n.group(1) + "\", uri=\"sip:fabrikam.com\", response=\""
                + response + "\", algorithm=SHA-256, cnonce=\"cv\", qop=auth, nc=00000001\n"));
        return c.receive();
    }

    static SipTestClient.Message register(String user, String userAgent) throws Exception {
        try (SipTestClient c = SipTestClient.udp(server.sipPort)) {
            return register(c, user, userAgent, "3600");
        }
    }

    /** The answer carries exactly this Warning line, byte for byte (DIGEST §4: quoted warn-text, no ;appName). */
    static void assertWarning(SipTestClient.Message m, String value) {
        assertTrue(m.text(), m.text().contains("\r\nWarning: " + value + "\r\n"));
        assertEquals(m.text(), List.of(value), m.headers("Warning"));
    }

    @Test
    public void aBlockedClientGets403WithTheWarningAndNoBinding() throws Exception {
        createRule("{\"product\":\"OC\",\"comparison\":\"lt\",\"version\":\"4.0.7577.0\","
                + "\"action\":\"block-with-static-url\",\"url\":\"" + STATIC_URL + "\",\"priority\":10}");

        SipTestClient.Message refused = register("ann", COMMUNICATOR_2007_R2);
        assertEquals(refused.text(), "SIP/2.0 403 Forbidden", refused.startLine());
        assertWarning(refused, "311 lcs.microsoft.com \"https://fabrikam.com/ClientUpdate.html\"");
        assertEquals("60008;reason=\"Client version blocked.\"", refused.header("ms-diagnostics-public"));
        assertEquals(List.of(), refused.headers("Contact"));
        assertEquals("[]", admin.registrations(aor("ann")));

        SipTestClient.Message current = register("ann", COMMUNICATOR_2010); // not matched: the default
        assertEquals(current.text(), 200, current.status());
        assertTrue(admin.registrations(aor("ann")), admin.registrations(aor("ann")).contains(COMMUNICATOR_2010));
    }

    @Test
    public void anAllowedClientWithAUrlGets200WithTheWarningAndIsBound() throws Exception {
        createRule("{\"product\":\"OC\",\"comparison\":\"less\",\"version\":\"4.0.7577.0\","
                + "\"action\":\"allow-with-dynamic-url\",\"url\":\"" + DYNAMIC_URL + "\",\"priority\":10}");

        SipTestClient.Message ok = register("ben", COMMUNICATOR_2007_R2);
        assertEquals(ok.text(), "SIP/2.0 200 OK", ok.startLine());
        assertWarning(ok, "312 lcs.microsoft.com \"https://fabrikam.com/AutoUpdate/Int/Handler/update.aspx?folder=OCv3.1\"");
        assertEquals(ok.text(), List.of(), ok.headers("ms-diagnostics-public")); // DIGEST §8: none on a 200
        assertEquals(ok.text(), List.of(), ok.headers("ms-diagnostics"));
        assertTrue(ok.header("presence-state"), ok.header("presence-state").startsWith("register-action=\"added\""));
        assertTrue(admin.registrations(aor("ben")), admin.registrations(aor("ben")).contains(COMMUNICATOR_2007_R2));
    }

    @Test
    public void theConfiguredDefaultAppliesWhenNoRuleMatchesOrTheVersionCannotBeRead() throws Exception {
        createRule("{\"product\":\"OC\",\"comparison\":\"lt\",\"version\":\"3.5.6890.0\","
                + "\"action\":\"block-with-prompt\",\"priority\":10}");

        assertEquals(403, register("cat", COMMUNICATOR_2007).status()); // the rule decides
        for (String userAgent : new String[] {COMMUNICATOR_2010, "OC/3.5.689.0", "Linphone/3.6.1 (belle-sip/1.2.4)",
                null}) {
            SipTestClient.Message ok = register("cat", userAgent);
            assertEquals(ok.text(), 200, ok.status());
            assertWarning(ok, UPGRADE_WARNING);
        }
        assertEquals(4, RegistrarIT.count(admin.registrations(aor("cat")), "\"gruu\""));
    }

    @Test
    public void theEnabledRuleWithTheLowestPriorityDecides() throws Exception {
        String prompt = createRule("{\"product\":\"OC\",\"comparison\":\"lt\",\"version\":\"4.0.7577.0\","
                + "\"action\":\"block-with-prompt\",\"priority\":20}");
        String upgrade = createRule("{\"product\":\"UCCAPI\",\"comparison\":\"eq\",\"version\":\"3.5.6890.0\","
                + "\"action\":\"allow-with-static-url\",\"url\":\"" + STATIC_URL + "\",\"priority\":10}");

        SipTestClient.Message ok = register("dan", COMMUNICATOR_2007_R2);
        assertEquals(ok.text(), 200, ok.status());
        assertWarning(ok, "313 lcs.microsoft.com \"https://fabrikam.com/ClientUpdate.html\"");

        patchRule(upgrade, "{\"priority\":30}");
        SipTestClient.Message refused = register("dan", COMMUNICATOR_2007_R2);
        assertEquals(refused.text(), 403, refused.status());
        assertWarning(refused, PROMPT_WARNING);

        JsonNode listed = JSON.readTree(admin.send("GET", RULES, null).body());
        assertEquals(prompt, listed.get(0).get("id").asText()); // in the order they are tried
        assertEquals(upgrade, listed.get(1).get("id").asText());
    }

    @Test
    public void disabledRulesAreIgnored() throws Exception {
        String id = createRule("{\"product\":\"OC\",\"comparison\":\"le\",\"version\":\"4.0.7577.0\","
                + "\"action\":\"block-with-upgrade\",\"priority\":1,\"enabled\":false}");

        SipTestClient.Message ok = register("eve", COMMUNICATOR_2010);
        assertEquals(ok.text(), 200, ok.status()); // the default, allow-with-upgrade
        assertWarning(ok, UPGRADE_WARNING);

        patchRule(id, "{\"enabled\":true}");
        SipTestClient.Message refused = register("eve", COMMUNICATOR_2010);
        assertEquals(refused.text(), 403, refused.status());
        assertWarning(refused, UPGRADE_WARNING);

        patchRule(id, "{\"enabled\":false}");
        assertEquals(200, register("eve", COMMUNICATOR_2010).status());
    }

    @Test
    public void unregisteringIsNotSubjectToThePolicy() throws Exception {
        try (SipTestClient c = SipTestClient.udp(server.sipPort)) {
            assertEquals(200, register(c, "fay", COMMUNICATOR_2007, "3600").status());
            createRule("{\"product\":\"UCCP\",\"comparison\":\"ge\",\"version\":\"2.0.0000.0\","
                    + "\"action\":\"block-with-prompt\",\"priority\":1}");
            SipTestClient.Message ok = register(c, "fay", COMMUNICATOR_2007, "0");
            assertEquals(ok.text(), 200, ok.status());
            assertEquals("0", ok.header("Expires"));
            assertEquals(List.of(), ok.headers("Warning"));
            assertEquals("[]", admin.registrations(aor("fay")));
        }
    }

    @Test
    public void rulesSurviveARestart() throws Exception {
        String id = createRule("{\"product\":\"UCCP\",\"comparison\":\"eq\",\"version\":\"2.0.6362.0\","
                + "\"action\":\"block-with-prompt\",\"priority\":7}");
        String before = admin.send("GET", RULES, null).body();

        server.stop();
        server.start();
        assertEquals(before, admin.send("GET", RULES, null).body());
        assertTrue(server.logText(), server.logText().contains("1 client version rule(s) loaded; default allow-with-upgrade"));
        SipTestClient.Message refused = register("cat", COMMUNICATOR_2007);
        assertEquals(refused.text(), 403, refused.status());
        assertWarning(refused, PROMPT_WARNING);
        assertTrue(before, before.contains(id));
    }

    @Test
    public void aRuleLifeCycleOverRest() throws Exception {
        HttpResponse<String> created = admin.send("POST", RULES, "{\"product\":\"OC\",\"comparison\":\"greater-or-equal\","
                + "\"version\":\"3.5.6890.0\",\"action\":\"block-with-dynamic-url\",\"url\":\"" + DYNAMIC_URL
                + "\",\"priority\":5}");
        assertEquals(created.body(), 201, created.statusCode());
        String id = JSON.readTree(created.body()).get("id").asText();
        assertTrue(id, id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertEquals("/api/client-version-rules/" + id, created.headers().firstValue("Location").orElse(""));
        String expected = "{\"id\":\"" + id + "\",\"product\":\"OC\",\"comparison\":\"ge\",\"version\":\"3.5.6890.0\","
                + "\"action\":\"block-with-dynamic-url\",\"url\":\"" + DYNAMIC_URL + "\",\"priority\":5,\"enabled\":true}";
        assertEquals(expected, created.body());
        assertEquals(expected, admin.send("GET", RULES + "/" + id, null).body());
        assertEquals("[" + expected + "]", admin.send("GET", RULES, null).body());

        HttpResponse<String> patched = admin.send("PATCH", RULES + "/" + id, "{\"id\":\"" + id + "\",\"action\":\"allow\"}");
        assertEquals(patched.body(), 200, patched.statusCode());
        assertEquals("{\"id\":\"" + id + "\",\"product\":\"OC\",\"comparison\":\"ge\",\"version\":\"3.5.6890.0\","
                + "\"action\":\"allow\",\"url\":null,\"priority\":5,\"enabled\":true}", patched.body());

        assertEquals(204, admin.send("DELETE", RULES + "/" + id, null).statusCode());
        assertEquals(404, admin.send("GET", RULES + "/" + id, null).statusCode());
        assertEquals(404, admin.send("DELETE", RULES + "/" + id, null).statusCode());
        assertEquals(401, new AdminClient(server.httpPort, "admin", "wrong").send("GET", RULES, null).statusCode());
    }

    @Test
    public void invalidRulesGetA400ThatNamesTheField() throws Exception {
        String valid = "\"product\":\"OC\",\"comparison\":\"lt\",\"version\":\"4.0.7577.0\",\"priority\":1";
        assertError(admin.send("POST", RULES, "{" + valid + ",\"action\":\"block-with-dynamic-url\",\"url\":\""
                + STATIC_URL + "\"}"), 400, "url: a dynamic URL must contain folder=");
        assertError(admin.send("POST", RULES, "{" + valid + ",\"action\":\"block-with-static-url\"}"), 400,
                "url: required for block-with-static-url");
        assertError(admin.send("POST", RULES, "{" + valid + ",\"action\":\"allow\",\"url\":\"" + STATIC_URL + "\"}"),
                400, "url: allow takes no URL");
        assertError(admin.send("POST", RULES, "{\"product\":\"OC\",\"comparison\":\"lt\",\"version\":\"3.5.689.0\","
                + "\"action\":\"allow\",\"priority\":1}"), 400,
                "version: expected Major.Minor.Build.Qfe with a build of at least 4 digits");
        assertError(admin.send("POST", RULES, "{\"product\":\"OC\",\"comparison\":\">=\",\"version\":\"4.0.7577.0\","
                + "\"action\":\"allow\",\"priority\":1}"), 400, "comparison: expected eq, ne, gt, ge, lt or le (or equal,"
                + " not-equal, greater, greater-or-equal, less, less-or-equal)");
        assertError(admin.send("POST", RULES, "{" + valid + ",\"action\":\"deny\"}"), 400, "action: expected one of allow,"
                + " block-with-prompt, block-with-static-url, allow-with-static-url, block-with-upgrade, allow-with-upgrade,"
                + " block-with-dynamic-url, allow-with-dynamic-url");
        assertError(admin.send("POST", RULES, "{\"product\":\"OC/4\",\"comparison\":\"lt\",\"version\":\"4.0.7577.0\","
                + "\"action\":\"allow\",\"priority\":1}"), 400,
                "product: must be a product token (RFC 3261 token) of at most 64 characters, e.g. OC");
        assertError(admin.send("POST", RULES, "{\"product\":\"OC\",\"comparison\":\"lt\",\"version\":\"4.0.7577.0\","
                + "\"action\":\"allow\"}"), 400, "priority: required");
        assertError(admin.send("POST", RULES, "{\"product\":\"OC\",\"comparison\":\"lt\",\"version\":\"4.0.7577.0\","
                + "\"action\":\"allow\",\"priority\":\"high\"}"), 400,
                "priority: expected a whole number");
        assertError(admin.send("POST", RULES, "{" + valid + ",\"action\":\"allow\",\"priority\":-1}"), 400,
                "priority: must be 0 or more");
        assertError(admin.send("POST", RULES, "{" + valid + ",\"action\":\"allow\",\"regex\":\"OC.*\"}"), 400,
                "unknown field 'regex'");
        assertError(admin.send("POST", RULES, "{" + valid + ",\"action\":\"allow\",\"id\":\"mine\"}"), 400,
                "id: assigned by the server");
        assertError(admin.send("POST", RULES, "{\"product\":"), 400, "invalid JSON");
        assertError(admin.send("POST", RULES, "[]"), 400, "invalid JSON: a JSON object is required");
        assertEquals("[]", admin.send("GET", RULES, null).body()); // nothing was created

        String id = createRule("{" + valid + ",\"action\":\"allow-with-static-url\",\"url\":\"" + STATIC_URL + "\"}");
        assertError(admin.send("PATCH", RULES + "/" + id, "{\"action\":\"allow-with-dynamic-url\"}"), 400,
                "url: a dynamic URL must contain folder=");
        assertError(admin.send("PATCH", RULES + "/" + id, "{\"enabled\":\"maybe\"}"), 400, "enabled: expected true or false");
        assertError(admin.send("PATCH", RULES + "/" + id, "{\"id\":\"other\"}"), 400, "id: cannot be changed");
        assertError(admin.send("PATCH", RULES + "/no-such-rule", "{\"enabled\":false}"), 404,
                "no client version rule no-such-rule");
        assertError(admin.send("PUT", RULES, "{}"), 405, "method not allowed; allowed: GET, POST");
        assertError(admin.send("POST", RULES + "/" + id, "{}"), 405, "method not allowed; allowed: GET, PATCH, DELETE");
        assertEquals(STATIC_URL, JSON.readTree(admin.send("GET", RULES + "/" + id, null).body()).get("url").asText());
    }

    private static void assertError(HttpResponse<String> r, int status, String message) throws Exception {
        assertEquals(r.body(), status, r.statusCode());
        String error = JSON.readTree(r.body()).get("error").asText();
        assertTrue(r.body(), message.startsWith("invalid JSON") ? error.startsWith(message) : error.equals(message));
    }
}
