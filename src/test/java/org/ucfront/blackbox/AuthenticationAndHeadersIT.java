package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Byte-level checks with a raw socket client: RFC 8760 Digest with SHA-256 (which sipp cannot
 * compute), what the registrar stores from Ms-Device-Info / ms-subnet / User-Agent (§2.2.1.6–7),
 * and the answers to methods the server does not serve.
 */
public class AuthenticationAndHeadersIT {

    static final String PASSWORD = "Zebra-Stripes-9";
    static UcfrontServer server;
    static AdminClient admin;

    @BeforeClass
    public static void start() throws Exception {
        server = new UcfrontServer("auth-headers", 15090, 18110).start(); // default algorithms: SHA-256,MD5
        admin = AdminClient.of(server);
        admin.createUser("sip:bob@" + UcfrontServer.DOMAIN, PASSWORD);
        admin.createUser("sip:wendy@" + UcfrontServer.DOMAIN, PASSWORD);
    }

    @AfterClass
    public static void stop() throws Exception {
        server.stop();
    }

    /** Each request its own branch, each client its own Call-ID (the stack absorbs retransmissions). */
    private static String register(SipTestClient c, int cseq, String authorization, String extra) {
        return "REGISTER sip:fabrikam.com SIP/2.0\n"
                + "Via: SIP/2.0/" + c.transport() + " 127.0.0.1:" + c.localPort() + ";branch=z9hG4bK-"
                + java.util.UUID.randomUUID() + "\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:bob@fabrikam.com>;tag=2d0be03279;epid=492a7ce35f\n"
                + "To: <sip:bob@fabrikam.com>\n"
                + "Call-ID: auth-headers-" + c.localPort() + "\n"
                + "CSeq: " + cseq + " REGISTER\n"
                + "Contact: <sip:127.0.0.1:" + c.localPort() + ";transport=" + c.transport().toLowerCase()
                + ">;+sip.instance=\"<urn:uuid:6A3C1A7E-2B1D-4E9A-8D2F-0C5B7E9A1F33>\"\n"
                + "Supported: gruu-10\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\n")
                + extra
                + "Content-Length: 0\n\n";
    }

    private static String hex(String algorithm, String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static String param(String challenge, String name) {
        Matcher m = Pattern.compile(name + "=\"?([^\",]+)\"?").matcher(challenge);
        assertTrue(challenge, m.find());
        return m.group(1);
    }

    @Test
    public void sha256IsOfferedFirstAndAccepted() throws Exception {
        try (SipTestClient c = SipTestClient.tcp(server.sipPort)) {
            c.send(register(c, 1, null, ""));
            SipTestClient.Message challenge = c.receive();
            assertEquals(challenge.text(), 401, challenge.status());
            List<String> offers = challenge.headers("WWW-Authenticate");
            assertEquals(challenge.text(), 2, offers.size());
            assertTrue(offers.get(0), offers.get(0).contains("algorithm=SHA-256"));
            assertTrue(offers.get(1), offers.get(1).contains("algorithm=MD5"));
            String nonce = param(offers.get(0), "nonce");
            // RFC 7616 §3.4.1 with qop=auth, computed here independently
            String ha1 = hex("SHA-256", "bob:fabrikam.com:" + PASSWORD);
            String ha2 = hex("SHA-256", "REGISTER:sip:fabrikam.com");
            String response = hex("SHA-256", ha1 + ":" + nonce + ":00000001:0a4f113b:auth:" + ha2);
            String authorization = "Digest username=\"bob\", realm=\"fabrikam.com\", nonce=\"" + nonce
                    + "\", uri=\"sip:fabrikam.com\", response=\"" + response + "\", algorithm=SHA-256, cnonce=\"0a4f113b\","
                    + " qop=auth, nc=00000001";
            c.send(register(c, 2, authorization,
                    "Ms-Device-Info: MAC=00-1A-2B-3C-4D-5E,vendor=\"Polycom\",version=4.0.7577\n"
                            + "ms-subnet: 10.1.2.1\n"
                            + "User-Agent: UCCAPI/4.0.7577.0 OC/4.0.7577.0 (Microsoft Communicator 2010)\n"));
            SipTestClient.Message ok = c.receive();
            assertEquals(ok.text(), 200, ok.status());
            assertEquals("register-action=\"added\";primary-cluster-type=\"central\";is-connected-to-primary=\"yes\"",
                    ok.header("presence-state"));

            String listed = admin.registrations("sip:bob@fabrikam.com");
            assertTrue(listed, listed.contains("\"mac\":\"00-1A-2B-3C-4D-5E\""));
            assertTrue(listed, listed.contains("\"vendor\":\"Polycom\""));
            assertTrue(listed, listed.contains("\"version\":\"4.0.7577\""));
            assertTrue(listed, listed.contains("\"subnet\":\"10.1.2.1\""));
            assertTrue(listed, listed.contains("\"userAgent\":\"UCCAPI/4.0.7577.0 OC/4.0.7577.0 (Microsoft Communicator 2010)\""));
            assertTrue(listed, listed.contains("\"transport\":\"tcp\""));
        }
    }

    @Test
    public void aForgedResponseIsRefusedWithoutAChallengeLoop() throws Exception {
        try (SipTestClient c = SipTestClient.udp(server.sipPort)) {
            c.send(register(c, 1, null, ""));
            String nonce = param(c.receive().header("WWW-Authenticate"), "nonce");
            c.send(register(c, 2, "Digest username=\"bob\", realm=\"fabrikam.com\", nonce=\"" + nonce
                    + "\", uri=\"sip:fabrikam.com\", response=\"" + "0".repeat(64) + "\", algorithm=SHA-256,"
                    + " cnonce=\"0a4f113b\", qop=auth, nc=00000001", ""));
            SipTestClient.Message refused = c.receive();
            assertEquals(refused.text(), 403, refused.status());
            assertTrue(refused.header("ms-diagnostics-public"), refused.header("ms-diagnostics-public").startsWith("60007;reason="));
        }
    }

    @Test
    public void aNonceTheServerNeverIssuedIsChallengedAgain() throws Exception {
        try (SipTestClient c = SipTestClient.udp(server.sipPort)) {
            c.send(register(c, 1, "Digest username=\"bob\", realm=\"fabrikam.com\", nonce=\"forged\", uri=\"sip:fabrikam.com\","
                    + " response=\"" + "0".repeat(64) + "\", algorithm=SHA-256, cnonce=\"0a4f113b\", qop=auth, nc=00000001", ""));
            SipTestClient.Message again = c.receive();
            assertEquals(again.text(), 401, again.status());
            assertFalse(again.header("WWW-Authenticate").contains("stale=true"));
        }
    }

    /** A REGISTER for wendy with the given Contact and Expires, answered through a SHA-256 challenge. */
    private static SipTestClient.Message wendy(SipTestClient c, String callId, int cseq, String contact, String expires)
            throws Exception {
        String request = "REGISTER sip:fabrikam.com SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + c.localPort() + ";branch=z9hG4bK-%s\n"
                + "Max-Forwards: 70\nFrom: <sip:wendy@fabrikam.com>;tag=" + callId + ";epid=" + callId + "\n"
                + "To: <sip:wendy@fabrikam.com>\nCall-ID: " + callId + "\nCSeq: %d REGISTER\n"
                + "Contact: " + contact + "\nExpires: " + expires + "\n%sContent-Length: 0\n\n";
        c.send(String.format(request, java.util.UUID.randomUUID(), cseq, ""));
        SipTestClient.Message challenge = c.receive();
        if (challenge.status() != 401) {
            return challenge;
        }
        String nonce = param(challenge.header("WWW-Authenticate"), "nonce");
        String ha1 = hex("SHA-256", "wendy:fabrikam.com:" + PASSWORD);
        String response = hex("SHA-256", ha1 + ":" + nonce + ":00000001:77:auth:" + hex("SHA-256", "REGISTER:sip:fabrikam.com"));
        c.send(String.format(request, java.util.UUID.randomUUID(), cseq + 1, "Authorization: Digest username=\"wendy\","
                + " realm=\"fabrikam.com\", nonce=\"" + nonce + "\", uri=\"sip:fabrikam.com\", response=\"" + response
                + "\", algorithm=SHA-256, cnonce=\"77\", qop=auth, nc=00000001\n"));
        return c.receive();
    }

    /** RFC 3261 §10.3 step 6 (DIGEST §1): Contact: * with Expires: 0 removes every binding of the user. */
    @Test
    public void wildcardContactWithExpiresZeroRemovesEveryBinding() throws Exception {
        String aor = "sip:wendy@" + UcfrontServer.DOMAIN;
        try (SipTestClient a = SipTestClient.udp(server.sipPort); SipTestClient b = SipTestClient.udp(server.sipPort)) {
            for (SipTestClient c : new SipTestClient[] {a, b}) {
                SipTestClient.Message ok = wendy(c, "w" + c.localPort(), 1, "<sip:127.0.0.1:" + c.localPort()
                        + ">;+sip.instance=\"<urn:uuid:" + java.util.UUID.randomUUID() + ">\"", "3600");
                assertEquals(ok.text(), 200, ok.status());
            }
            assertEquals(2, RegistrarIT.count(admin.registrations(aor), "\"gruu\""));

            SipTestClient.Message refused = wendy(a, "w" + a.localPort(), 3, "*", "3600");
            assertEquals(refused.text(), 400, refused.status());
            assertEquals(2, RegistrarIT.count(admin.registrations(aor), "\"gruu\""));

            SipTestClient.Message ok = wendy(a, "w" + a.localPort(), 5, "*", "0");
            assertEquals(ok.text(), 200, ok.status());
            assertEquals("0", ok.header("Expires"));
            assertEquals("[]", admin.registrations(aor));
        }
    }

    @Test
    public void optionsIsAnsweredAndOtherMethodsAre405() throws Exception {
        try (SipTestClient c = SipTestClient.udp(server.sipPort)) {
            for (String method : new String[] {"OPTIONS", "MESSAGE"}) {
                c.send(method + " sip:bob@fabrikam.com SIP/2.0\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:" + c.localPort() + ";branch=z9hG4bK-" + method + "\n"
                        + "Max-Forwards: 70\nFrom: <sip:carol@fabrikam.com>;tag=1\nTo: <sip:bob@fabrikam.com>\n"
                        + "Call-ID: methods-" + method + "\nCSeq: 1 " + method + "\n"
                        + "Contact: <sip:127.0.0.1:" + c.localPort() + ">\nContent-Length: 0\n\n");
                SipTestClient.Message r = c.receive();
                assertEquals(r.text(), "OPTIONS".equals(method) ? 200 : 405, r.status());
                assertEquals("REGISTER,SUBSCRIBE,OPTIONS,INVITE,ACK,CANCEL,BYE", r.header("Allow").replace(" ", ""));
            }
        }
    }
}
