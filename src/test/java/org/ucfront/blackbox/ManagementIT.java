package org.ucfront.blackbox;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ucfront.blackbox.RegistrarIT.assertPasses;
import static org.ucfront.blackbox.RegistrarIT.await;
import static org.ucfront.blackbox.RegistrarIT.registration;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.ucfront.blackbox.Sipp.Transport;

/**
 * Management of the packaged server: Prometheus metrics at GET /metrics after real sipp
 * registrations, and the org.ucfront MBeans over a real remote JMX connection (RMI, password
 * authentication), as an operator enables it with the JVM's own jmxremote settings.
 */
public class ManagementIT {

    /** This test's JMX ports: 15590–15599 (the first the JVM's agent can bind, see {@link #jmxPort()}). */
    static final int JMX_PORT = jmxPort();
    static final String JMX_USER = "ucfront-ops";
    static final String JMX_PASSWORD = "jmx-it-secret";
    static final String REGISTRAR = "org.ucfront:type=Registrar";
    static final String VOICEMAIL_ROUTING = "org.ucfront:type=VoicemailRouting";
    /** This test's UM servers (sipp), on ports of 15750–15799. */
    static final int UM_A_PORT = 15750;
    static final int UM_B_PORT = 15751;

    static UcfrontServer server;
    static AdminClient admin;

    @BeforeClass
    public static void start() throws Exception {
        server = new UcfrontServer("management", 15500, 18500).with("UCFRONT_DIGEST_ALGORITHMS", "MD5");
        Path work = server.dataDir().getParent();
        Path passwords = work.resolve("jmxremote.password");
        Path access = work.resolve("jmxremote.access");
        Files.writeString(passwords, JMX_USER + " " + JMX_PASSWORD + "\n");
        Files.writeString(access, JMX_USER + " readwrite\n");
        for (Path p : new Path[] {passwords, access}) { // the JVM refuses files others can read
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        }
        server.with("JAVA_OPTS", "-Xmx512m"
                + " -Dcom.sun.management.jmxremote.port=" + JMX_PORT
                + " -Dcom.sun.management.jmxremote.rmi.port=" + JMX_PORT
                + " -Dcom.sun.management.jmxremote.host=127.0.0.1 -Djava.rmi.server.hostname=127.0.0.1"
                + " -Dcom.sun.management.jmxremote.authenticate=true"
                + " -Dcom.sun.management.jmxremote.password.file=" + passwords
                + " -Dcom.sun.management.jmxremote.access.file=" + access
                + " -Dcom.sun.management.jmxremote.ssl=false").start();
        admin = AdminClient.of(server);
    }

    @AfterClass
    public static void stop() throws Exception {
        server.stop();
    }

    @Test
    public void metricsNeedTheAdminCredentials() throws Exception {
        HttpResponse<String> r = MetricsScrape.get(server.httpPort, null, null);
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="));
        assertEquals(401, MetricsScrape.get(server.httpPort, "admin", "wrong").statusCode());
        HttpResponse<String> ok = MetricsScrape.get(server.httpPort, "admin", UcfrontServer.ADMIN_PASSWORD);
        assertEquals(200, ok.statusCode());
        String type = ok.headers().firstValue("Content-Type").orElse("");
        assertTrue(type, type.startsWith("text/plain; version=0.0.4;") && type.replace(" ", "").endsWith(";charset=utf-8"));
    }

