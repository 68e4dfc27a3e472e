package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * pidgin-sipe 1.25.0 (bitlbee-libpurple) signs in to ucfront with NTLM over TCP (MS-SIPAE
 * connectionless NTLMv2): its REGISTER after the 401 carries the AUTHENTICATE message and its
 * first signature; from then on sipe drops every message whose rspauth it cannot verify
 * (sip-transport.c sip_transport_input), so what it accepted proves ucfront signed it right. The
 * registration is refreshed on the same association (expiry 60 s: sipe refreshes after 30 s);
 * disabling the user ends with sipe's own "rejected" text from the signed deregister NOTIFY. A second
 * account with a wrong password gets ucfront's reason.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PidginSipeNtlmIT {

    static final String USER = "nina";
    static final String AOR = "sip:" + USER + "@" + UcfrontServer.DOMAIN;
    static final String PASSWORD = "Ntlm-s3cret!";
    static final String INTRUDER = "otto";
    static final int SIP_PORT = 15300;
    static final int HTTP_PORT = 18300;
    static final int IRC_PORT = 15301;
    static final int IRC_PORT_WRONG = 15302;
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Pattern VALIDATED = Pattern.compile("sip_transport_input: signature of incoming message validated");

    static UcfrontServer server;
    static AdminClient admin;
    static Bitlbee bitlbee;

    @BeforeClass
    public static void signIn() throws Exception {
        Bitlbee.executable();
        server = new UcfrontServer("pidgin-sipe-ntlm", SIP_PORT, HTTP_PORT)
                .with("UCFRONT_AUTH_SCHEMES", "ntlm,digest")
                .with("UCFRONT_REGISTER_EXPIRES_MAX", "60")
                .with("UCFRONT_REGISTER_EXPIRES_DEFAULT", "60")
                .start();
        admin = AdminClient.of(server);
        admin.createUser(AOR, PASSWORD);
        admin.createUser("sip:" + INTRUDER + "@" + UcfrontServer.DOMAIN, "the-real-password");
        Path work = server.log().getParent().resolveSibling("pidgin-sipe-ntlm-bitlbee");
        bitlbee = signIn(work, IRC_PORT, USER, PASSWORD);
    }

    static Bitlbee signIn(Path work, int ircPort, String user, String password) throws Exception {
        Bitlbee b = Bitlbee.start(work, ircPort, user, TIMEOUT);
        b.command("account add sipe " + user + "@" + UcfrontServer.DOMAIN + " " + password);
        b.awaitIrc(Pattern.compile("Account successfully added with tag sipe"), null, TIMEOUT);
        b.command("account sipe set server 127.0.0.1:" + server.sipPort);
        b.awaitIrc(Pattern.compile("server = `127\\.0\\.0\\.1:" + server.sipPort + "'"), null, TIMEOUT);
        b.command("account sipe set transport tcp");
        b.awaitIrc(Pattern.compile("transport = `tcp'"), null, TIMEOUT);
        b.command("account sipe set authentication ntlm");
        b.awaitIrc(Pattern.compile("authentication = `ntlm'"), null, TIMEOUT);
        b.command("account sipe on");
        return b;
    }

    @AfterClass
    public static void stop() throws Exception {
        if (bitlbee != null) {
            bitlbee.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    public void a_sipeSignsInWithNtlmAndAcceptsTheSigned200() throws Exception {
        bitlbee.awaitIrc(Pattern.compile("sipe - Logging in: Logged in"), PidginSipeIT.SIPE_FAILURE, TIMEOUT);
        bitlbee.awaitDebug(Pattern.compile("process_register_response: authentication handshake completed successfully"),
                TIMEOUT);
        bitlbee.awaitDebug(VALIDATED, TIMEOUT);
        List<String> sent = bitlbee.sipMessages(false);
        assertTrue("sipe sent its NTLM AUTHENTICATE", sent.stream().anyMatch(
                m -> m.startsWith("REGISTER ") && m.contains("Authorization: NTLM ") && m.contains("gssapi-data=\"TlRMTVNTUAAD")));
        String ok = bitlbee.awaitSipMessage(true, m -> m.startsWith("SIP/2.0 200 ") && m.contains(" REGISTER"), TIMEOUT);
        String info = PidginSipeIT.header(ok, "Authentication-Info");
        assertTrue(ok, info != null && info.matches("NTLM rspauth=\"[0-9a-fA-F]{32}\", srand=\"[0-9A-F]{8}\", snum=\"\\d+\", "
                + "opaque=\"[0-9A-F]{8}\", qop=\"auth\", targetname=\"" + Pattern.quote(UcfrontServer.DOMAIN)
                + "\", realm=\"SIP Communications Service\""));
        assertFalse(bitlbee.debugText(), bitlbee.debugText().contains("signature of incoming message is invalid"));
    }

    /** The provisioning SUBSCRIBE is signed by sipe, verified by ucfront, and the signed 200 read by sipe. */
    @Test
    public void b_provisioningIsAnsweredOnTheAssociation() throws Exception {
        String subscribe = bitlbee.awaitSipMessage(false,
                m -> m.startsWith("SUBSCRIBE ") && m.contains("vnd-microsoft-provisioning-v2"), TIMEOUT);
        assertTrue(subscribe, subscribe.matches("(?s).*\nAuthorization: NTLM .*crand=\"[0-9a-fA-F]+\", cnum=\"\\d+\", response=\"[0-9a-fA-F]{32}\".*"));
        String callId = PidginSipeIT.header(subscribe, "Call-ID");
        String answer = bitlbee.awaitSipMessage(true,
                m -> m.startsWith("SIP/2.0 ") && callId.equals(PidginSipeIT.header(m, "Call-ID")), TIMEOUT);
        bitlbee.awaitDebug(Pattern.compile("sipe_groupchat_init: |process_incoming_notify: subscription_state: terminated"),
                TIMEOUT);
        assertTrue(answer, answer.startsWith("SIP/2.0 200 "));
        assertTrue(answer, PidginSipeIT.header(answer, "Authentication-Info").startsWith("NTLM rspauth="));
        assertFalse(bitlbee.debugText().contains("message without authentication data - ignoring"));
    }

    /** sipe refreshes after 30 of the 60 s granted; the refresh is signed and so is its 200. */
    @Test
    public void c_theRegistrationIsRefreshedOnTheSameAssociation() throws Exception {
        Pattern refreshed = Pattern.compile("presence-state: register-action=\"refreshed\"");
        bitlbee.awaitDebug(refreshed, Duration.ofSeconds(75));
        bitlbee.awaitDebug(Pattern.compile("process_register_response: got 200"), TIMEOUT);
        List<String> registers = bitlbee.sipMessages(false).stream().filter(m -> m.startsWith("REGISTER ")).toList();
        String refresh = registers.get(registers.size() - 1);
        assertTrue(refresh, refresh.matches("(?s).*\nAuthorization: NTLM .*response=\"[0-9a-fA-F]{32}\".*"));
        assertFalse(refresh, refresh.contains("gssapi-data"));
        assertTrue(admin.registrations(AOR), admin.registrations(AOR).contains("\"gruu\""));
        assertFalse(bitlbee.debugText().contains("signature of incoming message is invalid"));
    }

    /** A wrong password: ucfront's 403 reason is what the user reads. */
    @Test
    public void d_aWrongPasswordFailsWithTheReason() throws Exception {
        Path work = server.log().getParent().resolveSibling("pidgin-sipe-ntlm-wrong-bitlbee");
        try (Bitlbee wrong = signIn(work, IRC_PORT_WRONG, INTRUDER, "not-the-password")) {
            Matcher m = wrong.awaitIrc(Pattern.compile("sipe - (?:Login error|Error): (.*)"), null, TIMEOUT);
            assertEquals("You have been rejected by the server: Wrong user name or password", m.group(1).trim());
        }
        assertTrue(server.logText().contains("REGISTER refused for " + INTRUDER + "@" + UcfrontServer.DOMAIN));
    }

    /** Disabling the user: the signed deregister NOTIFY is accepted, sipe shows why. */
    @Test
    public void e_disablingTheUserDeregistersSipeWithItsRejectedMessage() throws Exception {
        assertEquals(200, admin.patchUser(AOR, "{\"enabled\":false}").statusCode());
        Matcher m = bitlbee.awaitIrc(Pattern.compile("sipe - Error: (.*)"), null, TIMEOUT);
        assertEquals("You have been rejected by the server: User disabled", m.group(1).trim());
        String notify = bitlbee.awaitSipMessage(true, x -> x.startsWith("NOTIFY "), TIMEOUT);
        assertTrue(notify, PidginSipeIT.header(notify, "Authentication-Info").startsWith("NTLM rspauth="));
    }
}
