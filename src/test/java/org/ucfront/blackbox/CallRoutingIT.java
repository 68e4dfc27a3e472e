package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ucfront.blackbox.CallScenarios.*;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Calls through the packaged server, every party a sipp process: the caller (Digest, 407), the
 * callee's endpoints (registered through ucfront), and Exchange UM servers on plain UDP (their
 * dial plan entries carry a connection override). The expected Request-URIs and headers are the
 * literal values of MS-EUMR §2.2.2 and §3.1.5 written out here, with the names of the §4 examples.
 */
public class CallRoutingIT {

    static final int SIP = 15200;
    static final int HTTP = 18200;
    static final String PASSWORD = "Call-Route-5";
    /** The A/V Edge (MRAS) URI configured for Ms-Mras-Address (MS-EUMR §2.2.1). */
    static final String MRAS = "sip:mras.fabrikam.com;gruu;opaque=srvr:MRAS:gZmK6GW2NFqbHYXHZ5EgpgAA";
    static final String DIAL_PLAN = "dpl.contoso.com";
    static final String UM1 = "exchange-um1.contoso.com";
    static final String UM2 = "exchange-um2.contoso.com";
    static final String UM3 = "exchange-um3.contoso.com";

    static UcfrontServer server;
    static AdminClient admin;
    static int nextPort = 15210;