    @Test
    public void metricsCountSippRegistrationsRefusalsAndEndpoints() throws Exception {
        admin.createUser("sip:mona@" + UcfrontServer.DOMAIN, RegistrarIT.PASSWORD);
        admin.createUser("sip:ned@" + UcfrontServer.DOMAIN, RegistrarIT.PASSWORD);
        MetricsScrape before = MetricsScrape.of(server);

        // three endpoints over UDP (their bindings outlive sipp): 401 then 200 each
        for (String user : new String[] {"mona", "mona", "ned"}) {
            Sipp s = registration("register-once.xml", user, ExpectedGruu.newInstance()).set("ACTION", "added")
                    .transport(Transport.UDP);
            assertPasses(s, s.run(server));
        }
        // an unknown user: 404 (60003), before any challenge
        Sipp unknown = registration("register-refused.xml", "nobody", ExpectedGruu.newInstance())
                .set("STATUS", "404").set("ERROR_ID", "60003").set("EXTRA", "");
        assertPasses(unknown, unknown.run(server));
        // a wrong password: 401, then 403 (60007)
        Sipp wrong = registration("register-refused-after-auth.xml", "ned", ExpectedGruu.newInstance())
                .set("PASSWORD", "not-neds-password").set("TO_USER", "ned").set("STATUS", "403")
                .set("ERROR_ID", "60007").set("FROM_PARAMS", ";epid=0123456789")
                .set("CONTACT_PARAMS", ";+sip.instance=\"<urn:uuid:" + ExpectedGruu.newInstance() + ">\"")
                .set("EXTRA", "Supported: gruu-10").set("ALSO_HEADER", "CSeq:").set("ALSO_REGEXP", "REGISTER");
        assertPasses(wrong, wrong.run(server));

        MetricsScrape after = MetricsScrape.of(server);
        String t = after.text;
        assertDelta(before, after, "ucfront_endpoints{state=\"registered\"}", 3);
        assertDelta(before, after, "ucfront_users_registered", 2);
        assertDelta(before, after, "ucfront_sip_requests_total{method=\"REGISTER\",code=\"200\"}", 3);
        assertDelta(before, after, "ucfront_sip_requests_total{method=\"REGISTER\",code=\"401\"}", 4);
        assertDelta(before, after, "ucfront_sip_requests_total{method=\"REGISTER\",code=\"404\"}", 1);
        assertDelta(before, after, "ucfront_sip_requests_total{method=\"REGISTER\",code=\"403\"}", 1);
        assertDelta(before, after, "ucfront_registrations_total{action=\"added\"}", 3);
        assertDelta(before, after, "ucfront_register_errors_total{reason=\"NOT_FOUND\",error_id=\"60003\"}", 1);
        assertDelta(before, after, "ucfront_register_errors_total{reason=\"BAD_CREDENTIALS\",error_id=\"60007\"}", 1);
        assertDelta(before, after,
                "ucfront_authentication_failures_total{service=\"sip-registrar\",reason=\"WRONG_CREDENTIALS\"}", 1);
        assertDelta(before, after, "ucfront_authentication_challenges_total{stale=\"false\"}", 4);
        assertDelta(before, after,
                "ucfront_client_version_decisions_total{rule=\"default\",action=\"allow\",outcome=\"allowed\"}", 3);

        // latency: every REGISTER observed once; buckets cumulative, +Inf = count
        String count = "ucfront_sip_request_duration_seconds_count{method=\"REGISTER\"}";
        assertDelta(before, after, count, 9);
        double n = after.value(count);
        assertEquals(n, after.value("ucfront_sip_request_duration_seconds_bucket{method=\"REGISTER\",le=\"+Inf\"}"), 0);
        double previous = 0;
        for (String le : new String[] {"0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1",
                "2.5", "5"}) {
            String bucket = "ucfront_sip_request_duration_seconds_bucket{method=\"REGISTER\",le=\"" + le + "\"}";
            assertTrue(t, after.has(bucket));
            assertTrue(bucket, after.value(bucket) >= previous && after.value(bucket) <= n);
            previous = after.value(bucket);
        }
        assertTrue(after.value("ucfront_sip_request_duration_seconds_sum{method=\"REGISTER\"}") > 0);
        assertTrue(t.contains("# TYPE ucfront_sip_request_duration_seconds histogram\n"));
        assertTrue(t.contains("# TYPE ucfront_sip_requests_total counter\n"));
        assertTrue(t.contains("# TYPE ucfront_endpoints gauge\n"));

        // the JVM
        double heap = after.value("jvm_memory_bytes_used{area=\"heap\"}");
        assertTrue(t, heap > 0 && heap <= after.value("jvm_memory_bytes_max{area=\"heap\"}"));
        // -Xmx512m; the parallel collector (bin/ucfront's default) leaves one survivor space out
        double max = after.value("jvm_memory_bytes_max{area=\"heap\"}");
        assertTrue("heap max " + max, max > 400.0 * 1024 * 1024 && max <= 512.0 * 1024 * 1024);
        assertTrue(t, after.value("jvm_threads_current") > 10);
        assertTrue(t, after.value("process_cpu_seconds_total") > 0);
        assertTrue(t, t.contains("jvm_gc_collections_total{gc=\""));
        assertTrue(t, t.contains("# TYPE process_cpu_seconds_total counter\n"));
    }

