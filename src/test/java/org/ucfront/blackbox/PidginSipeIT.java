package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.Assume;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Interoperability with a real client: pidgin-sipe 1.25.0 driven headless through
 * bitlbee-libpurple (Debian packages, installed by .ci/run), signing in to ucfront over TCP with
 * {@code ucfront.auth=none}. Asserts on what bitlbee reports (its channel lines, and sipe's own
 * trace in libpurple's debug output) and on what ucfront received (its admin API).
 *
 * <p>With {@code auth=none} ucfront never challenges; sipe sends its first REGISTER without
 * credentials whatever its {@code authentication} setting, takes the 200 as the end of the
 * handshake, and, having no security association, accepts unsigned messages
 * (sip-transport.c, sip_transport_input). The account password is required by sipe's login
 * but never used.
 */
public class PidginSipeIT {

    static final String USER = "alice";
    static final String AOR = "sip:" + USER + "@" + UcfrontServer.DOMAIN;
    static final int IRC_PORT = 15131;
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** What bitlbee prints when sipe's sign-in fails or the account goes offline. */
    static final Pattern SIPE_FAILURE = Pattern.compile("sipe - (Error|Signing off|Logged out|Login error)");
    static final String PERSISTENT_CHAT_POOL = "sip:pchat@" + UcfrontServer.DOMAIN;

    static UcfrontServer server;
    static AdminClient admin;
    static Bitlbee bitlbee;
    static String loggedIn;

    @BeforeClass
    public static void signIn() throws Exception {
        Bitlbee.executable(); // fails, not skips, when the client is missing: CI installs it
        server = new UcfrontServer("pidgin-sipe", 15130, 18150)
                .with("UCFRONT_AUTH", "none")
                .with("UCFRONT_PROVISIONING_PERSISTENT_CHAT_ENABLED", "true")
                .with("UCFRONT_PROVISIONING_PERSISTENT_CHAT_POOL_URI", PERSISTENT_CHAT_POOL)
                .start();
        admin = AdminClient.of(server);
        admin.createUser(AOR, "never-asked-with-auth-none");
        Path work = server.log().getParent().resolveSibling("pidgin-sipe-bitlbee");
        bitlbee = Bitlbee.start(work, IRC_PORT, USER, TIMEOUT);
        bitlbee.command("account add sipe " + USER + "@" + UcfrontServer.DOMAIN + " unused-password");
        bitlbee.awaitIrc(Pattern.compile("Account successfully added with tag sipe"), null, TIMEOUT);
        bitlbee.command("account sipe set server 127.0.0.1:" + server.sipPort);
        bitlbee.awaitIrc(Pattern.compile("server = `127\\.0\\.0\\.1:" + server.sipPort + "'"), null, TIMEOUT);
        bitlbee.command("account sipe set transport tcp");
        bitlbee.awaitIrc(Pattern.compile("transport = `tcp'"), null, TIMEOUT);
        bitlbee.command("account sipe set authentication ntlm");
        bitlbee.awaitIrc(Pattern.compile("authentication = `ntlm'"), null, TIMEOUT);
        bitlbee.command("account sipe on");
        loggedIn = bitlbee.awaitIrc(Pattern.compile("sipe - Logging in: Logged in"), SIPE_FAILURE, TIMEOUT).group();
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
    public void sipeSignsInOverTcp() throws Exception {
        assertEquals("sipe - Logging in: Logged in", loggedIn);
        bitlbee.awaitDebug(Pattern.compile("process_register_response: got 200"), TIMEOUT);
        String trace = bitlbee.debugText();
        assertTrue(trace, trace.contains("sip_transport_connected: '127.0.0.1:" + server.sipPort + "'"));
        assertTrue("sipe registered over TCP", trace.contains("using TCP"));
    }

    @Test
    public void ucfrontListsTheSipeEndpointWithItsUserAgent() throws Exception {
        String registrations = admin.registrations(AOR);
        assertTrue(registrations, registrations.matches("(?s).*\"userAgent\":\"Purple/[^\"]* Sipe/1\\.25\\.0 [^\"]*\".*"));
        assertTrue(registrations, registrations.matches("(?s).*\"transport\":\"(?i:tcp)\".*"));
        assertTrue(registrations, registrations.matches("(?s).*\"instance\":\"<?urn:uuid:[0-9a-f-]{36}>?\".*"));
    }

    /** sipe takes its GRUU from the 200's Contact (by +sip.instance) and uses it as its Contact. */
    @Test
    public void sipeAdoptsTheGruuUcfrontAssigned() throws Exception {
        Matcher gruu = Pattern.compile("\"gruu\":\"([^\"]+)\"").matcher(admin.registrations(AOR));
        assertTrue(admin.registrations(AOR), gruu.find());
        String subscribe = provisioningSubscribe();
        assertTrue(subscribe, subscribe.contains("\nContact: <" + gruu.group(1) + ">"));
    }

    /**
     * sipe subscribes to provisioning only when the REGISTER 200 marks the server OCS 2007+
     * ({@code Supported: msrtc-event-categories} on its own line) and lists the event in
     * Allow-Events without spaces (sip-transport.c process_register_response;
     * sipe-subscriptions.c sipe_subscription_self_events); the answer is piggybacked on the 200.
     */
    @Test
    public void theProvisioningSubscribeIsAnsweredWithBothGroups() throws Exception {
        String subscribe = provisioningSubscribe();
        assertTrue(subscribe, subscribe.contains("<provisioningGroup name=\"ServerConfiguration\"/>"));
        assertTrue(subscribe, subscribe.contains("<provisioningGroup name=\"persistentChatConfiguration\"/>"));
        String callId = header(subscribe, "Call-ID");
        String answer = bitlbee.awaitSipMessage(true,
                m -> m.startsWith("SIP/2.0 ") && callId.equals(header(m, "Call-ID")), TIMEOUT);
        assertTrue(answer, answer.startsWith("SIP/2.0 200 "));
        assertEquals(answer, "vnd-microsoft-provisioning-v2", header(answer, "Event"));
        assertEquals(answer, "application/vnd-microsoft-roaming-provisioning-v2+xml", header(answer, "Content-Type"));
        assertNotNull(answer, header(answer, "ms-piggyback-cseq"));
        assertTrue(answer, answer.contains("<provisionGroup name=\"ServerConfiguration\">"));
        assertTrue(answer, answer.contains("<focusFactoryUri>" + AOR + ";gruu;opaque=app:conf:focusfactory</focusFactoryUri>"));
        assertTrue(answer, answer.contains("<provisionGroup name=\"persistentChatConfiguration\">"));
        assertTrue(answer, answer.contains("<property name=\"DefaultPersistentChatPoolUri\">" + PERSISTENT_CHAT_POOL + "</property>"));
        // sipe handed the answer to its provisioning handler, which ends by starting group chat
        bitlbee.awaitDebug(Pattern.compile("sipe_groupchat_init: "), TIMEOUT);
    }

    /**
     * sipe read the values of both groups: the focus factory of ServerConfiguration and the pool
     * of persistentChatConfiguration (sipe-notify.c sipe_process_provisioning_v2).
     */
    @Test
    public void sipeParsesBothGroups() throws Exception {
        provisioningSubscribe();
        bitlbee.awaitDebug(Pattern.compile("sipe_groupchat_init: "), TIMEOUT);
        Optional<Boolean> parses = Bitlbee.sipeParsesXml();
        Assume.assumeTrue("this machine's pidgin-sipe cannot parse any XML (its sipe_xml_parse returns NULL even"
                + " for <a/> with this libxml2); nothing ucfront sends can be read by it",
                parses.orElse(true));
        bitlbee.awaitDebug(Pattern.compile(Pattern.quote("sipe_process_provisioning_v2: sipe_private->focus_factory_uri="
                + AOR + ";gruu;opaque=app:conf:focusfactory")), TIMEOUT);
        bitlbee.awaitDebug(Pattern.compile(Pattern.quote("sipe_process_provisioning_v2: sipe_private->persistentChatPool_uri="
                + PERSISTENT_CHAT_POOL.substring("sip:".length()))), TIMEOUT);
    }

    /** The provisioning SUBSCRIBE sipe sent, as its trace shows it; fails with the reason when none. */
    private static String provisioningSubscribe() throws Exception {
        bitlbee.awaitDebug(Pattern.compile("process_register_response: got 200"), TIMEOUT);
        String trace = bitlbee.debugText();
        if (!trace.contains("process_register_response: Supported: msrtc-event-categories (indicates OCS2007+)")) {
            fail("sipe did not take ucfront for OCS 2007+, so it never subscribes to provisioning: the REGISTER 200"
                    + " needs 'Supported: msrtc-event-categories' on a line of its own (sipe sip-transport.c"
                    + " process_register_response); the 200 it got:\n" + registerOk());
        }
        if (!trace.contains("process_register_response: Allow-Events: vnd-microsoft-provisioning-v2")) {
            fail("the REGISTER 200 does not allow vnd-microsoft-provisioning-v2 as sipe splits Allow-Events (',' without"
                    + " spaces):\n" + registerOk());
        }
        return bitlbee.awaitSipMessage(false,
                m -> m.startsWith("SUBSCRIBE ") && "vnd-microsoft-provisioning-v2".equals(header(m, "Event")), TIMEOUT);
    }

    private static String registerOk() {
        return bitlbee.sipMessages(true).stream().filter(m -> m.matches("(?s)SIP/2\\.0 200 .*\nCSeq: \\d+ REGISTER.*"))
                .findFirst().orElse("(none in the trace)");
    }

    /** The first value of a header in a message as sipe logged it (one header per line). */
    static String header(String message, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\s*$").matcher(message);
        return m.find() ? m.group(1) : null;
    }
}
