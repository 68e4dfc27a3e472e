package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ucfront.security.ntlm.NtlmTestClient;

/**
 * MS-SIPAE NTLM over a raw TCP socket, playing a Lync client with an independent NTLMv2 client
 * (NtlmTestClient): the 401 offers NTLM with a Date, the handshake yields a security association,
 * the 200 carries an rspauth the client verifies; a tampered, replayed or missing signature is refused
 * (403, 60020); an unknown association is challenged again. Failed authentications are throttled per
 * address and per user without locking the user out from another address.
 */
public class NtlmSigningIT {

    static final int SIP_PORT = 15310;
    static final int HTTP_PORT = 18310;
    static final String DOMAIN = UcfrontServer.DOMAIN;
    static final String REALM = "SIP Communications Service";
    static final String PASSWORD = "raw-s0cket";
    static final int FAILURES_PER_USER = 3;
    static final int FAILURES_PER_ADDRESS = 6;

    static UcfrontServer server;

    @BeforeClass
    public static void start() throws Exception {
        server = new UcfrontServer("ntlm-signing", SIP_PORT, HTTP_PORT)
                .with("UCFRONT_AUTH_SCHEMES", "ntlm,digest")
                .with("UCFRONT_AUTH_FAILURES_USER", Integer.toString(FAILURES_PER_USER))
                .with("UCFRONT_AUTH_FAILURES_ADDRESS", Integer.toString(FAILURES_PER_ADDRESS))
                .start();
        AdminClient admin = AdminClient.of(server);
        for (String u : List.of("rita", "tina", "vera", "walt", "uma")) {
            admin.createUser("sip:" + u + "@" + DOMAIN, PASSWORD);
        }
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** One endpoint speaking MS-SIPAE on its own connection. */
    static final class Endpoint implements AutoCloseable {
        final SipTestClient sip;
        final String user;
        final String epid = "0a1b2c3d4e";
        final String callId;
        final String fromTag = "f00d";
        int cseq = 1;
        int cnum = 0;
        String opaque;
        NtlmTestClient ntlm;

        Endpoint(String user, InetAddress local) throws Exception {
            this(user, local, SIP_PORT);
        }

        Endpoint(String user, InetAddress local, int serverPort) throws Exception {
            this.sip = SipTestClient.tcp(serverPort, local);
            this.user = user;
            this.callId = "ntlm-" + user + "-" + System.nanoTime();
        }

        String register(String authorization, String expires) {
            String aor = "sip:" + user + "@" + DOMAIN;
            return "REGISTER sip:" + DOMAIN + " SIP/2.0\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1:" + sip.localPort() + ";branch=z9hG4bK" + callId.hashCode() + cseq + "\n"
                    + "Max-Forwards: 70\n"
                    + "From: <" + aor + ">;tag=" + fromTag + ";epid=" + epid + "\n"
                    + "To: <" + aor + ">\n"
                    + "Call-ID: " + callId + "\n"
                    + "CSeq: " + cseq++ + " REGISTER\n"
                    + "Contact: <sip:127.0.0.1:" + sip.localPort() + ";transport=tcp>;+sip.instance=\"<urn:uuid:"
                    + "0e4e6f1c-5b3a-4c1d-9f2e-" + String.format("%012x", Math.abs((long) user.hashCode())) + ">\"\n"
                    + "Expires: " + expires + "\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\n")
                    + "Content-Length: 0\n\n";
        }

        /** 401 → NTLM challenge → AUTHENTICATE (signed, cnum 1); returns the final answer. */
        SipTestClient.Message signIn(String password) throws Exception {
            sip.send(register(null, "3600"));
            SipTestClient.Message first = sip.receive();
            assertEquals(first.text(), 401, first.status());
            sip.send(register("NTLM qop=\"auth\", realm=\"" + REALM + "\", targetname=\"" + DOMAIN
                    + "\", gssapi-data=\"\", version=4", "3600"));
            SipTestClient.Message challenge = sip.receive();
            assertEquals(challenge.text(), 401, challenge.status());
            String www = challenge.header("WWW-Authenticate");
            opaque = param(www, "opaque");
            byte[] type2 = Base64.getDecoder().decode(param(www, "gssapi-data"));
            ntlm = NtlmTestClient.answer(type2, user + "@" + DOMAIN, "", password, false);
            return sendSigned(Base64.getEncoder().encodeToString(ntlm.authenticateMessage()), "3600", null);
        }

        /** A REGISTER signed as MS-SIPAE §3.2.5.1.3 says; {@code tamper} changes the request after signing. */
        SipTestClient.Message sendSigned(String gssapi, String expires, String tamperedExpires) throws Exception {
            String crand = "1a2b3c4d";
            int number = ++cnum;
            String aor = "sip:" + user + "@" + DOMAIN;
            String buffer = "<NTLM><" + crand + "><" + number + "><" + REALM + "><" + DOMAIN + "><" + callId + "><"
                    + cseq + "><REGISTER><" + aor + "><" + fromTag + "><" + aor + "><><><><" + expires + ">";
            String response = HexFormat.of().formatHex(ntlm.sign(buffer.getBytes(StandardCharsets.UTF_8)));
            sip.send(register("NTLM qop=\"auth\", opaque=\"" + opaque + "\", realm=\"" + REALM + "\", targetname=\""
                    + DOMAIN + "\"" + (gssapi == null ? "" : ", gssapi-data=\"" + gssapi + "\"") + ", version=4, crand=\""
                    + crand + "\", cnum=\"" + number + "\", response=\"" + response + "\"",
                    tamperedExpires != null ? tamperedExpires : expires));
            return sip.receive();
        }

        @Override
        public void close() throws Exception {
            sip.close();
        }
    }