    @BeforeClass
    public static void start() throws Exception {
        server = new UcfrontServer("call-routing", SIP, HTTP)
                .with("UCFRONT_DIGEST_ALGORITHMS", "MD5")
                .with("UCFRONT_PROVISIONING_MRAS_URI", MRAS)
                .with("UCFRONT_UM_TIMER", "2")
                .with("UCFRONT_UM_NOTIFICATION_INACTIVITY", "3")
                .with("UCFRONT_TRUSTED_SERVERS", "gw.fabrikam-pstn.com=127.0.0.1")
                .start();
        admin = AdminClient.of(server);
        for (String u : new String[] {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan",
                "judy", "mallory", "oscar", "peggy", "trent", "rupert", "victor", "walter", "xena", "yves", "zoe", "quentin", "uma", "nina", "olga", "petra", "rolf"}) {
            admin.createUser("sip:" + u + "@fabrikam.com", PASSWORD);
        }
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** Peers a failed test left running are ended, so that the next test can bind its ports. */
    @After
    public void endPeers() throws InterruptedException {
        for (Sipp s : peers) {
            s.kill();
        }
        peers.clear();
    }

    static final List<Sipp> peers = new ArrayList<>();

    static synchronized int port() {
        return nextPort++;
    }

    // the parties

    static void register(String user, int port) throws Exception {
        Sipp s = Sipp.scenario("call-endpoint-register.xml").localPort(port).set("USER", user)
                .set("DOMAIN", UcfrontServer.DOMAIN).set("PASSWORD", PASSWORD)
                .set("EPID", Integer.toHexString(port) + "ab01").set("INSTANCE", ExpectedGruu.newInstance());
        assertPasses(s, s.run(server));
    }

    static Sipp endpoint(int port, String call) throws IOException {
        return peer(Sipp.scenario("call-endpoint.xml").localPort(port).set("CALL", call).start(server));
    }

    static Sipp umServer(int port, String behaviour) throws IOException {
        return peer(Sipp.scenario("um-server.xml").localPort(port).set("TRANSPORT_NAME", "UDP")
                .set("BEHAVIOUR", behaviour).start(server));
    }

    static Sipp peer(Sipp s) {
        peers.add(s);
        return s;
    }

    static Sipp caller(String user, String target, String outcome) {
        return caller(user, target, outcome, "", SDP_BODY);
    }

    static Sipp caller(String user, String target, String outcome, String headers, String body) {
        String to = target.contains(";") ? target.substring(0, target.indexOf(';')) : target;
        return Sipp.scenario("call-caller.xml").set("OUTCOME", outcome).set("TARGET", target).set("TO", to)
                .set("USER", user).set("DOMAIN", UcfrontServer.DOMAIN).set("PASSWORD", PASSWORD)
                .set("HEADERS", headers).set("BODY", body);
    }

    static void assertPasses(Sipp sipp, int exitCode) throws IOException {
        assertEquals(sipp.diagnostics(), 0, exitCode);
    }

    /** MS-EUMR §3.1.5.4: one 101 to the caller per UM server tried. */
    static void assertProgressReports(Sipp caller, int expected) throws IOException {
        String log = caller.messages();
        int n = 0;
        for (int i = log.indexOf("SIP/2.0 101 "); i >= 0; i = log.indexOf("SIP/2.0 101 ", i + 1)) {
            n++;
        }
        assertEquals("101 responses received:\n" + log, expected, n);
    }

    static void callSettings(String user, String json) throws Exception {
        HttpResponse<String> r = admin.send("PUT", "/call-settings/sip:" + user + "@fabrikam.com", json);
        assertEquals(r.body(), 200, r.statusCode());
    }

    static void dialPlan(String name, String serversJson) throws Exception {
        HttpResponse<String> r = admin.send("PUT", "/dial-plans/" + name, "{\"servers\":" + serversJson + "}");
        assertEquals(r.body(), 200, r.statusCode());
    }

    static String server(String fqdn, int version, boolean frontEnd, int port) {
        return "{\"fqdn\":\"" + fqdn + "\",\"version\":" + version + ",\"frontEnd\":" + frontEnd
                + ",\"transport\":\"udp\",\"address\":\"127.0.0.1\",\"port\":" + port + "}";
    }

    /** The INVITE a UM server of dial plan dpl.contoso.com must receive for bob's voicemail (§3.1.5). */
    static String voicemailInvite(String fqdn, String diversion) {
        String d = diversion == null ? "" : header("Diversion", "^ *" + diversion + " *$");
        return "  <recv request=\"INVITE\">\n    <action>\n"
                + CAPTURE_CSEQ
                + "      <ereg regexp=\"^INVITE sip:dpl\\.contoso\\.com@" + fqdn.replace(".", "\\.")
                + ":5061;transport=tls;maddr=" + fqdn.replace(".", "\\.") + " SIP/2\\.0\" search_in=\"msg\" check_it=\"true\" assign_to=\"ok\"/>\n"
                + header("Ms-Mras-Address", "^ *&lt;" + MRAS.replace(".", "\\.") + "&gt; *$")
                + header("Supported", "ms-fe")
                + d
                + "    </action>\n  </recv>\n";
    }

    // routing to the user's endpoints

    @Test
    public void answeredByTheRegisteredEndpoint() throws Exception {
        int port = port();
        register("bob", port);
        Sipp bob = endpoint(port, invite("^INVITE sip:127\\.0\\.0\\.1:" + port + ";transport=",
                "From: &lt;sip:alice@fabrikam\\.com&gt;", "To: &lt;sip:bob@fabrikam\\.com&gt;") + answer("bob1"));
        Sipp alice = caller("alice", "sip:bob@fabrikam.com", CALLER_ANSWERED);
        assertPasses(alice, alice.run(server));
        assertPasses(bob, bob.await());
    }

    @Test
    public void unknownUserIs404() throws Exception {
        Sipp alice = caller("alice", "sip:nobody@fabrikam.com", callerRefused(404, 60104, 0));
        assertPasses(alice, alice.run(server));
        assertProgressReports(alice, 0);
    }

    @Test
    public void noBindingAndNoVoicemailIs480() throws Exception {
        Sipp alice = caller("alice", "sip:carol@fabrikam.com", callerRefused(480, 60105, 0));
        assertPasses(alice, alice.run(server));
        assertProgressReports(alice, 0);
    }

    // routing to Exchange UM

    @Test
    public void noAnswerGoesToVoicemailWithTheSpecRequestUriAndHeaders() throws Exception {
        int ep = port();
        int um = port();
        dialPlan(DIAL_PLAN, "[" + server(UM1, 2, false, um) + "]");
        callSettings("dave", "{\"ringSeconds\":1,\"dialPlan\":\"dpl.contoso.com\","
                + "\"eumProxyAddress\":\"EUM:dave@contoso.com;phone-context=dpl.contoso.com\"}");
        register("dave", ep);
        Sipp dave = endpoint(ep, invite("To: &lt;sip:dave@fabrikam\\.com&gt;") + ringUntilCancelled("dave1"));
        Sipp um1 = umServer(um, voicemailInvite(UM1, "&lt;sip:dave@fabrikam\\.com&gt;") + answer("um1"));
        Sipp alice = caller("alice", "sip:dave@fabrikam.com", callerVoicemail(1),
                "Diversion: <sip:old@elsewhere.example>;reason=no-answer\n", SDP_BODY);
        assertPasses(alice, alice.run(server));
        assertProgressReports(alice, 1);
        assertPasses(dave, dave.await());
        assertPasses(um1, um1.await());
    }

    /** A UM-enabled user of dial plan dpl.contoso.com with the §4 example's EumProxyAddress form. */
    static void umEnabled(String user, int ringSeconds) throws Exception {
        callSettings(user, "{\"ringSeconds\":" + ringSeconds + ",\"dialPlan\":\"dpl.contoso.com\","
                + "\"eumProxyAddress\":\"EUM:" + user + "@contoso.com;phone-context=dpl.contoso.com\"}");
    }

    static String diversion(String user) {
        return "&lt;sip:" + user + "@fabrikam\\.com&gt;";
    }

    /** §3.1.5 on one line each, for checks that run as sipp variables (see CallScenarios.either). */
    static String[] voicemailChecks(String fqdn, String user) {
        String f = fqdn.replace(".", "\\.");
        return new String[] {"^INVITE sip:dpl\\.contoso\\.com@" + f + ":5061;transport=tls;maddr=" + f + " SIP/2\\.0",
            x("Diversion: <sip:" + user + "@fabrikam\\.com>"), x("Ms-Mras-Address: <" + MRAS.replace(".", "\\.") + ">"),
            "Supported: ms-fe"};
    }

    static final String TIME = "<Time>[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}Z</Time>";

    /** Every notification body the UM server received validates against the Appendix A schema. */
    static void assertSchemaValid(Sipp um, int expected) throws Exception {
        String log = um.messages();
        javax.xml.validation.Schema schema = javax.xml.validation.SchemaFactory
                .newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(java.nio.file.Paths.get("src/main/resources/voicemail/usernotification.xsd").toFile());
        int found = 0;
        for (int i = log.indexOf("<?xml"); i >= 0; i = log.indexOf("<?xml", i + 1)) {
            int end = log.indexOf("</UserNotification>", i);
            String body = log.substring(i, end + "</UserNotification>".length());
            schema.newValidator().validate(new javax.xml.transform.stream.StreamSource(new java.io.StringReader(body)));
            found++;
        }
        assertEquals("notification bodies received:\n" + log, expected, found);
    }

    @Test
    public void everyEndpointBusyGoesToVoicemailAndRaisesMissedDeclined() throws Exception {
        int ep = port();
        int um = port();
        dialPlan(DIAL_PLAN, "[" + server(UM1, 2, false, um) + "]");
        umEnabled("erin", 20);
        register("erin", ep);
        Sipp erin = endpoint(ep, invite("To: &lt;sip:erin@fabrikam\\.com&gt;") + refuse("486 Busy Here", "erin1"));
        // §3.2.4.1: every destination negative → missed (Declined); then voicemail (§3.1)
        Sipp um1 = peer(Sipp.scenario("um-server.xml").localPort(um).calls(2).set("TRANSPORT_NAME", "UDP")
                .set("BEHAVIOUR", either("opaque=app:rtcevent", notificationInviteChecks(UM1),
                        NOTIFICATION_ANSWER + notificationInfo(x("<User>sip:erin@fabrikam\\.com</User>"),
                                x("<EumProxyAddress>EUM:erin@contoso\\.com;phone-context=dpl\\.contoso\\.com</EumProxyAddress>"),
                                x(TIME), x("<Template>RtcDefault</Template>"), x("<Event type=\"missed\">"),
                                x("<CallId>1-[0-9]+@127\\.0\\.0\\.1</CallId>"), x("<From>sip:alice@fabrikam\\.com</From>"),
                                x("<Subject>RE: Quote for widgets</Subject>"),
                                x("<ConversationID>Aca6SdRQ/SvHLJIHDHoWAEvg==</ConversationID>"),
                                x("<MissedReason>Declined</MissedReason></Event>")) + NOTIFICATION_BYE,
                        answer("um1"), voicemailChecks(UM1, "erin")))
                .start(server));
        Sipp alice = caller("alice", "sip:erin@fabrikam.com", callerVoicemail(1),
                "Subject: RE: Quote for widgets\nMs-Conversation-ID: Aca6SdRQ/SvHLJIHDHoWAEvg==\n", SDP_BODY);
        assertPasses(alice, alice.run(server));
        assertProgressReports(alice, 1);
        assertPasses(erin, erin.await());
        assertPasses(um1, um1.await());
        assertSchemaValid(um1, 1);
    }

    @Test
    public void missedCallerReleasedInOneReusedDialogThenInactivityBye() throws Exception {
        int ep = port();
        int um = port();
        dialPlan("dpl-missed.contoso.com", "[" + server("exchange-um5.contoso.com", 2, false, um) + "]");
        callSettings("rupert", "{\"dialPlan\":\"dpl-missed.contoso.com\",\"eumProxyAddress\":\"EUM:rupert@contoso.com;phone-context=dpl-missed.contoso.com\"}");
        register("rupert", ep);
        Sipp notifications = umServer(um, invite(notificationInviteChecks("exchange-um5.contoso.com")) + USE_CSEQ
                + NOTIFICATION_ANSWER
                + notificationInfo(x("<User>sip:rupert@fabrikam\\.com</User>"), x("<Event type=\"missed\">"),
                        x("<Subject>Pricing figures</Subject><Priority>urgent</Priority>"),
                        x("<ReferredBy>sip:carol@fabrikam\\.com</ReferredBy>"),
                        x("<MissedReason>CallerReleased</MissedReason></Event></UserNotification>$"))
                + notificationInfo(x("<Event type=\"missed\"><CallId>1-[0-9]+@127\\.0\\.0\\.1</CallId><From>sip:alice@fabrikam\\.com</From><MissedReason>CallerReleased</MissedReason></Event>"))
                + NOTIFICATION_BYE);
        for (int call = 0; call < 2; call++) {
            Sipp rupert = endpoint(ep, invite("To: &lt;sip:rupert@fabrikam\\.com&gt;") + ringUntilCancelled("rupert"));
            Sipp alice = caller("alice", "sip:rupert@fabrikam.com", CALLER_CANCELS,
                    call == 0 ? "Subject: Pricing figures\nPriority: urgent\nReferred-By: <sip:carol@fabrikam.com>\n" : "",
                    SDP_BODY);
            assertPasses(alice, alice.run(server));
            assertPasses(rupert, rupert.await());
        }
        assertPasses(notifications, notifications.await());
        assertSchemaValid(notifications, 2);
    }

    @Test
    public void answeredByATeamMemberIsNotified() throws Exception {
        int ep = port();
        int um = port();
        dialPlan("dpl-team.contoso.com", "[" + server("exchange-um6.contoso.com", 2, false, um) + "]");
        callSettings("victor", "{\"teamMembers\":[\"sip:walter@fabrikam.com\"],\"dialPlan\":\"dpl-team.contoso.com\"}");
        register("walter", ep);
        Sipp walter = endpoint(ep, invite("To: &lt;sip:victor@fabrikam\\.com&gt;")
                + answerWith("walter", "P-Asserted-Identity: <sip:walter@fabrikam.com>"));
        Sipp notifications = umServer(um, invite(notificationInviteChecks("exchange-um6.contoso.com")) + USE_CSEQ
                + NOTIFICATION_ANSWER
                + notificationInfo(x("<User>sip:victor@fabrikam\\.com</User><Time>"), x("<Event type=\"answered\">"),
                        x("<Target>sip:walter@fabrikam\\.com</Target><TargetClass>secondary</TargetClass>"
                                + "<AnsweredBy>sip:walter@fabrikam\\.com</AnsweredBy></Event>"))
                + NOTIFICATION_BYE);
        Sipp alice = caller("alice", "sip:victor@fabrikam.com", CALLER_ANSWERED);
        assertPasses(alice, alice.run(server));
        assertPasses(walter, walter.await());
        assertPasses(notifications, notifications.await());
        assertSchemaValid(notifications, 1);
    }

    @Test
    public void forwardingRefusedIsForbiddenAndPrivateCallsRaiseNoDeclined() throws Exception {
        int ep = port();
        int um = port();
        dialPlan("dpl-fwd.contoso.com", "[" + server("exchange-um7.contoso.com", 2, false, um) + "]");
        callSettings("xena", "{\"forwardUri\":\"sip:yves@fabrikam.com\",\"dialPlan\":\"dpl-fwd.contoso.com\"}");
        register("yves", ep);
        Sipp yves = endpoint(ep, invite("To: &lt;sip:xena@fabrikam\\.com&gt;") + refuse("403 Forbidden", "yves"));
        // one INFO (forbidden) and then the BYE: a missed Declined INFO would be unexpected
        Sipp notifications = umServer(um, invite(notificationInviteChecks("exchange-um7.contoso.com")) + USE_CSEQ
                + NOTIFICATION_ANSWER
                + notificationInfo(x("<Event type=\"forbidden\">"),
                        x("<Target>sip:yves@fabrikam\\.com</Target><TargetClass>primary</TargetClass></Event>"))
                + NOTIFICATION_BYE);
        Sipp alice = caller("alice", "sip:xena@fabrikam.com", callerRefused(480, 60105, 0),
                "Ms-Sensitivity: private-no-diversion\n", SDP_BODY);
        assertPasses(alice, alice.run(server));
        assertProgressReports(alice, 0);
        assertPasses(yves, yves.await());
        assertPasses(notifications, notifications.await());
        assertSchemaValid(notifications, 1);
    }

    @Test
    public void umServerBusyThenNextServer() throws Exception {
        int a = port();
        int b = port();
        dialPlan(DIAL_PLAN, "[" + server(UM1, 2, false, a) + "," + server(UM2, 2, false, b) + "]");
        umEnabled("frank", 20); // no endpoint: straight to voicemail
        Sipp um1 = umServer(a, voicemailInvite(UM1, diversion("frank")) + refuse("486 Busy Here", "um1"));
        Sipp um2 = umServer(b, voicemailInvite(UM2, diversion("frank")) + answer("um2"));
        Sipp alice = caller("alice", "sip:frank@fabrikam.com", callerVoicemail(2));
        assertPasses(alice, alice.run(server));
        assertProgressReports(alice, 2);
        assertPasses(um1, um1.await());
        assertPasses(um2, um2.await());
    }

    @Test
    public void silentUmServerTimesOutAndIsCancelled() throws Exception {
        int a = port();
        int b = port();
        dialPlan(DIAL_PLAN, "[" + server(UM1, 2, false, a) + "," + server(UM2, 2, false, b) + "]");
        umEnabled("grace", 20);
        Sipp um1 = umServer(a, voicemailInvite(UM1, diversion("grace")) + silentUntilCancelled());
        Sipp um2 = umServer(b, voicemailInvite(UM2, diversion("grace")) + answer("um2"));
        Sipp alice = caller("alice", "sip:grace@fabrikam.com", callerVoicemail(2));
        assertPasses(alice, alice.run(server));
        assertProgressReports(alice, 2);
        assertPasses(um1, um1.await());
        assertPasses(um2, um2.await());
    }

    @Test
    public void redirectToAServerOfTheDialPlanIsFollowed() throws Exception {
        int a = port();
        int b = port();
        int c = port();
        dialPlan(DIAL_PLAN, "[" + server(UM1, 2, false, a) + "," + server(UM2, 2, false, b) + ","
                + server(UM3, 2, false, c) + "]");
        umEnabled("heidi", 20);
        Sipp um1 = umServer(a, voicemailInvite(UM1, diversion("heidi")) + redirect(
                "Contact: <sip:dpl.contoso.com@exchange-um3.contoso.com:5061;transport=tls;maddr=exchange-um3.contoso.com>"));
        Sipp um3 = umServer(c, voicemailInvite(UM3, diversion("heidi")) + answer("um3"));
        Sipp alice = caller("alice", "sip:heidi@fabrikam.com", callerVoicemail(2)); // the 302 never reaches it
        assertPasses(alice, alice.run(server));
        assertProgressReports(alice, 2);
        assertPasses(um1, um1.await());
        assertPasses(um3, um3.await());
    }

    @Test
    public void redirectWithTwoContactsOrOutsideTheDialPlanIsNotFollowed() throws Exception {
        int a = port();
        int b = port();
        int c = port();
        dialPlan(DIAL_PLAN, "[" + server(UM1, 2, false, a) + "," + server(UM2, 2, false, b) + ","
                + server(UM3, 2, false, c) + "]");
        umEnabled("ivan", 20);
        Sipp um1 = umServer(a, voicemailInvite(UM1, diversion("ivan")) + redirect(
                "Contact: <sip:dpl.contoso.com@exchange-um3.contoso.com>\nContact: <sip:dpl.contoso.com@exchange-um2.contoso.com>"));
        Sipp um2 = umServer(b, voicemailInvite(UM2, diversion("ivan")) + redirect(
                "Contact: <sip:dpl.contoso.com@exchange-um9.contoso.com>"));
        Sipp um3 = umServer(c, voicemailInvite(UM3, diversion("ivan")) + answer("um3"));
        Sipp alice = caller("alice", "sip:ivan@fabrikam.com", callerVoicemail(3));
        assertPasses(alice, alice.run(server));
        assertProgressReports(alice, 3);
        assertPasses(um1, um1.await());
        assertPasses(um2, um2.await());
        assertPasses(um3, um3.await());
    }

    @Test
    public void unsupportedMediaTypeToMultipartRestartsWithTheSdpPart() throws Exception {
        int a = port();
        dialPlan(DIAL_PLAN, "[" + server(UM1, 2, false, a) + "]");
        umEnabled("judy", 20);
        Sipp um1 = peer(Sipp.scenario("um-server.xml").localPort(a).calls(2).set("TRANSPORT_NAME", "UDP")
                .set("BEHAVIOUR", either("Content-Type: multipart/alternative",
                        refuse("415 Unsupported Media Type", "um415"),
                        answer("um1"),
                        "Content-Type: application/sdp", "s=multipart-sdp", "^INVITE sip:dpl\\.contoso\\.com@exchange-um1")))
                .start(server);
        Sipp alice = caller("alice", "sip:judy@fabrikam.com", callerVoicemail(2), "", MULTIPART_BODY);
        assertPasses(alice, alice.run(server));
        assertProgressReports(alice, 2);
        assertPasses(um1, um1.await());
    }

    @Test
    public void everyUmServerFailingIs480() throws Exception {
        int a = port();
        int b = port();
        dialPlan(DIAL_PLAN, "[" + server(UM1, 2, false, a) + "," + server(UM2, 2, false, b) + "]");
        umEnabled("mallory", 20);
        Sipp um1 = umServer(a, voicemailInvite(UM1, diversion("mallory")) + refuse("500 Server Error", "um1"));
        Sipp um2 = umServer(b, voicemailInvite(UM2, diversion("mallory")) + refuse("603 Decline", "um2"));
        Sipp alice = caller("alice", "sip:mallory@fabrikam.com", callerRefused(480, 60106, 2));
        assertPasses(alice, alice.run(server));
        assertProgressReports(alice, 2);
        assertPasses(um1, um1.await());
        assertPasses(um2, um2.await());
    }

    @Test
    public void onlyTheHighestVersionAndFrontEndsAreTried() throws Exception {
        int old = port();
        int backEnd = port();
        int frontEnd = port();
        // older version first, a back end of the newest version, then the only front end of it
        dialPlan(DIAL_PLAN, "[" + server(UM1, 1, true, old) + "," + server(UM2, 3, false, backEnd) + ","
                + server(UM3, 3, true, frontEnd) + "]");
        umEnabled("oscar", 20);
        Sipp um1 = umServer(old, voicemailInvite(UM1, diversion("oscar")) + answer("old"));
        Sipp um2 = umServer(backEnd, voicemailInvite(UM2, diversion("oscar")) + answer("backend"));
        Sipp um3 = umServer(frontEnd, voicemailInvite(UM3, diversion("oscar")) + refuse("486 Busy Here", "fe"));
        // the front end refuses: the others may not be tried, so the caller gets 480 after one 101
        Sipp alice = caller("alice", "sip:oscar@fabrikam.com", callerRefused(480, 60106, 1));
        assertPasses(alice, alice.run(server));
        assertProgressReports(alice, 1);
        assertPasses(um3, um3.await());
        um1.kill();
        um2.kill();
        assertTrue("the older version was tried:\n" + um1.messages(), um1.messages().isEmpty());
        assertTrue("the back end was tried:\n" + um2.messages(), um2.messages().isEmpty());
    }

    @Test
    public void voicemailUriGoesStraightToUm() throws Exception {
        int ep = port();
        int um = port();
        dialPlan(DIAL_PLAN, "[" + server(UM1, 2, false, um) + "]");
        umEnabled("peggy", 20);
        register("peggy", ep);
        Sipp peggy = endpoint(ep, invite("never rung") + answer("peggy"));
        Sipp um1 = umServer(um, voicemailInvite(UM1, diversion("peggy")) + answer("um1"));
        Sipp alice = caller("alice", "sip:peggy@fabrikam.com;opaque=app:voicemail", callerVoicemail(1));
        assertPasses(alice, alice.run(server));
        assertProgressReports(alice, 1);
        assertPasses(um1, um1.await());
        peggy.kill();
        assertTrue("the endpoint was rung:\n" + peggy.messages(), peggy.messages().isEmpty());
    }

    @Test
    public void callingOwnVoicemailAddsNoDiversion() throws Exception {
        int um = port();
        dialPlan(DIAL_PLAN, "[" + server(UM1, 2, false, um) + "]");
        umEnabled("trent", 20);
        // the caller's own Diversion is removed (step 1) and none is added (step 2: same user@host)
        Sipp um1 = umServer(um, voicemailInvite(UM1, null).replace("    </action>",
                "      <ereg regexp=\"Diversion:\" search_in=\"msg\" check_it_inverse=\"true\" assign_to=\"ok\"/>\n    </action>")
                + answer("um1"));
        Sipp trent = caller("trent", "sip:trent@fabrikam.com;opaque=app:voicemail", callerVoicemail(1),
                "Diversion: <sip:someone@elsewhere.example>\n", SDP_BODY);
        assertPasses(trent, trent.run(server));
        assertProgressReports(trent, 1);
        assertPasses(um1, um1.await());
    }

    @Test
    public void aGruuRingsOnlyItsEndpoint() throws Exception {
        int first = port();
        int second = port();
        String instance = ExpectedGruu.newInstance();
        register("zoe", first);
        // the second endpoint, with an instance whose GRUU the test computes
        Sipp reg = Sipp.scenario("call-endpoint-register.xml").localPort(second).set("USER", "zoe")
                .set("DOMAIN", UcfrontServer.DOMAIN).set("PASSWORD", PASSWORD).set("EPID", "5ec0bd01")
                .set("INSTANCE", instance);
        assertPasses(reg, reg.run(server));
        String gruu = ExpectedGruu.of("zoe", UcfrontServer.DOMAIN, instance);
        Sipp one = endpoint(first, invite("never rung") + answer("zoe1"));
        Sipp two = endpoint(second, invite("^INVITE sip:127\\.0\\.0\\.1:" + second + ";transport=") + answer("zoe2"));
        Sipp alice = caller("alice", gruu, CALLER_ANSWERED);
        assertPasses(alice, alice.run(server));
        assertPasses(two, two.await());
        one.kill();
        assertTrue("the other endpoint was rung:\n" + one.messages(), one.messages().isEmpty());
    }

    @Test
    public void aTrustedGatewayCallsWithoutChallengeAndOthersAreRefused() throws Exception {
        int ep = port();
        register("quentin", ep);
        Sipp quentin = endpoint(ep, invite("From: &lt;sip:\\+14255550100@gw\\.fabrikam-pstn\\.com&gt;") + answer("q1"));
        Sipp gw = Sipp.scenario("call-gateway.xml").set("FROM", "sip:+14255550100@gw.fabrikam-pstn.com")
                .set("TARGET", "sip:quentin@fabrikam.com").set("TO", "sip:quentin@fabrikam.com")
                .set("BODY", SDP_BODY).set("OUTCOME", CALLER_ANSWERED);
        assertPasses(gw, gw.run(server));
        assertPasses(quentin, quentin.await());
        Sipp stranger = Sipp.scenario("call-gateway.xml").set("FROM", "sip:+14255550100@gw.elsewhere.example")
                .set("TARGET", "sip:quentin@fabrikam.com").set("TO", "sip:quentin@fabrikam.com")
                .set("BODY", SDP_BODY).set("OUTCOME", callerRefused(403, 60102, 0));
        assertPasses(stranger, stranger.run(server));
    }

    @Test
    public void aNotificationDialogRefusedMovesToTheNextServer() throws Exception {
        int refusing = port();
        int accepting = port();
        dialPlan("dpl-retry.contoso.com", "[" + server("exchange-um8.contoso.com", 2, false, refusing) + ","
                + server("exchange-um9.contoso.com", 2, false, accepting) + "]");
        callSettings("uma", "{\"dialPlan\":\"dpl-retry.contoso.com\"}");
        Sipp down = umServer(refusing, invite(notificationInviteChecks("exchange-um8.contoso.com"))
                + refuse("503 Service Unavailable", "um8"));
        Sipp up = umServer(accepting, invite(notificationInviteChecks("exchange-um9.contoso.com")) + USE_CSEQ
                + NOTIFICATION_ANSWER + notificationInfo(x("<User>sip:uma@fabrikam\\.com</User><Time>"),
                        x("<MissedReason>CallerReleased</MissedReason>")) + NOTIFICATION_BYE);
        int ep = port();
        register("uma", ep);
        Sipp uma = endpoint(ep, invite("To: &lt;sip:uma@fabrikam\\.com&gt;") + ringUntilCancelled("uma"));
        Sipp alice = caller("alice", "sip:uma@fabrikam.com", CALLER_CANCELS);
        assertPasses(alice, alice.run(server));
        assertPasses(uma, uma.await());
        assertPasses(down, down.await());
        assertPasses(up, up.await());
        assertSchemaValid(up, 1);
    }

    /** An endpoint registered over TCP gets its INVITE, ACK and BYE over that same connection. */
    @Test
    public void aTcpEndpointIsReachedOverItsOwnConnection() throws Exception {
        try (SipTestClient c = SipTestClient.tcp(server.sipPort)) {
            c.send(tcpRegister(c, 1, null));
            SipTestClient.Message challenge = c.receive();
            assertEquals(challenge.text(), 401, challenge.status());
            String offer = challenge.header("WWW-Authenticate", "");
            String nonce = offer.replaceAll(".*nonce=\"([^\"]+)\".*", "$1");
            // RFC 2617 §3.2.2 (MD5, qop=auth), computed here independently of the server
            String ha1 = md5("nina:fabrikam.com:" + PASSWORD);
            String ha2 = md5("REGISTER:sip:fabrikam.com");
            String response = md5(ha1 + ":" + nonce + ":00000001:0a4f113b:auth:" + ha2);
            c.send(tcpRegister(c, 2, "Digest username=\"nina\", realm=\"fabrikam.com\", nonce=\"" + nonce
                    + "\", uri=\"sip:fabrikam.com\", response=\"" + response + "\", algorithm=MD5, cnonce=\"0a4f113b\","
                    + " qop=auth, nc=00000001"));
            SipTestClient.Message ok = c.receive();
            assertEquals(ok.text(), 200, ok.status());

            Sipp alice = caller("alice", "sip:nina@fabrikam.com", CALLER_ANSWERED).start(server);
            SipTestClient.Message invite = c.receive();
            assertTrue(invite.text(), invite.startLine().startsWith("INVITE sip:127.0.0.1:" + c.localPort() + ";transport=tcp "));
            c.send(answerTo(invite, c.localPort(), "200 OK", "v=0\no=w 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio 6002 RTP/AVP 0\n"));
            SipTestClient.Message ack = c.receive();
            assertTrue(ack.text(), ack.startLine().startsWith("ACK "));
            SipTestClient.Message bye = c.receive();
            assertTrue(bye.text(), bye.startLine().startsWith("BYE "));
            c.send(answerTo(bye, c.localPort(), "200 OK", null));
            assertPasses(alice, alice.await());
        }
    }

    private static String tcpRegister(SipTestClient c, int cseq, String authorization) {
        return "REGISTER sip:fabrikam.com SIP/2.0\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:" + c.localPort() + ";branch=z9hG4bK-tcpreg" + cseq + "\n"
                + "Max-Forwards: 70\nFrom: <sip:nina@fabrikam.com>;tag=tcp1;epid=7cb1a2\nTo: <sip:nina@fabrikam.com>\n"
                + "Call-ID: tcp-endpoint-" + c.localPort() + "\nCSeq: " + cseq + " REGISTER\n"
                + "Contact: <sip:127.0.0.1:" + c.localPort() + ";transport=tcp>;+sip.instance=\"<urn:uuid:"
                + ExpectedGruu.newInstance() + ">\"\nSupported: gruu-10\nExpires: 300\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\n") + "Content-Length: 0\n\n";
    }

