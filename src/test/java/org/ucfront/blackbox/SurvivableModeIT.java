package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ucfront.blackbox.RegistrarIT.assertNotifyInRegisterDialog;
import static org.ucfront.blackbox.RegistrarIT.assertPasses;
import static org.ucfront.blackbox.RegistrarIT.await;
import static org.ucfront.blackbox.RegistrarIT.count;
import static org.ucfront.blackbox.RegistrarIT.registration;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ucfront.blackbox.Sipp.Transport;

/**
 * User-services availability and survivable mode (MS-SIPREGE §3.1.2.5.1, §3.5, §4.1.4, DIGEST §1–2)
 * and the presence-state cluster fields of a user's home pool (§2.2.1.4), with sipp endpoints
 * against the packaged server. Availability is switched through the admin override.
 */
public class SurvivableModeIT {

    static final String SURVIVABLE_TAG = ", ms-userservices-state-notification";
    static final String USER_SERVICES = "/user-services";
    /** §2.2.1.4 with sipp's "." standing for the quotes. */
    static final String CENTRAL_HERE = "register-action=.added.;primary-cluster-type=.central.;is-connected-to-primary=.yes.";

    static UcfrontServer server;
    static AdminClient admin;
    /** The user-services health endpoint the server polls; answers {@link #health}. */
    static HttpServer userServices;
    static final AtomicInteger health = new AtomicInteger(200);

