package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * In-band provisioning over real sockets (§2.2.2, §3.3.2, §4.2): the answer piggybacked on the
 * 200 or sent in a NOTIFY, and the refusals of DIGEST §3.
 */
public class ProvisioningIT {

    static final String PASSWORD = "Prov-Pass-4";
    static final String ACCEPT = "application/vnd-microsoft-roaming-provisioning-v2+xml";
    static final String BODY = "<provisioningGroupList xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisioninggroupList\">"
            + "<provisioningGroup name=\"ServerConfiguration\" /><provisioningGroup name=\"noSuchGroup\" />"
            + "<provisioningGroup name=\"persistentChatConfiguration\" /></provisioningGroupList>";
    static UcfrontServer server;
    static AdminClient admin;

    @BeforeClass
    public static void start() throws Exception {
        server = new UcfrontServer("provisioning", 15120, 18140)
                .with("UCFRONT_PROVISIONING_ORGANIZATION", "Fabrikam")
                .with("UCFRONT_PROVISIONING_MRAS_URI", "sip:mras@fabrikam.com")
                .with("UCFRONT_TRUSTED_SERVERS", "um1.fabrikam.com=127.0.0.1, um3.fabrikam.com=192.0.2.3").start();
        admin = AdminClient.of(server);
        admin.createUser("sip:alice@fabrikam.com", PASSWORD);
        admin.createUser("sip:bob@fabrikam.com", PASSWORD);
        admin.createUser("sip:carol@fabrikam.com", PASSWORD);
        admin.createUser("sip:dave@fabrikam.com", PASSWORD);
    }

    @AfterClass
    public static void stop() throws Exception {
        server.stop();
    }

    /** A provisioning SUBSCRIBE (§4.2.1) from one user for another, with given extra header lines. */
    private static String subscribe(SipTestClient c, String from, String to, int cseq, String extra, String body) {
        return "SUBSCRIBE sip:" + to + " SIP/2.0\n"
                + "Via: SIP/2.0/" + c.transport() + " 127.0.0.1:" + c.localPort() + ";branch=z9hG4bK-" + UUID.randomUUID() + "\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:" + from + ">;tag=77399b3fb7" + (from.contains("@") ? ";epid=e48fdaa231" : "") + "\n"
                + "To: <sip:" + to + ">\n"
                + "Call-ID: prov-" + c.localPort() + "\n"
                + "CSeq: " + cseq + " SUBSCRIBE\n"
                + "Contact: <sip:127.0.0.1:" + c.localPort() + ";transport=" + c.transport().toLowerCase() + ">\n"
                + "User-Agent: UCCAPI/4.0.7577.0 OC/4.0.7577.0 (Microsoft Communicator 2010)\n"
                + "Supported: ms-benotify\n"
                + "Proxy-Require: ms-benotify\n"
                + "Expires: 0\n"
                + (extra.contains("Event:") ? "" : "Event: vnd-microsoft-provisioning-v2\n")
                + extra
                + "Content-Type: " + ACCEPT + "\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\n\n" + body;
    }

    private static String hex(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends a SUBSCRIBE, answers the 407 challenge (SHA-256) and returns the final answer. */
    private static SipTestClient.Message authenticated(SipTestClient c, String from, String to, String extra, String body)
            throws Exception {
        c.send(subscribe(c, from, to, 1, extra, body));
        SipTestClient.Message challenge = c.receive();
        if (challenge.status() != 407) {
            return challenge;
        }
        Matcher n = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge.header("Proxy-Authenticate"));
        assertTrue(challenge.text(), n.find());
        String user = from.substring(0, from.indexOf('@'));
        String ha1 = hex(user + ":fabrikam.com:" + PASSWORD);
        String response = hex(ha1 + ":" + n.group(1) + ":00000001:9f:auth:" + hex("SUBSCRIBE:sip:" + to));
        c.send(subscribe(c, from, to, 2, extra + "Proxy-Authorization: Digest username=\"" + user
                + "\", realm=\"fabrikam.com\", nonce=\"" + n.group(1) + "\", uri=\"sip:" + to + "\", response=\""
                + response + "\", algorithm=SHA-256, cnonce=\"9f\", qop=auth, nc=00000001\n", body));
        return c.receive();
    }

