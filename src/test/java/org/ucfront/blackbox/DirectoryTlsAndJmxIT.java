package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ucfront.blackbox.RegistrarIT.assertPasses;
import static org.ucfront.blackbox.RegistrarIT.await;
import static org.ucfront.blackbox.RegistrarIT.count;
import static org.ucfront.blackbox.RegistrarIT.registration;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ucfront.blackbox.Sipp.Transport;

/**
 * A plain OpenLDAP directory (slapd, the "inetorgperson" preset with configured attribute names)
 * reached over ldaps and over StartTLS with a configured CA file, and the JMX operations of the
 * directory and of the user services, invoked through a real remote JMX connection.
 */
public class DirectoryTlsAndJmxIT {

    static final String POOL = "pool1.fabrikam.com";
    static final String OWN_REGISTRAR = "sip:" + POOL;
    /** inetOrgPerson has no registrar or home-server attribute: these stand in, as an admin would configure. */
    static final String REGISTRAR_ATTRIBUTE = "labeledURI";
    static final String HOME_SERVER_ATTRIBUTE = "departmentNumber";
    static final String[] USERS = {"ivan", "judy", "ken", "leo"};
    static final int JMX_PORT = 15197;
    static final ObjectName DIRECTORY = name("org.ucfront:type=Directory");
    static final ObjectName USER_SERVICES = name("org.ucfront:type=UserServices");

    static Slapd slapd;
    static UcfrontServer server;
    static AdminClient admin;
    static JMXConnector jmx;
    static MBeanServerConnection mbeans;