    @BeforeClass
    public static void startServer() throws Exception {
        userServices = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        userServices.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(health.get(), -1);
            exchange.close();
        });
        userServices.start();
        server = new UcfrontServer("survivable", 15180, 18185)
                .with("UCFRONT_DIGEST_ALGORITHMS", "MD5") // sipp 3.6 computes MD5 Digest only
                .with("UCFRONT_USERSERVICES_HEALTH_URL",
                        "http://127.0.0.1:" + userServices.getAddress().getPort() + "/health")
                .with("UCFRONT_USERSERVICES_HEALTH_INTERVAL", "1")
                .with("UCFRONT_USERSERVICES_HEALTH_FAILURES", "1")
                .start();
        admin = AdminClient.of(server);
        for (String user : new String[] {"sam", "nick", "una", "vic", "wes", "rita", "hal"}) {
            admin.createUser(aor(user), RegistrarIT.PASSWORD);
        }
    }

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (userServices != null) {
            userServices.stop(0);
        }
    }

    /** Each test leaves the health check, healthy again, in charge. */
    @After
    public void clearOverride() throws Exception {
        health.set(200);
        assertEquals(200, admin.send("PUT", USER_SERVICES, "{\"override\":null}").statusCode());
        await(() -> admin.send("GET", USER_SERVICES, null).body().contains("\"available\":true"));
    }

    static String aor(String user) {
        return "sip:" + user + "@" + UcfrontServer.DOMAIN;
    }

    @Test
    public void losingUserServicesKeepsSurvivableEndpointsAndDeregistersTheOthers() throws Exception {
        String survivableInstance = ExpectedGruu.newInstance();
        Sipp survivable = registration("register-userservices-notify.xml", "sam", survivableInstance)
                .callId("survivable-endpoint").set("SURVIVABLE_TAG", SURVIVABLE_TAG)
                .set("BODY", "registered;event=userservices-unavailable").set("ERROR_ID", "4165")
                .set("SUBSCRIPTION_STATE", "active;expires=[1-9][0-9]*") // §2.2.1.12.1: the time left
                .set("NOTIFY_TIMEOUT", "30000").transport(Transport.UDP).start(server);
        Sipp plain = registration("register-userservices-notify.xml", "nick", ExpectedGruu.newInstance())
                .callId("plain-endpoint").set("SURVIVABLE_TAG", "")
                .set("BODY", "deregistered;event=userservices-unavailable").set("ERROR_ID", "4165")
                .set("SUBSCRIPTION_STATE", "terminated;expires=0")
                .set("NOTIFY_TIMEOUT", "30000").transport(Transport.UDP).start(server);
        await(() -> count(admin.registrations(aor("sam")), "\"gruu\"") == 1
                && count(admin.registrations(aor("nick")), "\"gruu\"") == 1);
        assertTrue(admin.send("GET", USER_SERVICES, null).body().contains("\"available\":true"));

        HttpResponse<String> down = admin.send("PUT", USER_SERVICES, "{\"available\":false}");
        assertEquals(down.body(), 200, down.statusCode());
        assertTrue(down.body(), down.body().contains("\"available\":false"));
        assertTrue(down.body(), down.body().contains("\"override\":false"));

        assertPasses(survivable, survivable.await());
        assertPasses(plain, plain.await());
        assertNotifyInRegisterDialog(survivable.messages(), "survivable-endpoint");
        assertNotifyInRegisterDialog(plain.messages(), "plain-endpoint");
        await(() -> count(admin.registrations(aor("nick")), "\"gruu\"") == 0);
        String kept = admin.registrations(aor("sam"));
        assertEquals(kept, 1, count(kept, "\"gruu\""));
        assertTrue(kept, kept.contains(survivableInstance.toLowerCase(Locale.ROOT)));

        // while unavailable: without the option tag 503/4164, with it 200 flagged unavailable (§3.1.2.5.1)
        Sipp refused = registration("register-refused-after-auth.xml", "una", ExpectedGruu.newInstance())
                .set("TO_USER", "una").set("STATUS", "503").set("ERROR_ID", "4164")
                .set("FROM_PARAMS", ";epid=0123456789")
                .set("CONTACT_PARAMS", ";+sip.instance=\"<urn:uuid:" + ExpectedGruu.newInstance() + ">\"")
                .set("EXTRA", "Supported: gruu-10").set("ALSO_HEADER", "CSeq:").set("ALSO_REGEXP", "REGISTER");
        assertPasses(refused, refused.run(server));
        assertEquals("[]", admin.registrations(aor("una")));
        Sipp flagged = registration("register-presence-state.xml", "vic", ExpectedGruu.newInstance())
                .set("SURVIVABLE_TAG", SURVIVABLE_TAG)
                .set("PRESENCE_STATE", CENTRAL_HERE + ";user-services-state=unavailable");
        assertPasses(flagged, flagged.run(server));
    }

    /** The health check's timer drives the same transition: a failing check sends the NOTIFYs. */
    @Test
    public void aFailingHealthCheckPutsSurvivableEndpointsInSurvivableMode() throws Exception {
        Sipp survivable = registration("register-userservices-notify.xml", "hal", ExpectedGruu.newInstance())
                .callId("health-survivable-endpoint").set("SURVIVABLE_TAG", SURVIVABLE_TAG)
                .set("BODY", "registered;event=userservices-unavailable").set("ERROR_ID", "4165")
                .set("SUBSCRIPTION_STATE", "active;expires=[1-9][0-9]*")
                .set("NOTIFY_TIMEOUT", "30000").transport(Transport.UDP).start(server);
        await(() -> count(admin.registrations(aor("hal")), "\"gruu\"") == 1);
        health.set(503);
        assertPasses(survivable, survivable.await());
        String status = admin.send("GET", USER_SERVICES, null).body();
        assertTrue(status, status.contains("\"available\":false") && status.contains("\"healthy\":false"));
        assertEquals(1, count(admin.registrations(aor("hal")), "\"gruu\""));
        health.set(200);
        await(() -> admin.send("GET", USER_SERVICES, null).body().contains("\"healthy\":true"));
    }

    @Test
    public void theOverrideIsShownAndCleared() throws Exception {
        assertEquals(200, admin.send("PUT", USER_SERVICES, "{\"available\":false}").statusCode());
        String status = admin.send("GET", USER_SERVICES, null).body();
        assertTrue(status, status.contains("\"available\":false") && status.contains("\"healthy\":true"));
        HttpResponse<String> cleared = admin.send("PUT", USER_SERVICES, "{\"override\":null}");
        assertTrue(cleared.body(), cleared.body().contains("\"available\":true")
                && cleared.body().contains("\"override\":null"));
        // available again: a REGISTER without the option tag is served, without user-services-state
        Sipp served = registration("register-presence-state.xml", "wes", ExpectedGruu.newInstance())
                .set("SURVIVABLE_TAG", "").set("PRESENCE_STATE", CENTRAL_HERE);
        assertPasses(served, served.run(server));
    }

    @Test
    public void badOverridesAreRefused() throws Exception {
        for (String body : new String[] {"{\"available\":\"no\"}", "{\"override\":true}", "{\"bogus\":false}",
                "{\"available\":false,\"override\":null}", "[]", "not json"}) {
            HttpResponse<String> r = admin.send("PUT", USER_SERVICES, body);
            assertEquals(body + " → " + r.body(), 400, r.statusCode());
        }
        assertTrue(admin.send("GET", USER_SERVICES, null).body().contains("\"available\":true"));
    }

    /** §3.1.2.1 / §2.2.1.4: a user homed on another, remote pool is not connected to their primary. */
    @Test
    public void aUserHomedOnARemotePoolGetsRemoteAndNotConnected() throws Exception {
        HttpResponse<String> patched = admin.patchUser(aor("rita"),
                "{\"homePool\":\"Branch1.Fabrikam.com\",\"primaryClusterType\":\"remote\"}");
        assertEquals(patched.body(), 200, patched.statusCode());
        assertTrue(patched.body(), patched.body().contains("\"homePool\":\"branch1.fabrikam.com\"")
                && patched.body().contains("\"primaryClusterType\":\"remote\""));
        Sipp remote = registration("register-presence-state.xml", "rita", ExpectedGruu.newInstance())
                .set("SURVIVABLE_TAG", SURVIVABLE_TAG)
                .set("PRESENCE_STATE", "register-action=.added.;primary-cluster-type=.remote.;is-connected-to-primary=.no.");
        assertPasses(remote, remote.run(server));
    }

    @Test
    public void invalidHomePoolsAreRefused() throws Exception {
        assertEquals(400, admin.patchUser(aor("rita"), "{\"primaryClusterType\":\"branch\"}").statusCode());
        assertEquals(400, admin.patchUser(aor("rita"), "{\"homePool\":\"not a host\"}").statusCode());
        assertEquals(400, admin.patchUser(aor("rita"), "{\"pool\":\"x\"}").statusCode());
        HttpResponse<String> cleared = admin.patchUser(aor("una"), "{\"homePool\":\"\",\"primaryClusterType\":\"\"}");
        assertEquals(200, cleared.statusCode());
        assertFalse(cleared.body(), cleared.body().contains("homePool"));
    }
}
