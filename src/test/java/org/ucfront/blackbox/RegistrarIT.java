package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ucfront.blackbox.Sipp.Transport;

/**
 * The registrar as clients see it: the packaged server started as a process, real SIP from sipp
 * over UDP and TCP, users provisioned through the admin REST API. Expected values are the spec's
 * literals (MS-SIPREGE §4.1, DIGEST §1–2) or the test's own oracle.
 */
public class RegistrarIT {

    /** §4.1.1: the instance of the example REGISTER and the GRUU of its 200 OK. */
    static final String SPEC_INSTANCE = "B43B3D1D-9F8F-5FDC-9F74-3CA273CADB97";
    static final String SPEC_GRUU = "sip:alice@fabrikam.com;opaque=user:epid:HT07tI-f3F-fdDyic8rblwAA;gruu";
    static final String PASSWORD = "Circle-Of-Life"; // sipp cannot send a password with spaces
    static final int MAX_ENDPOINTS = 2;

    static UcfrontServer server;
    static AdminClient admin;

    @BeforeClass
    public static void startServer() throws Exception {
        server = new UcfrontServer("registrar", 15060, 18080)
                .with("UCFRONT_DIGEST_ALGORITHMS", "MD5") // sipp 3.6 computes MD5 Digest only
                .with("UCFRONT_REGISTER_MAX_ENDPOINTS", Integer.toString(MAX_ENDPOINTS))
                .start();
        admin = AdminClient.of(server);
        for (String user : new String[] {"alice", "carol", "dave", "erin", "frank", "gina", "hank", "jack"}) {
            admin.createUser("sip:" + user + "@" + UcfrontServer.DOMAIN, PASSWORD);
        }
        admin.createUser("sip:ivan@" + UcfrontServer.DOMAIN, PASSWORD);
        admin.patchUser("sip:ivan@" + UcfrontServer.DOMAIN, "{\"enabled\":false}");
    }

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** A scenario with the placeholders every REGISTER template shares. */
    static Sipp registration(String template, String user, String instance) {
        return Sipp.scenario(template)
                .set("DOMAIN", UcfrontServer.DOMAIN)
                .set("USER", user)
                .set("PASSWORD", PASSWORD)
                .set("TAG", "t" + Integer.toHexString(instance.hashCode()))
                .set("EPID", "e" + Integer.toHexString(instance.hashCode() * 31))
                .set("INSTANCE", instance)
                .set("INSTANCE_LC", instance.toLowerCase(Locale.ROOT))
                .set("GRUU", ExpectedGruu.of(user, UcfrontServer.DOMAIN, instance))
                .set("EXPIRES", "7200");
    }

    static void assertPasses(Sipp sipp, int exitCode) throws IOException {
        assertEquals(sipp.diagnostics(), 0, exitCode);
    }

    @Test
    public void gruuOracleMatchesTheSpecVector() {
        assertEquals(SPEC_GRUU, ExpectedGruu.of("alice", "fabrikam.com", SPEC_INSTANCE));
    }

    @Test
    public void registerRefreshUnregisterAndFixOverUdpWithTheSpecInstance() throws Exception {
        Sipp sipp = registration("register-flow.xml", "alice", SPEC_INSTANCE).set("GRUU", SPEC_GRUU)
                .transport(Transport.UDP);
        assertPasses(sipp, sipp.run(server));
    }

    @Test
    public void registerRefreshUnregisterAndFixOverTcp() throws Exception {
        Sipp sipp = registration("register-flow.xml", "carol", ExpectedGruu.newInstance()).transport(Transport.TCP);
        assertPasses(sipp, sipp.run(server));
    }

    @Test
    public void eachSupportedOptionTagOnItsOwnLine() throws Exception {
        Sipp sipp = registration("register-once.xml", "hank", ExpectedGruu.newInstance()).set("ACTION", "added")
                .transport(Transport.TCP);
        assertPasses(sipp, sipp.run(server));
        String ok = lastResponse(sipp.messages(), "200 OK");
        assertTrue(ok, Pattern.compile("\r?\nSupported: gruu-10\r?\n").matcher(ok).find());
        assertTrue(ok, Pattern.compile("\r?\nSupported: msrtc-event-categories\r?\n").matcher(ok).find());
        assertTrue(ok, ok.contains("\nServer: RTC/4.0"));
        // only what ucfront serves, no spaces after commas (§4.1.1 lists Lync's events)
        assertTrue(ok, Pattern.compile("\r?\nAllow-Events: vnd-microsoft-provisioning-v2\r?\n").matcher(ok).find());
    }

    // --- DIGEST §1 validation table and RFC 3261 §10.3 refusals, one sipp run each ---