    private static void assertTheAnswer(String body) {
        assertTrue(body, body.startsWith("<provisionGroupList xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisiongrouplist-notification\">"));
        assertTrue(body, body.contains("<provisionGroup name=\"ServerConfiguration\">"));
        assertTrue(body, body.contains("<provisionGroup name=\"persistentChatConfiguration\">"));
        assertTrue(body, !body.contains("noSuchGroup"));
        assertTrue(body, body.contains("<organization>Fabrikam</organization>"));
        assertTrue(body, body.contains("<mrasUri>sip:mras@fabrikam.com</mrasUri>"));
        assertTrue(body, body.contains("<voiceMailUri>sip:alice@fabrikam.com;opaque=app:voicemail</voiceMailUri>"));
    }

    private static String body(SipTestClient.Message m) {
        return m.text().substring(m.text().indexOf("\r\n\r\n") + 4);
    }

    @Test
    public void theAnswerIsPiggybackedOnThe200WhenTheClientSupportsIt() throws Exception {
        try (SipTestClient c = SipTestClient.tcp(server.sipPort)) {
            SipTestClient.Message ok = authenticated(c, "alice@fabrikam.com", "alice@fabrikam.com",
                    "Accept: " + ACCEPT + "\nSupported: ms-piggyback-first-notify\n", BODY);
            assertEquals(ok.text(), 200, ok.status());
            assertEquals("vnd-microsoft-provisioning-v2", ok.header("Event"));
            assertEquals(ACCEPT, ok.header("Content-Type"));
            assertEquals("0", ok.header("Expires"));
            assertEquals("terminated;expires=0", ok.header("Subscription-State"));
            assertEquals("2", ok.header("ms-piggyback-cseq"));
            assertTheAnswer(body(ok));
        }
    }

    @Test
    public void withoutPiggybackABodilessOkIsFollowedByANotify() throws Exception {
        try (SipTestClient c = SipTestClient.udp(server.sipPort)) {
            SipTestClient.Message ok = authenticated(c, "alice@fabrikam.com", "alice@fabrikam.com", "", BODY);
            assertEquals(ok.text(), 200, ok.status());
            assertEquals("0", ok.header("Content-Length"));
            SipTestClient.Message notify = c.receive();
            assertTrue(notify.startLine(), notify.startLine().startsWith("NOTIFY "));
            assertEquals("vnd-microsoft-provisioning-v2", notify.header("Event"));
            assertEquals("terminated;expires=0", notify.header("Subscription-State"));
            assertEquals(ACCEPT, notify.header("Content-Type"));
            assertEquals(ok.header("Call-ID"), notify.header("Call-ID"));
            assertTheAnswer(body(notify));
            c.send("SIP/2.0 200 OK\n" + "Via: " + notify.header("Via") + "\nFrom: " + notify.header("From") + "\nTo: "
                    + notify.header("To") + "\nCall-ID: " + notify.header("Call-ID") + "\nCSeq: " + notify.header("CSeq")
                    + "\nContent-Length: 0\n\n");
        }
    }

    @Test
    public void anotherAcceptIs406() throws Exception {
        try (SipTestClient c = SipTestClient.udp(server.sipPort)) {
            c.send(subscribe(c, "alice@fabrikam.com", "alice@fabrikam.com", 1, "Accept: application/pidf+xml\n", BODY));
            SipTestClient.Message r = c.receive();
            assertEquals(r.text(), 406, r.status());
            assertEquals(ACCEPT, r.header("Accept"));
        }
    }

    @Test
    public void anotherEventPackageIs489() throws Exception {
        try (SipTestClient c = SipTestClient.udp(server.sipPort)) {
            c.send(subscribe(c, "alice@fabrikam.com", "alice@fabrikam.com", 1, "Event: presence\n", BODY));
            SipTestClient.Message r = c.receive();
            assertEquals(r.text(), 489, r.status());
            assertEquals("vnd-microsoft-provisioning-v2", r.header("Allow-Events"));
        }
    }

    @Test
    public void aMalformedBodyOrADoctypeIs400WithAReason() throws Exception {
        try (SipTestClient c = SipTestClient.tcp(server.sipPort)) {
            SipTestClient.Message r = authenticated(c, "alice@fabrikam.com", "alice@fabrikam.com",
                    "Event: vnd-microsoft-provisioning-v2\n", "<provisioningGroupList");
            assertEquals(r.text(), 400, r.status());
            assertTrue(r.header("ms-diagnostics-public"), r.header("ms-diagnostics-public")
                    .startsWith("60103;reason=\"Invalid provisioningGroupList: not well-formed XML"));
        }
        try (SipTestClient c = SipTestClient.tcp(server.sipPort)) {
            SipTestClient.Message r = authenticated(c, "alice@fabrikam.com", "alice@fabrikam.com",
                    "Event: vnd-microsoft-provisioning-v2\n", "<!DOCTYPE l [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                            + "<provisioningGroupList xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisioninggrouplist\">"
                            + "<provisioningGroup name=\"&x;\"/></provisioningGroupList>");
            assertEquals(r.text(), 400, r.status());
            assertTrue(r.header("ms-diagnostics-public"), r.header("ms-diagnostics-public").contains("document type"));
        }
    }

