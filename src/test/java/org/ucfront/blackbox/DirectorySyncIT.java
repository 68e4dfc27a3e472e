package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ucfront.blackbox.RegistrarIT.assertPasses;
import static org.ucfront.blackbox.RegistrarIT.await;
import static org.ucfront.blackbox.RegistrarIT.count;
import static org.ucfront.blackbox.RegistrarIT.registration;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ucfront.blackbox.Sipp.Transport;

/**
 * Users from a real OpenLDAP directory (slapd with the AD/Lync attribute names, ucfront's "ad"
 * preset): initial and incremental sync, the deregister NOTIFYs a directory change causes
 * (§2.2.1.13: rejected 4141, deactivated 4142, preferred-registrar-change 4166 with
 * P-Preferred-Registrar), a directory that is down, and filter injection.
 */
public class DirectorySyncIT {

    static final String POOL = "pool1.fabrikam.com";
    static final String HOME = "CN=Lc Services,CN=Microsoft,CN=fe1." + POOL + ",CN=Pools,CN=RTC Service,"
            + "CN=Services,CN=Configuration,DC=fabrikam,DC=com";
    static final String[] USERS = {"alice", "bob", "carol", "dave", "frank"};
    /** AD's update sequence number, maintained by hand here. */
    static final AtomicInteger USN = new AtomicInteger(100);

    static Slapd slapd;
    static UcfrontServer server;
    static AdminClient admin;

    @BeforeClass
    public static void start() throws Exception {
        slapd = new Slapd("directory", 15170).start();
        slapd.add("dn: " + Slapd.SUFFIX + "\nobjectClass: dcObject\nobjectClass: organization\ndc: fabrikam\no: Fabrikam",
                "dn: " + Slapd.USERS + "\nobjectClass: organizationalUnit\nou: users");
        for (String u : USERS) {
            slapd.add(entry(u, "sip:" + u + "@" + UcfrontServer.DOMAIN, "512"));
        }
        slapd.add(entry("erin", "sip:erin@" + UcfrontServer.DOMAIN, "514")); // ACCOUNTDISABLE
        slapd.add(entry("mallory", "sip:m*)(uid=*@" + UcfrontServer.DOMAIN, "512"));
        slapd.add("dn: cn=nosip," + Slapd.USERS + "\nobjectClass: user\ncn: nosip\nsn: nosip\nuSNChanged: 1");
        server = new UcfrontServer("directory", 15160, 18180)
                .with("UCFRONT_DIGEST_ALGORITHMS", "MD5")
                .with("UCFRONT_LDAP_URL", slapd.url())
                .with("UCFRONT_LDAP_PRESET", "ad")
                .with("UCFRONT_LDAP_BIND_DN", Slapd.ADMIN_DN)
                .with("UCFRONT_LDAP_BIND_PASSWORD", Slapd.ADMIN_PASSWORD)
                .with("UCFRONT_LDAP_BASE_DN", Slapd.SUFFIX)
                .with("UCFRONT_LDAP_PAGE_SIZE", "2") // several pages
                .with("UCFRONT_LDAP_SYNC_INTERVAL", "3600") // only the first run and on-demand ones
                .with("UCFRONT_POOL_FQDN", POOL)
                .start();
        admin = AdminClient.of(server);
        await(() -> admin.send("GET", "/directory", null).body().contains("\"result\":\"ok\""));
        for (String u : USERS) { // directory users have no Digest password until the admin sets one
            assertEquals(200, admin.patchUser(aor(u), "{\"password\":\"" + RegistrarIT.PASSWORD + "\"}").statusCode());
        }
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (slapd != null) {
            slapd.stop();
        }
    }

    static String entry(String name, String sip, String userAccountControl) {
        return "dn: cn=" + name + "," + Slapd.USERS + "\nobjectClass: user\ncn: " + name + "\nsn: " + name
                + "\ndisplayName: " + Character.toUpperCase(name.charAt(0)) + name.substring(1)
                + "\nmail: " + name + "@" + UcfrontServer.DOMAIN + "\ntelephoneNumber: +1 425 555 0100"
                + "\nmsRTCSIP-PrimaryUserAddress: " + sip + "\nmsRTCSIP-UserEnabled: TRUE"
                + "\nmsRTCSIP-PrimaryHomeServer: " + HOME + "\nuserAccountControl: " + userAccountControl
                + "\nuSNChanged: " + USN.incrementAndGet();
    }