    /** A response echoing the request's Via, From, To (with a tag), Call-ID and CSeq. */
    private static String answerTo(SipTestClient.Message req, int port, String status, String sdp) {
        StringBuilder b = new StringBuilder("SIP/2.0 " + status + "\n");
        for (String h : new String[] {"Via", "From", "Call-ID", "CSeq"}) {
            for (String v : req.headers(h)) {
                b.append(h).append(": ").append(v).append('\n');
            }
        }
        String to = req.header("To", "");
        b.append("To: ").append(to.contains("tag=") ? to : to + ";tag=tcpep").append('\n');
        b.append("Contact: <sip:127.0.0.1:").append(port).append(";transport=tcp>\n");
        if (sdp == null) {
            return b.append("Content-Length: 0\n\n").toString();
        }
        String body = sdp.replace("\n", "\r\n");
        return b.append("Content-Type: application/sdp\nContent-Length: ").append(body.length()).append("\n\n")
                .append(sdp).toString();
    }

    private static String md5(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Bad input gets a precise error with its ms-diagnostics-public, and nothing is forked. */
    @Test
    public void badInvitesGetPreciseErrors() throws Exception {
        try (SipTestClient c = SipTestClient.udp(server.sipPort)) {
            String[][] cases = {
                {"tel:+14255550100", "sip:alice@fabrikam.com", "400", "60101"},
                {"sip:bob@elsewhere.example", "sip:alice@fabrikam.com", "404", "60104"},
                {"sip:bob@fabrikam.com", "sip:mallet@elsewhere.example", "403", "60102"},
                {"sip:bob@fabrikam.com", "sip:nobody@fabrikam.com", "403", "60102"}};
            int n = 0;
            for (String[] k : cases) {
                n++;
                c.send("INVITE " + k[0] + " SIP/2.0\n"
                        + "Via: SIP/2.0/UDP 127.0.0.1:" + c.localPort() + ";branch=z9hG4bK-bad" + n + "\n"
                        + "Max-Forwards: 70\nFrom: <" + k[1] + ">;tag=bad" + n + "\nTo: <" + k[0] + ">\n"
                        + "Call-ID: bad-invite-" + n + "\nCSeq: 1 INVITE\n"
                        + "Contact: <sip:127.0.0.1:" + c.localPort() + ">\nContent-Length: 0\n\n");
                SipTestClient.Message r = c.receive();
                assertEquals(r.text(), Integer.parseInt(k[2]), r.status());
                assertTrue(r.text(), r.header("ms-diagnostics-public", "").startsWith(k[3] + ";reason=\""));
                c.send("ACK " + k[0] + " SIP/2.0\n" + "Via: SIP/2.0/UDP 127.0.0.1:" + c.localPort()
                        + ";branch=z9hG4bK-bad" + n + "\nMax-Forwards: 70\nFrom: <" + k[1] + ">;tag=bad" + n + "\nTo: "
                        + r.header("To", "") + "\nCall-ID: bad-invite-" + n + "\nCSeq: 1 ACK\nContent-Length: 0\n\n");
            }
        }
    }

    /** A re-INVITE inside the call reaches the other side, and its answer and ACK come back. */
    @Test
    public void aReInviteIsRelayedBothWays() throws Exception {
        int ep = port();
        register("olga", ep);
        Sipp olga = endpoint(ep, invite("To: &lt;sip:olga@fabrikam\\.com&gt;") + answerThenReInvite("olga1"));
        Sipp alice = caller("alice", "sip:olga@fabrikam.com", CALLER_REINVITES);
        assertPasses(alice, alice.run(server));
        assertPasses(olga, olga.await());
    }

    /**
     * The caller's re-INVITE comes before its ACK, and its BYE before the re-INVITE's ACK (as UDP
     * requests handled by parallel threads can): the callee still gets each ACK before the next
     * request, and the late initial ACK is not taken for the re-INVITE's.
     */
    @Test
    public void anAckHandledAfterTheNextRequestIsRelayedBeforeIt() throws Exception {
        int ep = port();
        register("olga", ep);
        Sipp olga = endpoint(ep, invite("To: &lt;sip:olga@fabrikam\\.com&gt;") + answerThenReInvite("olga2"));
        Sipp alice = caller("alice", "sip:olga@fabrikam.com", CALLER_REINVITES_ACKS_LATE);
        assertPasses(alice, alice.run(server));
        assertPasses(olga, olga.await());
    }

    /** MS-EUMR §3.2.4.2: a 605 from the forwarding target counts as answered (TargetClass primary). */
    @Test
    public void aForwardingTargetAnswering605IsReportedAnswered() throws Exception {
        int ep = port();
        int um = port();
        dialPlan("dpl-605.contoso.com", "[" + server("exchange-um10.contoso.com", 2, false, um) + "]");
        callSettings("petra", "{\"forwardUri\":\"sip:rolf@fabrikam.com\",\"dialPlan\":\"dpl-605.contoso.com\"}");
        register("rolf", ep);
        Sipp rolf = endpoint(ep, invite("To: &lt;sip:petra@fabrikam\\.com&gt;") + refuse("605 Not Acceptable", "rolf")
                .replace("Contact: <sip:[local_ip]:[local_port];transport=[transport]>",
                        "Contact: <sip:[local_ip]:[local_port];transport=[transport]>\nP-Asserted-Identity: <sip:rolf@fabrikam.com>"));
        Sipp notifications = umServer(um, invite(notificationInviteChecks("exchange-um10.contoso.com")) + USE_CSEQ
                + NOTIFICATION_ANSWER
                + notificationInfo(x("<Event type=\"answered\">"),
                        x("<Target>sip:rolf@fabrikam\\.com</Target><TargetClass>primary</TargetClass>"
                                + "<AnsweredBy>sip:rolf@fabrikam\\.com</AnsweredBy></Event>"))
                + NOTIFICATION_BYE);
        Sipp alice = caller("alice", "sip:petra@fabrikam.com", callerRefused(480, 60105, 0),
                "Ms-Sensitivity: private-no-diversion\n", SDP_BODY);
        assertPasses(alice, alice.run(server));
        assertPasses(rolf, rolf.await());
        assertPasses(notifications, notifications.await());
        assertSchemaValid(notifications, 1);
    }
}