    private Sipp refused(String status, String errorId, String fromParams, String contactParams, String extra) {
        String instance = ExpectedGruu.newInstance();
        return registration("register-refused-after-auth.xml", "dave", instance)
                .set("TO_USER", "dave")
                .set("STATUS", status)
                .set("ERROR_ID", errorId)
                .set("FROM_PARAMS", fromParams)
                .set("CONTACT_PARAMS", contactParams)
                .set("EXTRA", extra)
                .set("ALSO_HEADER", "CSeq:")
                .set("ALSO_REGEXP", "REGISTER");
    }

    private static final String INSTANCE_PARAM = ";+sip.instance=\"<urn:uuid:0B1C3C5E-64C3-4E0A-9F3B-7A3E51B4F0A1>\"";

    @Test
    public void missingEndpointIdentifierIs400With4010() throws Exception {
        Sipp s = refused("400", "4010", "", "", "Supported: gruu-10");
        assertPasses(s, s.run(server));
    }

    @Test
    public void eventOtherThanRegistrationIs489With4055() throws Exception {
        Sipp s = refused("489", "4055", ";epid=01010101", INSTANCE_PARAM, "Event: presence");
        assertPasses(s, s.run(server));
    }

    @Test
    public void eventCategoriesWithoutGruuIs421With2057AndRequire() throws Exception {
        Sipp s = refused("421", "2057", ";epid=01010101", INSTANCE_PARAM, "Supported: msrtc-event-categories")
                .set("ALSO_HEADER", "Require:").set("ALSO_REGEXP", "^ *gruu-10 *$")
                .transport(Transport.TCP);
        assertPasses(s, s.run(server));
    }

    @Test
    public void expiryBelowMinimumIs423WithMinExpires30() throws Exception {
        Sipp s = refused("423", "60001", ";epid=01010101", INSTANCE_PARAM, "Expires: 10")
                .set("ALSO_HEADER", "Min-Expires:").set("ALSO_REGEXP", "^ *30 *$");
        assertPasses(s, s.run(server));
    }

    @Test
    public void malformedSipInstanceIs400() throws Exception {
        Sipp s = refused("400", "60002", ";epid=01010101", ";+sip.instance=\"<urn:uuid:not-a-uuid>\"", "Expires: 60");
        assertPasses(s, s.run(server));
    }

    @Test
    public void malformedDeviceInfoIs400() throws Exception {
        Sipp s = refused("400", "60002", ";epid=01010101", INSTANCE_PARAM, "Ms-Device-Info: MAC=zz,vendor=x");
        assertPasses(s, s.run(server));
    }

    /** Syntax comes before authentication (RFC 3261 §8.2.2): no challenge for a malformed request. */
    @Test
    public void malformedExpiresIs400BeforeAnyChallenge() throws Exception {
        Sipp s = registration("register-refused.xml", "dave", ExpectedGruu.newInstance())
                .set("STATUS", "400").set("ERROR_ID", "60002").set("EXTRA", "Expires: soon")
                .transport(Transport.TCP);
        assertPasses(s, s.run(server));
    }

    @Test
    public void registeringAnotherUsersAddressIs403() throws Exception {
        Sipp s = refused("403", "60005", ";epid=01010101", INSTANCE_PARAM, "Expires: 60").set("TO_USER", "alice");
        assertPasses(s, s.run(server));
    }

    @Test
    public void wrongPasswordIs403() throws Exception {
        Sipp s = refused("403", "60007", ";epid=01010101", INSTANCE_PARAM, "Expires: 60").set("PASSWORD", "wrong");
        assertPasses(s, s.run(server));
    }

    @Test
    public void unknownUserIs404() throws Exception {
        Sipp s = registration("register-refused.xml", "nobody", ExpectedGruu.newInstance())
                .set("STATUS", "404").set("ERROR_ID", "60003").set("EXTRA", "Expires: 60");
        assertPasses(s, s.run(server));
    }

    @Test
    public void disabledUserIs403() throws Exception {
        Sipp s = registration("register-refused.xml", "ivan", ExpectedGruu.newInstance())
                .set("STATUS", "403").set("ERROR_ID", "60004").set("EXTRA", "Expires: 60")
                .transport(Transport.TCP);
        assertPasses(s, s.run(server));
    }

    // --- deregister NOTIFY (DIGEST §2) ---

    @Test
    public void quotaOverflowRemovesTheOldestEndpointWithAnUnregisteredNotify() throws Exception {
        String aor = "sip:erin@" + UcfrontServer.DOMAIN;
        String oldInstance = ExpectedGruu.newInstance();
        Sipp old = registration("register-await-notify.xml", "erin", oldInstance)
                .callId("quota-old-endpoint")
                .set("BODY", "deregistered;event=unregistered").set("ERROR_ID", "4140")
                .set("NOTIFY_TIMEOUT", "30000")
                .transport(Transport.TCP).start(server);
        await(() -> count(admin.registrations(aor), "\"gruu\"") == 1);
        for (int i = 1; i <= MAX_ENDPOINTS; i++) { // the quota's worth of newer endpoints (UDP: they outlive sipp)
            Sipp newer = registration("register-once.xml", "erin", ExpectedGruu.newInstance()).set("ACTION", "added")
                    .transport(Transport.UDP);
            assertPasses(newer, newer.run(server));
        }
        assertPasses(old, old.await());
        assertNotifyInRegisterDialog(old.messages(), "quota-old-endpoint");
        String left = admin.registrations(aor);
        assertEquals(left, MAX_ENDPOINTS, count(left, "\"gruu\""));
        assertFalse(left, left.contains(oldInstance.toLowerCase(Locale.ROOT)));
    }