    @Test
    public void jmxReadsTheRegistrarAndDeregistersAUserAndAnEndpoint() throws Exception {
        String aor = "sip:olga@" + UcfrontServer.DOMAIN;
        admin.createUser(aor, RegistrarIT.PASSWORD);
        String first = ExpectedGruu.newInstance();
        String second = ExpectedGruu.newInstance();
        for (String instance : new String[] {first, second}) {
            Sipp s = registration("register-once.xml", "olga", instance).set("ACTION", "added").transport(Transport.UDP);
            assertPasses(s, s.run(server));
        }
        try (JMXConnector jmx = connect(JMX_USER, JMX_PASSWORD)) {
            MBeanServerConnection c = jmx.getMBeanServerConnection();
            ObjectName registrar = new ObjectName(REGISTRAR);
            for (String name : new String[] {"org.ucfront:type=Registrar", "org.ucfront:type=Directory",
                    "org.ucfront:type=Authentication", "org.ucfront:type=ClientVersionPolicy",
                    "org.ucfront:type=Provisioning", VOICEMAIL_ROUTING}) {
                assertTrue(name, c.isRegistered(new ObjectName(name)));
            }
            assertTrue((Integer) c.getAttribute(registrar, "RegisteredEndpoints") >= 2);
            assertTrue((Double) c.getAttribute(registrar, "RegisterRequestsPerSecond") > 0);
            assertTrue(tabular(c.getAttribute(registrar, "Registrations")).get("added") >= 2);
            assertEquals("never", c.getAttribute(new ObjectName("org.ucfront:type=Directory"), "LastResult"));
            assertTrue((Long) c.getAttribute(new ObjectName("org.ucfront:type=ClientVersionPolicy"), "AllowedTotal") >= 2);

            String[] endpoints = (String[]) c.invoke(registrar, "endpoints", new Object[] {aor},
                    new String[] {String.class.getName()});
            assertEquals(String.join("\n", endpoints), 2, endpoints.length);
            String gruu = ExpectedGruu.of("olga", UcfrontServer.DOMAIN, first);
            String line = endpoints[0].contains(gruu) ? endpoints[0] : endpoints[1];
            assertTrue(String.join("\n", endpoints), line.contains(gruu) && line.contains(" udp 127.0.0.1:"));
            String key = line.substring(0, line.indexOf(' '));
            assertEquals("urn:uuid:" + first.toLowerCase(Locale.ROOT), key);
            long notifiesBefore = tabular(c.getAttribute(registrar, "DeregisterNotifications"))
                    .getOrDefault("UNREGISTERED", 0L);

            // one endpoint
            assertEquals(true, c.invoke(registrar, "deregisterEndpoint", new Object[] {aor, key},
                    new String[] {String.class.getName(), String.class.getName()}));
            String left = admin.registrations(aor);
            assertFalse(left, left.contains(first.toLowerCase(Locale.ROOT)));
            assertTrue(left, left.contains(second.toLowerCase(Locale.ROOT)));
            assertEquals(false, c.invoke(registrar, "deregisterEndpoint", new Object[] {aor, key},
                    new String[] {String.class.getName(), String.class.getName()}));

            // the whole user
            assertEquals(1, c.invoke(registrar, "deregisterUser", new Object[] {aor},
                    new String[] {String.class.getName()}));
            assertEquals("[]", admin.registrations(aor));
            assertArrayEquals(new String[0], (String[]) c.invoke(registrar, "endpoints", new Object[] {aor},
                    new String[] {String.class.getName()}));
            // each removed endpoint was told deregistered;event=unregistered (sent; sipp has gone)
            await(() -> tabular(c.getAttribute(registrar, "DeregisterNotifications")).getOrDefault("UNREGISTERED", 0L)
                    == notifiesBefore + 2);
        }
        // the user was not disabled: the endpoint registers again
        Sipp again = registration("register-once.xml", "olga", first).set("ACTION", "added").transport(Transport.UDP);
        assertPasses(again, again.run(server));
    }

