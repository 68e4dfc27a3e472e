package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Administered provisioning policy end to end: a named policy is created and assigned over the
 * admin API, and the user's provisioning SUBSCRIBE is answered with its values; other users keep
 * the global policy; invalid policies get a 400 naming the field; policies survive a restart.
 */
public class PolicyIT {

    static final String ACCEPT = "application/vnd-microsoft-roaming-provisioning-v2+xml";
    static UcfrontServer server;
    static AdminClient admin;

    @BeforeClass
    public static void start() throws Exception {
        server = new UcfrontServer("policies", 15140, 18160).with("UCFRONT_AUTH", "none").start();
        admin = AdminClient.of(server);
        admin.createUser("sip:alice@fabrikam.com", "x");
        admin.createUser("sip:bob@fabrikam.com", "x");
    }

    @AfterClass
    public static void stop() throws Exception {
        server.stop();
    }

    /** The provisioning answer (piggybacked) a user gets for the given groups. */
    static String provisioning(String user, String... groups) throws Exception {
        StringBuilder body = new StringBuilder("<provisioningGroupList xmlns=\"http://schemas.microsoft.com/2006/09/sip/provisioninggrouplist\">");
        for (String g : groups) {
            body.append("<provisioningGroup name=\"").append(g).append("\"/>");
        }
        body.append("</provisioningGroupList>");
        try (SipTestClient c = SipTestClient.tcp(server.sipPort)) {
            c.send("SUBSCRIBE sip:" + user + " SIP/2.0\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1:" + c.localPort() + ";branch=z9hG4bK-" + UUID.randomUUID() + "\n"
                    + "Max-Forwards: 70\nFrom: <sip:" + user + ">;tag=1a\nTo: <sip:" + user + ">\n"
                    + "Call-ID: " + UUID.randomUUID() + "\nCSeq: 1 SUBSCRIBE\n"
                    + "Contact: <sip:127.0.0.1:" + c.localPort() + ";transport=tcp>\n"
                    + "Event: vnd-microsoft-provisioning-v2\nAccept: " + ACCEPT + "\n"
                    + "Supported: ms-piggyback-first-notify\nExpires: 0\nContent-Type: " + ACCEPT + "\n"
                    + "Content-Length: " + body.length() + "\n\n" + body);
            SipTestClient.Message ok = c.receive();
            assertEquals(ok.text(), 200, ok.status());
            return ok.text().substring(ok.text().indexOf("\r\n\r\n") + 4);
        }
    }

    @Test
    public void anAssignedPolicyIsServedToItsUserOnly() throws Exception {
        HttpResponse<String> created = admin.send("POST", "/policies/meeting",
                "{\"name\":\"Small meetings\",\"properties\":{\"MeetingSize\":\"10\",\"AllowIPVideo\":\"false\"}}");
        assertEquals(created.body(), 201, created.statusCode());
        HttpResponse<String> assigned = admin.send("PATCH", "/policy-assignments/sip:alice@fabrikam.com",
                "{\"meeting\":\"Small meetings\"}");
        assertEquals(assigned.body(), 200, assigned.statusCode());
        assertTrue(assigned.body(), assigned.body().contains("\"meeting\":\"Small meetings\""));

        String alice = provisioning("alice@fabrikam.com", "meetingPolicy");
        assertTrue(alice, alice.contains("<property name=\"MeetingSize\">10</property>"));
        assertTrue(alice, alice.contains("<property name=\"AllowIPVideo\">false</property>"));
        String bob = provisioning("bob@fabrikam.com", "meetingPolicy");
        assertTrue(bob, bob.contains("<property name=\"MeetingSize\">250</property>")); // the global default
        assertTrue(bob, bob.contains("<property name=\"AllowIPVideo\">true</property>"));
    }

    @Test
    public void theGlobalPolicyCanBeChangedButNotDeleted() throws Exception {
        HttpResponse<String> changed = admin.send("PUT", "/policies/presence/Global",
                "{\"properties\":{\"PersonalNoteHistoryDepth\":\"7\"}}");
        assertEquals(changed.body(), 200, changed.statusCode());
        String answer = provisioning("bob@fabrikam.com", "presencePolicyV2");
        assertTrue(answer, answer.contains("<property name=\"PersonalNoteHistoryDepth\">7</property>"));
        assertTrue(answer, answer.contains("<property name=\"EnablePrivacyMode\">false</property>"));
        HttpResponse<String> deleted = admin.send("DELETE", "/policies/presence/Global", null);
        assertEquals(deleted.body(), 400, deleted.statusCode());
        assertTrue(deleted.body(), deleted.body().contains("name: the global policy cannot be deleted"));
    }

    @Test
    public void invalidPoliciesGetA400NamingTheField() throws Exception {
        assertError(admin.send("POST", "/policies/meeting", "{\"name\":\"Big\",\"properties\":{\"MeetingSize\":\"lots\"}}"),
                400, "properties.MeetingSize: must be");
        assertError(admin.send("POST", "/policies/meeting", "{\"name\":\"Big\",\"properties\":{\"Colour\":\"red\"}}"),
                400, "properties.Colour: is not a property of meetingPolicy");
        assertError(admin.send("POST", "/policies/meeting", "{\"name\":\"<script>\",\"properties\":{}}"),
                400, "name: must be");
        assertError(admin.send("POST", "/policies/meeting", "{\"name\":\"X\",\"limits\":{}}"), 400, "unknown field 'limits'");
        assertError(admin.send("GET", "/policies/weather", null), 404, "no policy kind weather");
        assertError(admin.send("PATCH", "/policy-assignments/sip:alice@fabrikam.com", "{\"meeting\":\"Nope\"}"),
                404, "no meeting policy Nope");
    }

    @Test
    public void policiesAndAssignmentsSurviveARestart() throws Exception {
        assertEquals(201, admin.send("POST", "/policies/uc", "{\"name\":\"No park\",\"properties\":{\"EnableCallPark\":\"false\"}}")
                .statusCode());
        assertEquals(200, admin.send("PATCH", "/policy-assignments/sip:bob@fabrikam.com", "{\"uc\":\"No park\"}").statusCode());
        server.stop();
        server.start();
        String assignments = admin.send("GET", "/policy-assignments/sip:bob@fabrikam.com", null).body();
        assertTrue(assignments, assignments.contains("\"uc\":\"No park\""));
        assertTrue(admin.send("GET", "/policies/uc/No%20park", null).body().contains("\"EnableCallPark\":\"false\""));
    }

    private static void assertError(HttpResponse<String> r, int status, String contains) {
        assertEquals(r.body(), status, r.statusCode());
        assertTrue(r.body(), r.body().contains(contains));
    }
}