    static String aor(String user) {
        return "sip:" + user + "@" + UcfrontServer.DOMAIN;
    }

    static String dn(String user) {
        return "cn=" + user + "," + Slapd.USERS;
    }

    /** Changes an entry as AD would: the new values and a new uSNChanged. */
    static void change(String user, String... nameValues) throws Exception {
        String[] all = java.util.Arrays.copyOf(nameValues, nameValues.length + 2);
        all[nameValues.length] = "uSNChanged";
        all[nameValues.length + 1] = Integer.toString(USN.incrementAndGet());
        slapd.replace(dn(user), all);
    }

    static HttpResponse<String> sync(String json) throws Exception {
        return admin.send("POST", "/directory/sync", json);
    }

    static String user(String aor) throws Exception {
        return admin.send("GET", "/users/" + URLEncoder.encode(aor, StandardCharsets.UTF_8), null).body();
    }

    static Sipp awaitingNotify(String user, String body, String errorId) throws Exception {
        Sipp endpoint = registration("register-await-notify.xml", user, ExpectedGruu.newInstance())
                .callId("directory-" + user).set("BODY", body).set("ERROR_ID", errorId)
                .set("NOTIFY_TIMEOUT", "30000").transport(Transport.UDP).start(server);
        await(() -> count(admin.registrations(aor(user)), "\"gruu\"") == 1);
        return endpoint;
    }

    @Test
    public void theInitialSyncCreatesTheDirectorysSipUsers() throws Exception {
        String alice = user(aor("alice"));
        assertTrue(alice, alice.contains("\"displayName\":\"Alice\"") && alice.contains("\"enabled\":true"));
        assertTrue(user(aor("erin")), user(aor("erin")).contains("\"enabled\":false")); // userAccountControl 514
        assertTrue(user("sip:nosip@" + UcfrontServer.DOMAIN), user("sip:nosip@" + UcfrontServer.DOMAIN).contains("no user"));
        String status = admin.send("GET", "/directory", null).body();
        assertTrue(status, status.contains("\"configured\":true") && status.contains("\"consecutiveFailures\":0"));
    }

    @Test
    public void anIncrementalSyncReadsOnlyWhatChanged() throws Exception {
        assertEquals(200, sync("{\"mode\":\"full\"}").statusCode()); // the marker is now the newest entry's
        change("alice", "displayName", "Alice Ciccu");
        HttpResponse<String> r = sync("{\"mode\":\"incremental\"}");
        assertEquals(r.body(), 200, r.statusCode());
        assertTrue(r.body(), r.body().contains("\"mode\":\"incremental\""));
        // >= the last marker: alice and at most the entry that set the marker
        assertTrue(r.body(), Pattern.compile("\"seen\":[12],").matcher(r.body()).find());
        assertTrue(user(aor("alice")), user(aor("alice")).contains("\"displayName\":\"Alice Ciccu\""));
    }

    @Test
    public void disablingAUserInTheDirectorySendsTheRejectedNotify() throws Exception {
        Sipp endpoint = awaitingNotify("bob", "deregistered;event=rejected", "4141");
        change("bob", "msRTCSIP-UserEnabled", "FALSE");
        HttpResponse<String> r = sync(null);
        assertTrue(r.body(), r.body().contains("\"deregistered\":1"));
        assertPasses(endpoint, endpoint.await());
        assertTrue(user(aor("bob")), user(aor("bob")).contains("\"enabled\":false"));
        assertEquals("[]", admin.registrations(aor("bob")));
    }