    /**
     * Two voicemail calls (MS-EUMR §3.1.5): the first UM server of the dial plan is busy (486) for
     * both, the second answers both. The per-server counts over JMX and in /metrics are the INVITEs
     * each sipp UM server received.
     */
    @Test
    public void jmxAndMetricsCountVoicemailRoutesPerUmServer() throws Exception {
        String umA = "exchange-um-a.contoso.com";
        String umB = "exchange-um-b.contoso.com";
        for (String user : new String[] {"quinn", "rhea"}) {
            admin.createUser("sip:" + user + "@" + UcfrontServer.DOMAIN, RegistrarIT.PASSWORD);
        }
        HttpResponse<String> plan = admin.send("PUT", "/dial-plans/dpl.contoso.com", "{\"servers\":["
                + umServer(umA, UM_A_PORT) + "," + umServer(umB, UM_B_PORT) + "]}");
        assertEquals(plan.body(), 200, plan.statusCode());
        HttpResponse<String> settings = admin.send("PUT", "/call-settings/sip:rhea@" + UcfrontServer.DOMAIN,
                "{\"ringSeconds\":20,\"dialPlan\":\"dpl.contoso.com\","
                        + "\"eumProxyAddress\":\"EUM:rhea@contoso.com;phone-context=dpl.contoso.com\"}");
        assertEquals(settings.body(), 200, settings.statusCode());
        MetricsScrape before = MetricsScrape.of(server);

        Sipp busy = Sipp.scenario("um-server.xml").localPort(UM_A_PORT).calls(2).set("TRANSPORT_NAME", "UDP")
                .set("BEHAVIOUR", CallScenarios.invite("^INVITE sip:dpl\\.contoso\\.com@exchange-um-a\\.contoso\\.com:5061;")
                        + CallScenarios.refuse("486 Busy Here", "um-a"))
                .start(server);
        Sipp answering = Sipp.scenario("um-server.xml").localPort(UM_B_PORT).calls(2).set("TRANSPORT_NAME", "UDP")
                .set("BEHAVIOUR", CallScenarios.invite("^INVITE sip:dpl\\.contoso\\.com@exchange-um-b\\.contoso\\.com:5061;")
                        + CallScenarios.answer("um-b"))
                .start(server);
        try {
            for (int call = 0; call < 2; call++) {
                Sipp caller = Sipp.scenario("call-caller.xml").set("OUTCOME", CallScenarios.callerVoicemail(2))
                        .set("TARGET", "sip:rhea@" + UcfrontServer.DOMAIN).set("TO", "sip:rhea@" + UcfrontServer.DOMAIN)
                        .set("USER", "quinn").set("DOMAIN", UcfrontServer.DOMAIN).set("PASSWORD", RegistrarIT.PASSWORD)
                        .set("HEADERS", "").set("BODY", CallScenarios.SDP_BODY);
                assertPasses(caller, caller.run(server));
            }
            assertPasses(busy, busy.await());
            assertPasses(answering, answering.await());
        } finally {
            busy.kill();
            answering.kill();
        }
        long sawA = invitesReceived(busy);
        long sawB = invitesReceived(answering);
        assertEquals(2, sawA);
        assertEquals(2, sawB);

        try (JMXConnector jmx = connect(JMX_USER, JMX_PASSWORD)) {
            MBeanServerConnection c = jmx.getMBeanServerConnection();
            ObjectName vm = new ObjectName(VOICEMAIL_ROUTING);
            assertEquals(Map.of(umA, sawA, umB, sawB), tabular(c.getAttribute(vm, "RoutedByServer")));
            assertEquals(Map.of(umA + " refused", sawA, umB + " answered", sawB),
                    tabular(c.getAttribute(vm, "OutcomesByServer")));
            assertEquals(2L, c.getAttribute(vm, "CallsAnswered"));
            assertEquals(0L, c.getAttribute(vm, "CallsFailed"));
        }
        MetricsScrape after = MetricsScrape.of(server);
        assertDelta(before, after, "ucfront_voicemail_um_invites_total{um_server=\"" + umA + "\"}", sawA);
        assertDelta(before, after, "ucfront_voicemail_um_invites_total{um_server=\"" + umB + "\"}", sawB);
        assertDelta(before, after, "ucfront_voicemail_um_outcomes_total{um_server=\"" + umA + "\",outcome=\"refused\"}", sawA);
        assertDelta(before, after, "ucfront_voicemail_um_outcomes_total{um_server=\"" + umB + "\",outcome=\"answered\"}", sawB);
        assertDelta(before, after, "ucfront_voicemail_routes_total{outcome=\"answered\"}", 2);
    }

