package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ucfront.blackbox.Sipp.Transport;

/**
 * In-band provisioning driven by sipp (DIGEST §3): the answer piggybacked or in a NOTIFY, a
 * delegate allowed and refused, a trusted server entity allowed and refused, 406, 489 and a
 * malformed body. The checks are sipp's own regular expressions on what it received.
 */
public class ProvisioningSippIT {

    static final String PASSWORD = "Sipp-Prov-7";
    static final String BODY = "<provisioningGroupList xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisioninggroupList\">"
            + "<provisioningGroup name=\"ServerConfiguration\" /><provisioningGroup name=\"persistentChatConfiguration\" />"
            + "<provisioningGroup name=\"meetingPolicy\" /></provisioningGroupList>";
    static UcfrontServer server;

    /** The provisioning document for %%VOICEMAIL_USER%%, wherever it arrives (§2.2.2.5). */
    static final String DOCUMENT_CHECKS = """
                  <ereg regexp="^&lt;provisionGroupList xmlns=.http://schemas.microsoft.com/2006/09/sip/provisiongrouplist-notification.&gt;" search_in="body" check_it="true" assign_to="ok"/>
                  <ereg regexp="&lt;provisionGroup name=.ServerConfiguration.&gt;" search_in="body" check_it="true" assign_to="ok"/>
                  <ereg regexp="&lt;provisionGroup name=.persistentChatConfiguration.&gt;" search_in="body" check_it="true" assign_to="ok"/>
                  <ereg regexp="&lt;provisionGroup name=.meetingPolicy.&gt;" search_in="body" check_it="true" assign_to="ok"/>
                  <ereg regexp="&lt;voiceMailUri&gt;sip:%%VOICEMAIL_USER%%@fabrikam.com;opaque=app:voicemail&lt;/voiceMailUri&gt;" search_in="body" check_it="true" assign_to="ok"/>
            """;

    /** §2.2.2.2 with ms-piggyback-first-notify: the document in the 200. */
    static final String PIGGYBACKED = """
              <recv response="200">
                <action>
                  <ereg regexp="^ *vnd-microsoft-provisioning-v2 *$" search_in="hdr" header="Event:" check_it="true" assign_to="ok"/>
                  <ereg regexp="^ *terminated;expires=0 *$" search_in="hdr" header="Subscription-State:" check_it="true" assign_to="ok"/>
                  <ereg regexp="^ *2 *$" search_in="hdr" header="ms-piggyback-cseq:" check_it="true" assign_to="ok"/>
                  <ereg regexp="^ *0 *$" search_in="hdr" header="Expires:" check_it="true" assign_to="ok"/>
            """ + DOCUMENT_CHECKS + """
                </action>
              </recv>
            """;

    /** §2.2.2.2 without it: a bodiless 200, then the document in a NOTIFY, answered 200. */
    static final String BY_NOTIFY = """
              <recv response="200">
                <action>
                  <ereg regexp="^ *0 *$" search_in="hdr" header="Content-Length:" check_it="true" assign_to="ok"/>
                </action>
              </recv>
              <recv request="NOTIFY">
                <action>
                  <ereg regexp="^ *vnd-microsoft-provisioning-v2 *$" search_in="hdr" header="Event:" check_it="true" assign_to="ok"/>
                  <ereg regexp="^ *terminated;expires=0 *$" search_in="hdr" header="Subscription-State:" check_it="true" assign_to="ok"/>
            """ + DOCUMENT_CHECKS + """
                </action>
              </recv>
              <send><![CDATA[
            SIP/2.0 200 OK
            [last_Via:]
            [last_From:]
            [last_To:]
            [last_Call-ID:]
            [last_CSeq:]
            Content-Length: 0

            ]]></send>
            """;

    static String refusal(int status, int errorId) {
        return """
                  <recv response="%d">
                    <action>
                      <ereg regexp="^ *%d;reason=" search_in="hdr" header="ms-diagnostics-public:" check_it="true" assign_to="ok"/>
                      <ereg regexp="SUBSCRIBE" search_in="hdr" header="CSeq:" check_it="true" assign_to="ok"/>
                    </action>
                  </recv>
                """.formatted(status, errorId);
    }