    @Test
    public void aMoveToAnotherServerOfThePoolSendsTheDeactivatedNotify() throws Exception {
        Sipp endpoint = awaitingNotify("carol", "deregistered;event=deactivated", "4142");
        change("carol", "msRTCSIP-PrimaryHomeServer", HOME.replace("CN=fe1.", "CN=fe2."));
        HttpResponse<String> r = sync(null);
        assertTrue(r.body(), r.body().contains("\"deregistered\":1"));
        assertPasses(endpoint, endpoint.await());
        assertEquals("[]", admin.registrations(aor("carol")));
    }

    @Test
    public void aMoveToAnotherPoolSendsThePreferredRegistrarChangeNotify() throws Exception {
        Sipp endpoint = awaitingNotify("dave", "deregistered;event=preferred-registrar-change", "4166");
        change("dave", "msRTCSIP-PrimaryHomeServer", HOME.replace("CN=fe1." + POOL, "CN=pool2.contoso.com"));
        sync(null);
        assertPasses(endpoint, endpoint.await());
        assertTrue(endpoint.messages(), Pattern.compile("(?im)^P-Preferred-Registrar:\\s*<sip:pool2\\.contoso\\.com>\\s*$")
                .matcher(endpoint.messages()).find());
    }

    @Test
    public void theAdminCanSendAPreferredRegistrarChangeToOneUser() throws Exception {
        Sipp endpoint = awaitingNotify("frank", "deregistered;event=preferred-registrar-change", "4166");
        HttpResponse<String> r = admin.send("POST", "/users/" + URLEncoder.encode(aor("frank"), StandardCharsets.UTF_8)
                + "/deregister", "{\"event\":\"preferred-registrar-change\",\"registrar\":\"sip:pool3.fabrikam.com\"}");
        assertEquals(r.body(), 200, r.statusCode());
        assertEquals("{\"deregistered\":1}", r.body());
        assertPasses(endpoint, endpoint.await());
        assertTrue(endpoint.messages(), endpoint.messages().contains("<sip:pool3.fabrikam.com>"));
        HttpResponse<String> bad = admin.send("POST", "/users/" + URLEncoder.encode(aor("frank"), StandardCharsets.UTF_8)
                + "/deregister", "{\"event\":\"preferred-registrar-change\"}");
        assertEquals(400, bad.statusCode());
    }

    @Test
    public void aDirectoryThatIsDownChangesNothingAndIsReported() throws Exception {
        slapd.stop();
        try {
            HttpResponse<String> r = sync(null);
            assertEquals(r.body(), 502, r.statusCode());
            assertTrue(r.body(), r.body().contains("\"result\":\"failed\"") && r.body().contains("unreachable"));
            String status = admin.send("GET", "/directory", null).body();
            assertTrue(status, Pattern.compile("\"consecutiveFailures\":[1-9]").matcher(status).find());
            assertTrue(status, status.contains("\"error\":\"directory unreachable"));
            String alice = user(aor("alice"));
            assertTrue(alice, alice.contains("\"enabled\":true")); // kept, not disabled or deleted
            assertTrue(server.logText().contains("the last good state is kept"));
        } finally {
            slapd.start();
        }
        assertEquals(200, sync(null).statusCode());
        assertTrue(admin.send("GET", "/directory", null).body().contains("\"consecutiveFailures\":0"));
    }

    @Test
    public void aFilterInjectionInASyncedValueMatchesOnlyItself() throws Exception {
        // a '*' in the address is a wildcard only if unescaped: then it would match every user
        HttpResponse<String> star = sync("{\"user\":\"sip:*@" + UcfrontServer.DOMAIN + "\"}");
        assertEquals(star.body(), 200, star.statusCode());
        assertTrue(star.body(), star.body().contains("\"seen\":0,"));
        HttpResponse<String> mallory = sync("{\"user\":\"sip:m*)(uid=*@" + UcfrontServer.DOMAIN + "\"}");
        assertTrue(mallory.body(), mallory.body().contains("\"seen\":1,"));
        String stored = user("sip:m*)(uid=*@" + UcfrontServer.DOMAIN);
        assertTrue(stored, stored.contains("\"displayName\":\"Mallory\""));
    }
}