    private static String umServer(String fqdn, int port) {
        return "{\"fqdn\":\"" + fqdn + "\",\"version\":2,\"frontEnd\":false,\"transport\":\"udp\","
                + "\"address\":\"127.0.0.1\",\"port\":" + port + "}";
    }

    /** The distinct INVITEs (by Call-ID) a sipp UM server logged as received. */
    private static long invitesReceived(Sipp um) throws java.io.IOException {
        java.util.Set<String> callIds = new java.util.HashSet<>();
        for (String entry : um.messages().split("-{47} ")) { // sipp's separator line before each message
            String[] lines = entry.split("\r?\n");
            if (lines.length < 4 || !lines[1].contains("message received") || !lines[3].startsWith("INVITE sip:")) {
                continue;
            }
            for (String line : lines) {
                if (line.startsWith("Call-ID:")) {
                    callIds.add(line.substring("Call-ID:".length()).trim());
                }
            }
        }
        return callIds.size();
    }

    @Test
    public void jmxRefusesWrongCredentials() throws Exception {
        try (JMXConnector jmx = connect(JMX_USER, "guess")) {
            fail("connected with a wrong password");
        } catch (SecurityException expected) {
            // refused by the JVM's JMX authenticator
        }
    }

    @Test
    public void anEndpointIsDeregisteredOverTheAdminApi() throws Exception {
        String aor = "sip:pia@" + UcfrontServer.DOMAIN;
        admin.createUser(aor, RegistrarIT.PASSWORD);
        String instance = ExpectedGruu.newInstance();
        Sipp s = registration("register-once.xml", "pia", instance).set("ACTION", "added").transport(Transport.UDP);
        assertPasses(s, s.run(server));
        String key = "urn:uuid:" + instance.toLowerCase(Locale.ROOT);
        assertTrue(admin.registrations(aor), admin.registrations(aor).contains("\"endpoint\":\"" + key + "\""));
        String path = "/users/" + URLEncoder.encode(aor, StandardCharsets.UTF_8) + "/registrations/"
                + URLEncoder.encode(key, StandardCharsets.UTF_8);
        assertEquals(204, admin.send("DELETE", path, null).statusCode());
        assertEquals("[]", admin.registrations(aor));
        HttpResponse<String> again = admin.send("DELETE", path, null);
        assertEquals(404, again.statusCode());
        assertEquals("{\"error\":\"no endpoint " + key + " of " + aor.substring(4) + "\"}", again.body());
    }

    /**
     * The JVM's JMX agent binds without SO_REUSEADDR, so a port whose connections from an earlier
     * run are still in TIME-WAIT is refused: take the first of the range that binds that way.
     */
    static int jmxPort() {
        for (int port = 15590; port <= 15599; port++) {
            try (java.net.ServerSocket s = new java.net.ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (java.io.IOException taken) {
                // next
            }
        }
        throw new IllegalStateException("no JMX port free in 15590-15599");
    }

    static JMXConnector connect(String user, String password) throws Exception {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + JMX_PORT + "/jmxrmi");
        return JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS, new String[] {user, password}));
    }

    /** An MXBean Map attribute (TabularData of key/value rows) as a map. */
    static Map<String, Long> tabular(Object attribute) {
        Map<String, Long> out = new java.util.HashMap<>();
        for (Object row : ((TabularData) attribute).values()) {
            CompositeData d = (CompositeData) row;
            out.put((String) d.get("key"), (Long) d.get("value"));
        }
        return out;
    }

    private static void assertDelta(MetricsScrape before, MetricsScrape after, String sample, double delta) {
        assertTrue(sample + " missing from\n" + after.text, after.has(sample));
        assertEquals(sample, delta, after.value(sample) - before.value(sample), 0);
    }
}