    @BeforeClass
    public static void start() throws Exception {
        slapd = new Slapd("directory-tls", 15195, 15196).start();
        slapd.add("dn: " + Slapd.SUFFIX + "\nobjectClass: dcObject\nobjectClass: organization\ndc: fabrikam\no: Fabrikam",
                "dn: " + Slapd.USERS + "\nobjectClass: organizationalUnit\nou: users");
        for (String u : USERS) {
            slapd.add(entry(u, u.equals("judy") ? "pool2.contoso.com" : "fe1." + POOL));
        }
        server = new UcfrontServer("directory-tls", 15190, 18190)
                .with("UCFRONT_DIGEST_ALGORITHMS", "MD5")
                .with("UCFRONT_LDAP_URL", slapd.tlsUrl())
                .with("UCFRONT_LDAP_CA_FILE", slapd.caCertificate().toString())
                .with("UCFRONT_LDAP_PRESET", "inetorgperson") // the SIP address is mail
                .with("UCFRONT_LDAP_ATTRIBUTE_REGISTRAR", REGISTRAR_ATTRIBUTE)
                .with("UCFRONT_LDAP_ATTRIBUTE_HOME_SERVER", HOME_SERVER_ATTRIBUTE)
                .with("UCFRONT_LDAP_BIND_DN", Slapd.ADMIN_DN)
                .with("UCFRONT_LDAP_BIND_PASSWORD", Slapd.ADMIN_PASSWORD)
                .with("UCFRONT_LDAP_BASE_DN", Slapd.SUFFIX)
                .with("UCFRONT_LDAP_SYNC_INTERVAL", "3600")
                .with("UCFRONT_POOL_FQDN", POOL)
                .with("UCFRONT_REGISTRAR_URI", OWN_REGISTRAR)
                .with("JAVA_OPTS", "-Xmx512m -Dcom.sun.management.jmxremote.port=" + JMX_PORT
                        + " -Dcom.sun.management.jmxremote.rmi.port=" + JMX_PORT
                        + " -Dcom.sun.management.jmxremote.host=127.0.0.1 -Djava.rmi.server.hostname=127.0.0.1"
                        + " -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false")
                .start();
        admin = AdminClient.of(server);
        await(() -> admin.send("GET", "/directory", null).body().contains("\"result\":\"ok\""));
        for (String u : USERS) {
            assertEquals(200, admin.patchUser(aor(u), "{\"password\":\"" + RegistrarIT.PASSWORD + "\"}").statusCode());
        }
        jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + JMX_PORT + "/jmxrmi"));
        mbeans = jmx.getMBeanServerConnection();
    }

    @AfterClass
    public static void stop() throws Exception {
        if (jmx != null) {
            jmx.close();
        }
        if (server != null) {
            server.stop();
        }
        if (slapd != null) {
            slapd.stop();
        }
    }

    static ObjectName name(String n) {
        try {
            return new ObjectName(n);
        } catch (Exception e) {
            throw new IllegalArgumentException(n, e);
        }
    }

    static String entry(String name, String homeServer) {
        return "dn: uid=" + name + "," + Slapd.USERS + "\nobjectClass: inetOrgPerson\nuid: " + name + "\ncn: " + name
                + "\nsn: " + name + "\ndisplayName: " + Character.toUpperCase(name.charAt(0)) + name.substring(1)
                + "\nmail: " + name + "@" + UcfrontServer.DOMAIN + "\n" + REGISTRAR_ATTRIBUTE + ": " + OWN_REGISTRAR
                + "\n" + HOME_SERVER_ATTRIBUTE + ": " + homeServer;
    }

    static String aor(String user) {
        return "sip:" + user + "@" + UcfrontServer.DOMAIN;
    }

    static String user(AdminClient client, String aor) throws Exception {
        return client.send("GET", "/users/" + URLEncoder.encode(aor, StandardCharsets.UTF_8), null).body();
    }

    static Sipp awaitingNotify(String user, String body, String errorId) throws Exception {
        Sipp endpoint = registration("register-await-notify.xml", user, ExpectedGruu.newInstance())
                .callId("directory-tls-" + user).set("BODY", body).set("ERROR_ID", errorId)
                .set("NOTIFY_TIMEOUT", "30000").transport(Transport.UDP).start(server);
        await(() -> count(admin.registrations(aor(user)), "\"gruu\"") == 1);
        return endpoint;
    }

    @Test
    public void theInetOrgPersonPresetSyncsOverLdaps() throws Exception {
        String ivan = user(admin, aor("ivan"));
        assertTrue(ivan, ivan.contains("\"displayName\":\"Ivan\"") && ivan.contains("\"enabled\":true"));
        String status = admin.send("GET", "/directory", null).body();
        assertTrue(status, status.contains("ldaps://127.0.0.1:15196"));
    }

    /** §3.1.2.1: the home pool comes from the directory; a user homed on another pool is not connected to it. */
    @Test
    public void aUserHomedOnAnotherPoolIsNotConnectedToItsPrimary() throws Exception {
        String judy = user(admin, aor("judy"));
        assertTrue(judy, judy.contains("\"homePool\":\"pool2.contoso.com\""));
        assertFalse(user(admin, aor("ken")).contains("homePool")); // fe1 of this pool: homed here
        Sipp register = registration("register-presence-state.xml", "judy", ExpectedGruu.newInstance())
                .set("SURVIVABLE_TAG", "")
                .set("PRESENCE_STATE", "register-action=.added.;primary-cluster-type=.central.;is-connected-to-primary=.no.");
        assertPasses(register, register.run(server));
    }

    /** A configured registrar attribute: a new registrar in it sends preferred-registrar-change (4166). */
    @Test
    public void aRegistrarChangeSyncedThroughJmxSendsPreferredRegistrarChange() throws Exception {
        Sipp endpoint = awaitingNotify("ivan", "deregistered;event=preferred-registrar-change", "4166");
        slapd.replace("uid=ivan," + Slapd.USERS, REGISTRAR_ATTRIBUTE, "sip:pool9.fabrikam.com");
        String result = (String) mbeans.invoke(DIRECTORY, "syncIncremental", null, null);
        assertTrue(result, result.startsWith("incremental sync ok") && result.contains("1 deregistered"));
        assertPasses(endpoint, endpoint.await());
        assertTrue(endpoint.messages(), Pattern.compile("(?im)^P-Preferred-Registrar:\\s*<sip:pool9\\.fabrikam\\.com>\\s*$")
                .matcher(endpoint.messages()).find());
        String last = (String) mbeans.getAttribute(DIRECTORY, "LastResult");
        assertEquals(result, last);
        assertEquals(0L, mbeans.getAttribute(DIRECTORY, "ConsecutiveFailures"));
    }

    @Test
    public void theDirectoryMBeanDeregistersOneUser() throws Exception {
        Sipp endpoint = awaitingNotify("ken", "deregistered;event=rejected", "4141");
        Object told = mbeans.invoke(DIRECTORY, "deregister", new Object[] {aor("ken"), "rejected", null},
                new String[] {String.class.getName(), String.class.getName(), String.class.getName()});
        assertEquals(1, told);
        assertPasses(endpoint, endpoint.await());
        assertEquals("[]", admin.registrations(aor("ken")));
    }

    /** §3.5 through JMX: the override sends the survivable NOTIFY, clearing it hands back to the health check. */
    @Test
    public void theUserServicesMBeanOverridesTheAvailability() throws Exception {
        Sipp survivable = registration("register-userservices-notify.xml", "leo", ExpectedGruu.newInstance())
                .callId("jmx-survivable").set("SURVIVABLE_TAG", SurvivableModeIT.SURVIVABLE_TAG)
                .set("BODY", "registered;event=userservices-unavailable").set("ERROR_ID", "4165")
                .set("SUBSCRIPTION_STATE", "active;expires=[1-9][0-9]*")
                .set("NOTIFY_TIMEOUT", "30000").transport(Transport.UDP).start(server);
        await(() -> count(admin.registrations(aor("leo")), "\"gruu\"") == 1);
        assertEquals(true, mbeans.getAttribute(USER_SERVICES, "Available"));
        assertEquals("none", mbeans.getAttribute(USER_SERVICES, "Override"));
        try {
            assertEquals(false, mbeans.invoke(USER_SERVICES, "override", new Object[] {false},
                    new String[] {boolean.class.getName()}));
            assertPasses(survivable, survivable.await());
            assertEquals("unavailable", mbeans.getAttribute(USER_SERVICES, "Override"));
            String rest = admin.send("GET", SurvivableModeIT.USER_SERVICES, null).body();
            assertTrue(rest, rest.contains("\"available\":false") && rest.contains("\"override\":false"));
            assertEquals(1, count(admin.registrations(aor("leo")), "\"gruu\"")); // kept: it can stay survivable
        } finally {
            assertEquals(true, mbeans.invoke(USER_SERVICES, "clearOverride", null, null));
        }
        assertEquals("none", mbeans.getAttribute(USER_SERVICES, "Override"));
        assertEquals(true, mbeans.getAttribute(USER_SERVICES, "Healthy"));
    }

    /**
     * StartTLS (RFC 4513 §3) against a CA the server does not trust fails without falling back to
     * plain text and creates nothing; once the CA file holds the directory's CA, the sync succeeds.
     */
    @Test
    public void startTlsIsVerifiedAgainstTheConfiguredCaFile() throws Exception {
        Path caFile = Files.createTempFile(slapd.caCertificate().getParent(), "configured-ca", ".pem");
        Files.copy(slapd.otherCaCertificate(), caFile, StandardCopyOption.REPLACE_EXISTING);
        try (UcfrontServer starttls = new UcfrontServer("directory-starttls", 15192, 18192)
                .with("UCFRONT_LDAP_URL", slapd.url())
                .with("UCFRONT_LDAP_STARTTLS", "true")
                .with("UCFRONT_LDAP_CA_FILE", caFile.toString())
                .with("UCFRONT_LDAP_BIND_DN", Slapd.ADMIN_DN)
                .with("UCFRONT_LDAP_BIND_PASSWORD", Slapd.ADMIN_PASSWORD)
                .with("UCFRONT_LDAP_BASE_DN", Slapd.SUFFIX)
                .with("UCFRONT_LDAP_SYNC_INTERVAL", "3600")
                .start()) {
            AdminClient client = AdminClient.of(starttls);
            HttpResponse<String> refused = client.send("POST", "/directory/sync", null);
            assertEquals(refused.body(), 502, refused.statusCode());
            assertTrue(refused.body(), refused.body().contains("\"result\":\"failed\""));
            assertEquals(404, client.send("GET", "/users/" + URLEncoder.encode(aor("ivan"), StandardCharsets.UTF_8),
                    null).statusCode());

            Files.copy(slapd.caCertificate(), caFile, StandardCopyOption.REPLACE_EXISTING);
            HttpResponse<String> ok = client.send("POST", "/directory/sync", null);
            assertEquals(ok.body(), 200, ok.statusCode());
            assertTrue(user(client, aor("judy")), user(client, aor("judy")).contains("\"displayName\":\"Judy\""));
        }
    }
}