    static String param(String header, String name) {
        Matcher m = Pattern.compile("[ ,]" + name + "=\"([^\"]*)\"").matcher(header);
        assertTrue(name + " in " + header, m.find());
        return m.group(1);
    }

    /** The client's own check of the server's signature (MS-SIPAE §3.2.5.2), from the raw message. */
    static void assertSignedByServer(Endpoint e, SipTestClient.Message m) {
        String info = m.header("Authentication-Info");
        assertTrue(info, info.startsWith("NTLM rspauth=\""));
        String to = m.header("To");
        String buffer = "<NTLM><" + param(info, "srand") + "><" + param(info, "snum") + "><" + param(info, "realm") + "><"
                + param(info, "targetname") + "><" + m.header("Call-ID") + "><" + m.header("CSeq").split(" ")[0]
                + "><REGISTER><sip:" + e.user + "@" + DOMAIN + "><" + e.fromTag + "><sip:" + e.user + "@" + DOMAIN + "><"
                + to.substring(to.indexOf(";tag=") + 5).split(";")[0] + "><><><" + m.header("Expires", "") + "><"
                + m.status() + ">";
        assertEquals(m.text(), HexFormat.of().formatHex(e.ntlm.expectedServerSignature(
                buffer.getBytes(StandardCharsets.UTF_8))), param(info, "rspauth").toLowerCase());
    }