    @Test
    public void anotherUsersProvisioningWithoutADelegationIs403() throws Exception {
        try (SipTestClient c = SipTestClient.tcp(server.sipPort)) {
            SipTestClient.Message r = authenticated(c, "carol@fabrikam.com", "alice@fabrikam.com",
                    "Event: vnd-microsoft-provisioning-v2\np-session-on-behalf-of: <sip:alice@fabrikam.com>\n", BODY);
            assertEquals(r.text(), 403, r.status());
            assertTrue(r.header("ms-diagnostics-public"), r.header("ms-diagnostics-public").startsWith("60105;"));
        }
    }

    /** §2.2.2.1 / §4.2.3: a delegate reads the delegator's provisioning once the delegation exists. */
    @Test
    public void anAdministeredDelegateReadsTheDelegatorsProvisioning() throws Exception {
        assertEquals(201, admin.send("POST", "/users/sip:dave@fabrikam.com/delegates",
                "{\"delegate\":\"sip:bob@fabrikam.com\"}").statusCode());
        assertTrue(admin.send("GET", "/users/sip:dave@fabrikam.com/delegates", null).body().contains("sip:bob@fabrikam.com"));
        try (SipTestClient c = SipTestClient.tcp(server.sipPort)) {
            SipTestClient.Message ok = authenticated(c, "bob@fabrikam.com", "dave@fabrikam.com",
                    "Event: vnd-microsoft-provisioning-v2\np-session-on-behalf-of: <sip:dave@fabrikam.com>\n"
                            + "Supported: ms-piggyback-first-notify\n", BODY);
            assertEquals(ok.text(), 200, ok.status());
            assertTrue(body(ok), body(ok).contains("<voiceMailUri>sip:dave@fabrikam.com;opaque=app:voicemail</voiceMailUri>"));
        }
        try (SipTestClient c = SipTestClient.tcp(server.sipPort)) { // the delegation must be named
            SipTestClient.Message r = authenticated(c, "bob@fabrikam.com", "dave@fabrikam.com",
                    "Event: vnd-microsoft-provisioning-v2\n", BODY);
            assertEquals(r.text(), 403, r.status());
        }
        assertEquals(204, admin.send("DELETE", "/users/sip:dave@fabrikam.com/delegates/sip:bob@fabrikam.com", null)
                .statusCode());
        try (SipTestClient c = SipTestClient.tcp(server.sipPort)) {
            SipTestClient.Message r = authenticated(c, "bob@fabrikam.com", "dave@fabrikam.com",
                    "Event: vnd-microsoft-provisioning-v2\np-session-on-behalf-of: <sip:dave@fabrikam.com>\n", BODY);
            assertEquals(r.text(), 403, r.status());
        }
    }

    /** §2.2.2.1: a trusted server entity (no user part) gets ServerConfiguration, without user values. */
    @Test
    public void aTrustedServerEntityGetsServerConfigurationFromItsAddressOnly() throws Exception {
        try (SipTestClient c = SipTestClient.udp(server.sipPort)) {
            c.send(subscribe(c, "um1.fabrikam.com", "um1.fabrikam.com", 1,
                    "Supported: ms-piggyback-first-notify\n", BODY));
            SipTestClient.Message ok = c.receive();
            assertEquals(ok.text(), 200, ok.status());
            String answer = body(ok);
            assertTrue(answer, answer.contains("<mrasUri>sip:mras@fabrikam.com</mrasUri>"));
            assertTrue(answer, !answer.contains("voiceMailUri") && !answer.contains("persistentChatConfiguration"));
        }
        for (String server2 : new String[] {"um2.fabrikam.com", "um3.fabrikam.com"}) { // unknown; wrong address
            try (SipTestClient c = SipTestClient.udp(server.sipPort)) {
                c.send(subscribe(c, server2, server2, 1, "", BODY));
                SipTestClient.Message r = c.receive();
                assertEquals(r.text(), 403, r.status());
                assertTrue(r.header("ms-diagnostics-public"), r.header("ms-diagnostics-public").contains("not a trusted server"));
            }
        }
    }
}