    @BeforeClass
    public static void start() throws Exception {
        server = new UcfrontServer("provisioning-sipp", 15150, 18170)
                .with("UCFRONT_DIGEST_ALGORITHMS", "MD5") // sipp computes MD5 only
                .with("UCFRONT_TRUSTED_SERVERS", "um1.fabrikam.com=127.0.0.1").start();
        AdminClient admin = AdminClient.of(server);
        for (String u : new String[] {"alice", "bob", "carol"}) {
            admin.createUser("sip:" + u + "@fabrikam.com", PASSWORD);
        }
        assertEquals(201, admin.send("POST", "/users/sip:alice@fabrikam.com/delegates",
                "{\"delegate\":\"sip:bob@fabrikam.com\"}").statusCode());
    }

    @AfterClass
    public static void stop() throws Exception {
        server.stop();
    }

    /** An authenticated SUBSCRIBE from {@code user} for {@code to}, then {@code answer}'s steps. */
    static Sipp subscribe(String user, String to, String answer) {
        return Sipp.scenario("provisioning-subscribe.xml")
                .set("ANSWER", answer.replace("%%VOICEMAIL_USER%%", to.substring(0, to.indexOf('@'))))
                .set("FROM", user + "@fabrikam.com").set("TO", to).set("USER", user).set("PASSWORD", PASSWORD)
                .set("SUPPORTED", "Supported: ms-piggyback-first-notify").set("EXTRA", "Priority: normal") // a header nothing reads
                .set("BODY", BODY);
    }

    static Sipp refused(String from, String to, int status, int errorId, String extra) {
        return Sipp.scenario("provisioning-refused.xml").set("FROM", from).set("TO", to)
                .set("STATUS", Integer.toString(status)).set("ERROR_ID", Integer.toString(errorId)).set("EXTRA", extra);
    }

    static void assertPasses(Sipp s) throws Exception {
        assertEquals(s.diagnostics(), 0, s.run(server));
    }

    @Test
    public void piggybackedAnswerOverTcp() throws Exception {
        assertPasses(subscribe("alice", "alice@fabrikam.com", PIGGYBACKED).transport(Transport.TCP));
    }

    @Test
    public void answerInANotifyOverUdp() throws Exception {
        assertPasses(subscribe("alice", "alice@fabrikam.com", BY_NOTIFY).set("SUPPORTED", "Supported: ms-benotify"));
    }

    @Test
    public void aDelegateIsAnsweredWithTheDelegatorsProvisioning() throws Exception {
        assertPasses(subscribe("bob", "alice@fabrikam.com", PIGGYBACKED)
                .set("EXTRA", "p-session-on-behalf-of: <sip:alice@fabrikam.com>"));
    }

    @Test
    public void aNonDelegateIsRefused() throws Exception {
        assertPasses(subscribe("carol", "alice@fabrikam.com", refusal(403, 60105))
                .set("EXTRA", "p-session-on-behalf-of: <sip:alice@fabrikam.com>"));
    }

    @Test
    public void aMalformedBodyIs400WithAReason() throws Exception {
        assertPasses(subscribe("alice", "alice@fabrikam.com", refusal(400, 60103)).set("BODY", "<provisioningGroupList")
                .transport(Transport.TCP));
    }

    @Test
    public void aTrustedServerEntityIsAnsweredFromItsAddress() throws Exception {
        assertPasses(Sipp.scenario("provisioning-server-entity.xml").set("FQDN", "um1.fabrikam.com"));
    }

    @Test
    public void anUntrustedServerEntityIsRefused() throws Exception {
        assertPasses(refused("um2.fabrikam.com", "um2.fabrikam.com", 403, 60105, "Event: vnd-microsoft-provisioning-v2"));
    }

    @Test
    public void anotherAcceptIs406() throws Exception {
        assertPasses(refused("alice@fabrikam.com", "alice@fabrikam.com", 406, 60102,
                "Event: vnd-microsoft-provisioning-v2\nAccept: application/pidf+xml"));
    }

    @Test
    public void anotherEventIs489() throws Exception {
        assertPasses(refused("alice@fabrikam.com", "alice@fabrikam.com", 489, 60101, "Event: presence")
                .transport(Transport.TCP));
    }
}