    @Test
    public void theChallengeOffersNtlmAndDigestWithADate() throws Exception {
        try (Endpoint e = new Endpoint("rita", InetAddress.getLoopbackAddress())) {
            e.sip.send(e.register(null, "3600"));
            SipTestClient.Message m = e.sip.receive();
            assertEquals(401, m.status());
            List<String> offers = m.headers("WWW-Authenticate");
            assertEquals(m.text(), "NTLM realm=\"SIP Communications Service\", targetname=\"" + DOMAIN + "\", version=4",
                    offers.get(0));
            assertTrue(m.text(), offers.get(1).startsWith("Digest "));
            assertTrue(m.text(), m.header("Date").matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"));
        }
    }

    @Test
    public void aSignedRegisterIsAnsweredSignedAndTamperingIsRefused() throws Exception {
        try (Endpoint e = new Endpoint("tina", InetAddress.getLoopbackAddress())) {
            SipTestClient.Message ok = e.signIn(PASSWORD);
            assertEquals(ok.text(), 200, ok.status());
            assertSignedByServer(e, ok);

            SipTestClient.Message refresh = e.sendSigned(null, "3600", null);
            assertEquals(refresh.text(), 200, refresh.status());
            assertSignedByServer(e, refresh);

            SipTestClient.Message tampered = e.sendSigned(null, "3600", "1800"); // Expires changed after signing
            assertEquals(tampered.text(), 403, tampered.status());
            assertTrue(tampered.text(), tampered.header("ms-diagnostics-public").startsWith("60020;"));

            e.cnum--; // the same cnum again: a replay
            e.cnum--;
            SipTestClient.Message replay = e.sendSigned(null, "3600", null);
            assertEquals(replay.text(), 403, replay.status());
            assertTrue(replay.text(), replay.header("ms-diagnostics-public").contains("replayed"));

            e.opaque = "DEADBEEF"; // no such association (e.g. lost in a restart): authenticate again
            SipTestClient.Message unknown = e.sendSigned(null, "3600", null);
            assertEquals(unknown.text(), 401, unknown.status());
        }
    }

    @Test
    public void aWrongPasswordIsRefusedWithTheReason() throws Exception {
        try (Endpoint e = new Endpoint("vera", InetAddress.getLoopbackAddress())) {
            SipTestClient.Message refused = e.signIn("not-" + PASSWORD);
            assertEquals(refused.text(), 403, refused.status());
            assertEquals("60007;reason=\"Wrong user name or password\"", refused.header("ms-diagnostics-public"));
        }
    }

    /** NTLMv1 is refused unless ucfront.ntlm.v1 is set (it is not here), even with the right password. */
    @Test
    public void anNtlmV1AnswerIsRefused() throws Exception {
        try (Endpoint e = new Endpoint("uma", InetAddress.getLoopbackAddress())) {
            e.sip.send(e.register(null, "3600"));
            assertEquals(401, e.sip.receive().status());
            e.sip.send(e.register("NTLM qop=\"auth\", realm=\"" + REALM + "\", targetname=\"" + DOMAIN
                    + "\", gssapi-data=\"\", version=4", "3600"));
            String www = e.sip.receive().header("WWW-Authenticate");
            e.opaque = param(www, "opaque");
            e.ntlm = NtlmTestClient.answerV1(Base64.getDecoder().decode(param(www, "gssapi-data")), "uma@" + DOMAIN, "",
                    PASSWORD);
            SipTestClient.Message refused = e.sendSigned(Base64.getEncoder().encodeToString(e.ntlm.authenticateMessage()),
                    "3600", null);
            assertEquals(refused.text(), 403, refused.status());
            assertEquals("60007;reason=\"NTLMv2 is required (LM and NTLMv1 are refused)\"",
                    refused.header("ms-diagnostics-public"));
        }
    }

    /**
     * An attacker at 127.0.0.3 guesses walt's password: after the per-user limit that address is
     * refused even with the right password, while walt at 127.0.0.1 still signs in.
     */
    @Test
    public void failuresAreThrottledForTheGuessingAddressOnly() throws Exception {
        InetAddress attacker = InetAddress.getByName("127.0.0.3");
        for (int i = 0; i < FAILURES_PER_USER; i++) {
            try (Endpoint e = new Endpoint("walt", attacker)) {
                assertEquals(403, e.signIn("guess-" + i).status());
            }
        }
        try (Endpoint e = new Endpoint("walt", attacker)) {
            e.sip.send(e.register(null, "3600"));
            SipTestClient.Message blocked = e.sip.receive();
            assertEquals(blocked.text(), 403, blocked.status());
            assertTrue(blocked.text(), blocked.header("ms-diagnostics-public").startsWith("60021;"));
        }
        try (Endpoint e = new Endpoint("walt", InetAddress.getLoopbackAddress())) {
            SipTestClient.Message ok = e.signIn(PASSWORD);
            assertEquals(ok.text(), 200, ok.status());
        }
    }
}
