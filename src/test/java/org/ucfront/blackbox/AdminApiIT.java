package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The admin REST API over HTTP: authentication with a generated password, user lifecycle,
 * precise errors, and deletion deregistering the user's endpoints (§3.2, 4141).
 */
public class AdminApiIT {

    static UcfrontServer server;
    static AdminClient admin;

    @BeforeClass
    public static void start() throws Exception {
        server = new UcfrontServer("admin-api", 15100, 18120).without("UCFRONT_ADMIN_PASSWORD")
                .with("UCFRONT_DIGEST_ALGORITHMS", "MD5").start();
        String generated = Files.readString(server.dataDir().resolve("admin-password"), StandardCharsets.UTF_8).trim();
        assertTrue("a generated password is long and random: " + generated.length(), generated.length() >= 20);
        admin = new AdminClient(server.httpPort, "admin", generated);
    }

    @AfterClass
    public static void stop() throws Exception {
        server.stop();
    }

    @Test
    public void withoutTheRightCredentialsNothingIsServed() throws Exception {
        assertEquals(401, new AdminClient(server.httpPort, "admin", "admin").send("GET", "/users", null).statusCode());
        assertEquals(401, new AdminClient(server.httpPort, "root", "").send("GET", "/users", null).statusCode());
        assertTrue(server.logText().contains("generated one for user 'admin'"));
    }

    @Test
    public void aUsersLifeCycle() throws Exception {
        HttpResponse<String> created = admin.send("POST", "/users",
                "{\"uri\":\"sip:Kim@Fabrikam.com\",\"displayName\":\"Kim Akers\",\"password\":\"p\"}");
        assertEquals(created.body(), 201, created.statusCode());
        assertEquals("{\"uri\":\"sip:kim@fabrikam.com\",\"displayName\":\"Kim Akers\",\"enabled\":true}", created.body());
        assertEquals(400, admin.send("POST", "/users", "{\"uri\":\"sip:kim@fabrikam.com\"}").statusCode());
        assertTrue(admin.send("GET", "/users", null).body().contains("\"uri\":\"sip:kim@fabrikam.com\""));

        HttpResponse<String> patched = admin.patchUser("sip:kim@fabrikam.com", "{\"displayName\":\"Kim A.\",\"enabled\":false}");
        assertEquals(patched.body(), 200, patched.statusCode());
        assertEquals("{\"uri\":\"sip:kim@fabrikam.com\",\"displayName\":\"Kim A.\",\"enabled\":false}", patched.body());

        assertEquals(204, admin.send("DELETE", "/users/sip:kim@fabrikam.com", null).statusCode());
        assertEquals(404, admin.send("GET", "/users/sip:kim@fabrikam.com", null).statusCode());
        assertEquals(404, admin.send("DELETE", "/users/sip:kim@fabrikam.com", null).statusCode());
    }

    @Test
    public void badRequestsGetA400ThatSaysWhy() throws Exception {
        assertError(admin.send("POST", "/users", "{\"uri\":\"sip:lee@fabrikam.com\",\"admin\":true}"), 400,
                "unknown field 'admin'");
        assertError(admin.send("POST", "/users", "{\"uri\":"), 400, "invalid JSON");
        assertError(admin.send("POST", "/users", "{\"displayName\":\"x\"}"), 400, "uri is required");
        assertError(admin.send("POST", "/users", "{\"uri\":\"sip:no-host\"}"), 400, "user@host");
        // RFC 3261 §25.1 user: no spaces, angle brackets or quotes
        assertError(admin.send("POST", "/users", "{\"uri\":\"sip:a <b>@fabrikam.com\"}"), 400, "no valid user part");
        assertError(admin.send("POST", "/users", "{\"uri\":\"sip:lee@fabrikam.com\",\"password\":\"\"}"), 400,
                "password must be 1 to 256 characters");
        assertError(admin.send("PUT", "/users", "{}"), 405, "allowed: GET, POST");
        assertError(admin.send("GET", "/nothing", null), 404, "no resource /nothing");
    }

    private static void assertError(HttpResponse<String> r, int status, String contains) {
        assertEquals(r.body(), status, r.statusCode());
        assertTrue(r.body(), r.body().startsWith("{\"error\":\"") && r.body().contains(contains));
    }

    @Test
    public void deletingARegisteredUserSendsTheRejectedNotify() throws Exception {
        admin.createUser("sip:max@fabrikam.com", "Pa55-word");
        try (SipTestClient c = SipTestClient.udp(server.sipPort)) {
            String request = "REGISTER sip:fabrikam.com SIP/2.0\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + c.localPort() + ";branch=z9hG4bK-%s\n"
                    + "Max-Forwards: 70\nFrom: <sip:max@fabrikam.com>;tag=7c503117ea;epid=90e62db136\n"
                    + "To: <sip:max@fabrikam.com>\nCall-ID: 6d7b09278d574162a4ef50c25e4e5051\nCSeq: %d REGISTER\n"
                    + "Contact: <sip:127.0.0.1:" + c.localPort() + ";transport=udp>;+sip.instance=\"<urn:uuid:"
                    + "0F3C7A0E-1C2B-4D5E-8F90-A1B2C3D4E5F6>\"\n%sContent-Length: 0\n\n";
            c.send(String.format(request, "a1", 1, ""));
            SipTestClient.Message challenge = c.receive();
            Matcher n = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge.header("WWW-Authenticate"));
            assertTrue(n.find());
            String ha1 = md5("max:fabrikam.com:Pa55-word");
            String response = md5(ha1 + ":" + n.group(1) + ":00000001:abc:auth:" + md5("REGISTER:sip:fabrikam.com"));
            c.send(String.format(request, "a2", 2, "Authorization: Digest username=\"max\", realm=\"fabrikam.com\", nonce=\""
                    + n.group(1) + "\", uri=\"sip:fabrikam.com\", response=\"" + response
                    + "\", algorithm=MD5, cnonce=\"abc\", qop=auth, nc=00000001\n"));
            SipTestClient.Message ok = c.receive();
            assertEquals(ok.text(), 200, ok.status());
            String registrarTag = ok.header("To").replaceAll(".*;tag=", "");

            assertEquals(204, admin.send("DELETE", "/users/sip:max@fabrikam.com", null).statusCode());
            SipTestClient.Message notify = c.receive();
            // §4.1.3, with this endpoint's dialog values
            assertTrue(notify.startLine(), notify.startLine().startsWith("NOTIFY sip:127.0.0.1:" + c.localPort()));
            assertEquals("6d7b09278d574162a4ef50c25e4e5051", notify.header("Call-ID"));
            assertTrue(notify.header("From"), notify.header("From").endsWith(";tag=" + registrarTag));
            assertTrue(notify.header("To"), notify.header("To").contains("tag=7c503117ea"));
            assertTrue(notify.header("To"), notify.header("To").contains("epid=90e62db136"));
            assertEquals("1 NOTIFY", notify.header("CSeq"));
            assertEquals("registration-notify", notify.header("Event"));
            assertEquals("text/registration-event", notify.header("Content-Type"));
            assertEquals("terminated;expires=0", notify.header("Subscription-State"));
            assertEquals("4141;reason=\"User disabled\"", notify.header("ms-diagnostics-public"));
            assertTrue(notify.text(), notify.text().endsWith("\r\n\r\nderegistered;event=rejected"));
        }
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