    @Test
    public void disablingAUserSendsTheRejectedNotifyToItsEndpoint() throws Exception {
        String aor = "sip:frank@" + UcfrontServer.DOMAIN;
        Sipp endpoint = registration("register-await-notify.xml", "frank", ExpectedGruu.newInstance())
                .callId("disabled-user-endpoint")
                .set("BODY", "deregistered;event=rejected").set("ERROR_ID", "4141")
                .set("NOTIFY_TIMEOUT", "30000")
                .transport(Transport.UDP).start(server);
        await(() -> count(admin.registrations(aor), "\"gruu\"") == 1);
        assertEquals(200, admin.patchUser(aor, "{\"enabled\":false}").statusCode());
        assertPasses(endpoint, endpoint.await());
        assertNotifyInRegisterDialog(endpoint.messages(), "disabled-user-endpoint");
        // logged right after the NOTIFY is sent, so it may land just after sipp has its NOTIFY
        await(() -> server.logText().contains("user frank@fabrikam.com disabled; 1 endpoint(s) deregistered"));
        assertEquals("[]", admin.registrations(aor));
    }

    /** §3.1.2.6: a binding registered over TCP goes when its connection closes (sipp exits). */
    @Test
    public void closingTheTcpConnectionRemovesItsBinding() throws Exception {
        String aor = "sip:jack@" + UcfrontServer.DOMAIN;
        Sipp tcp = registration("register-await-notify.xml", "jack", ExpectedGruu.newInstance())
                .callId("closing-connection").set("BODY", "never").set("ERROR_ID", "0")
                .set("NOTIFY_TIMEOUT", "60000").transport(Transport.TCP).start(server);
        await(() -> count(admin.registrations(aor), "\"transport\":\"tcp\"") == 1);
        tcp.kill(); // the client goes away: its connection closes
        await(() -> count(admin.registrations(aor), "\"gruu\"") == 0);
    }

    // --- expiry (§3.1.2.6, §3.2.2.5) ---

    @Test
    public void aReRegistrationAfterExpiryIsFixed() throws Exception {
        String aor = "sip:gina@" + UcfrontServer.DOMAIN;
        String instance = ExpectedGruu.newInstance();
        Sipp first = registration("register-once.xml", "gina", instance).set("ACTION", "added").set("EXPIRES", "30");
        assertPasses(first, first.run(server));
        assertEquals(1, count(admin.registrations(aor), "\"gruu\""));
        await(() -> count(admin.registrations(aor), "\"gruu\"") == 0); // the binding's 30 s run out
        Sipp again = registration("register-once.xml", "gina", instance).set("ACTION", "fixed").set("EXPIRES", "30");
        assertPasses(again, again.run(server));
    }

    /**
     * §3.2.2.4.1: the NOTIFY reuses the REGISTER's Call-ID, its From tag is the To tag of the
     * registrar's 200 OK, and its To tag is the client's From tag.
     */
    static void assertNotifyInRegisterDialog(String messages, String callId) {
        String ok = lastResponse(messages.substring(0, messages.indexOf("NOTIFY sip:")), "200 OK");
        String notify = messages.substring(messages.indexOf("NOTIFY sip:"));
        String registrarTag = tag(header(ok, "To"));
        assertEquals(registrarTag, tag(header(notify, "From")));
        String clientTag = tag(header(ok, "From"));
        assertEquals(clientTag, tag(header(notify, "To")));
        assertEquals(callId, header(notify, "Call-ID"));
        assertTrue(header(notify, "CSeq"), header(notify, "CSeq").matches("\\d+ NOTIFY"));
    }

    static String lastResponse(String messages, String status) {
        int at = messages.lastIndexOf("SIP/2.0 " + status);
        assertTrue("no " + status + " in " + messages, at >= 0);
        int end = messages.indexOf("\n\n", at);
        return messages.substring(at, end < 0 ? messages.length() : end);
    }

    static String header(String message, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\s*$").matcher(message);
        assertTrue("no " + name + " in " + message, m.find());
        return m.group(1);
    }

    static String tag(String headerValue) {
        Matcher m = Pattern.compile(";tag=([^;>\\s]+)").matcher(headerValue);
        assertTrue("no tag in " + headerValue, m.find());
        return m.group(1);
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /** Waits for a state the server exposes, polling it; fails after 60 s. */
    static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 60 s");
            }
            Thread.sleep(100);
        }
    }
}
