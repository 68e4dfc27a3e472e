package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.After;
import org.junit.Test;
import org.ucfront.blackbox.Sipp.Transport;

/**
 * The standalone server the build assembles (target/ucfront-server: Tomcat 7 + Restcomm SIP
 * Servlets + OpenEJB + JDBC drivers, configured in conf/) with the SAR deployed by dropping it into
 * webapps/, as an administrator does: a sipp registration succeeds; a new SAR copied over the old
 * one while the server runs is redeployed, and the registration is still listed and refreshes;
 * a TCP binding still goes when its connection closes.
 */
public class StandaloneServerIT {

    static final String STARTED = "application ROOT started";
    /** Tomcat's line once the context serves requests (just after the EJB deployer's STARTED). */
    static final String DEPLOYED = "Deployment of web application archive";
    static final String STOPPED = "application ROOT stopped";

    private UcfrontServer server;
    private Postgres postgres;

    @After
    public void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    public void theSameSarRunsOnPostgresqlByConfigurationOnly() throws Exception {
        postgres = new Postgres("standalone-pg", 15451).start();
        Path home = install("standalone-pg-server");
        configure(home.resolve("conf/ucfront.properties"), 15430, 18430);
        Path passwordFile = home.resolve("conf/db.password");
        Files.writeString(passwordFile, Postgres.PASSWORD + "\n", StandardCharsets.UTF_8);
        Files.writeString(home.resolve("conf/datasource.properties"), String.join("\n",
                "ucfront.db.url=" + postgres.url(),
                "ucfront.db.user=" + Postgres.USER,
                "ucfront.db.password.file=" + passwordFile, ""), StandardCharsets.UTF_8);
        server = new UcfrontServer("standalone-pg", 15430, 18430)
                .without("UCFRONT_SIP_PORT").without("UCFRONT_HTTP_PORT").without("UCFRONT_DOMAIN")
                .with("UCFRONT_DIGEST_ALGORITHMS", "MD5")
                .script(home.resolve("bin/ucfront-server"), "ucfront server ready in");
        deploy(home);
        server.start();
        server.awaitLog(STARTED, 1, 180);
        assertTrue(server.logText(), server.logText().contains("database " + postgres.url() + " at schema version"));

        AdminClient admin = AdminClient.of(server);
        String aor = "sip:alice@" + UcfrontServer.DOMAIN;
        admin.createUser(aor, RegistrarIT.PASSWORD);
        Sipp register = RegistrarIT.registration("register-once.xml", "alice", RegistrarIT.SPEC_INSTANCE)
                .set("GRUU", RegistrarIT.SPEC_GRUU).set("ACTION", "added")
                .callId("standalone-pg-dialog").transport(Transport.UDP);
        RegistrarIT.assertPasses(register, register.run(server));

        server.stop();
        server.start();
        server.awaitLog(STARTED, 2, 180);
        assertTrue(admin.registrations(aor).contains(RegistrarIT.SPEC_GRUU));
        assertTrue(admin.send("GET", "/users", null).body().contains(aor));
        assertFalse("H2 was not used", Files.exists(server.dataDir().resolve("ucfront.mv.db")));
    }

    @Test
    public void aDroppedSarRegistersAndARedeployKeepsTheRegistration() throws Exception {
        Path home = install("standalone-server");
        configure(home.resolve("conf/ucfront.properties"), 15420, 18420);
        server = new UcfrontServer("standalone", 15420, 18420)
                .without("UCFRONT_SIP_PORT").without("UCFRONT_HTTP_PORT").without("UCFRONT_DOMAIN") // from conf/
                .with("UCFRONT_DIGEST_ALGORITHMS", "MD5")
                .script(home.resolve("bin/ucfront-server"), "ucfront server ready in");
        deploy(home);
        server.start();
        server.awaitLog(STARTED, 1, 180);

        AdminClient admin = AdminClient.of(server);
        String aor = "sip:alice@" + UcfrontServer.DOMAIN;
        admin.createUser(aor, RegistrarIT.PASSWORD);
        Sipp register = RegistrarIT.registration("register-once.xml", "alice", RegistrarIT.SPEC_INSTANCE)
                .set("GRUU", RegistrarIT.SPEC_GRUU).set("ACTION", "added")
                .callId("standalone-dialog").transport(Transport.UDP);
        RegistrarIT.assertPasses(register, register.run(server));
        assertTrue(admin.registrations(aor).contains(RegistrarIT.SPEC_GRUU));

        deploy(home); // a new archive over the running one
        server.awaitLog(STOPPED, 1, 120);
        server.awaitLog(STARTED, 2, 180);
        server.awaitLog(DEPLOYED, 2, 180);
        assertTrue(server.logText(), server.logText().contains("1 endpoints of 1 users restored"));
        String listed = admin.registrations(aor);
        assertTrue(listed, listed.contains(RegistrarIT.SPEC_GRUU));

        // the client's next REGISTER in its dialog refreshes the same endpoint, without errors
        Sipp refresh = RegistrarIT.registration("register-once.xml", "alice", RegistrarIT.SPEC_INSTANCE)
                .set("GRUU", RegistrarIT.SPEC_GRUU).set("ACTION", "refreshed")
                .callId("standalone-dialog").baseCseq(10).transport(Transport.UDP);
        RegistrarIT.assertPasses(refresh, refresh.run(server));
        assertEquals(1, RegistrarIT.count(admin.registrations(aor), "\"gruu\""));

        // the SIP stack (server lib) reports a closed TCP connection to the redeployed registrar
        String jack = "sip:jack@" + UcfrontServer.DOMAIN;
        admin.createUser(jack, RegistrarIT.PASSWORD);
        Sipp tcp = RegistrarIT.registration("register-await-notify.xml", "jack", ExpectedGruu.newInstance())
                .callId("standalone-tcp").set("BODY", "never").set("ERROR_ID", "0")
                .set("NOTIFY_TIMEOUT", "60000").transport(Transport.TCP).start(server);
        RegistrarIT.await(() -> RegistrarIT.count(admin.registrations(jack), "\"transport\":\"tcp\"") == 1);
        tcp.kill();
        RegistrarIT.await(() -> RegistrarIT.count(admin.registrations(jack), "\"gruu\"") == 0);
        assertFalse(server.logText(), server.logText().contains("SEVERE"));
    }

    /** A taken admin port stops the start with one line and exit code 2 (Tomcat alone would run on without it). */
    @Test
    public void aTakenPortIsRefusedAtStart() throws Exception {
        Path home = install("standalone-port-server");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 18441));
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/ucfront-server").toString()).redirectErrorStream(true);
            pb.environment().put("UCFRONT_SIP_PORT", "15441");
            pb.environment().put("UCFRONT_HTTP_PORT", "18441");
            Process p = pb.start();
            assertTrue("the server started on a taken port", p.waitFor(60, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(out, 2, p.exitValue());
            assertTrue(out, out.startsWith("ucfront-server: configuration error: ucfront.http.port=18441: 127.0.0.1:18441 is taken"));
        }
    }

    /**
     * The standalone server's SIP stack is the embedded server's (SipStackProperties): a request
     * the container would relay to a foreign host is answered 404 (60207) and the host receives
     * nothing; BYE outside a dialog is 481 (60208); a flood from one source gets 503 (60203).
     */
    @Test
    public void theSipStackRefusesForeignHostsAndFloodsAsTheEmbeddedServerDoes() throws Exception {
        Path home = install("standalone-valves-server");
        configure(home.resolve("conf/ucfront.properties"), 15752, 18752);
        server = new UcfrontServer("standalone-valves", 15752, 18752)
                .without("UCFRONT_SIP_PORT").without("UCFRONT_HTTP_PORT").without("UCFRONT_DOMAIN")
                .with("UCFRONT_FLOOD_SOURCE_RATE", "5")
                .script(home.resolve("bin/ucfront-server"), "ucfront server ready in");
        deploy(home);
        server.start();
        server.awaitLog(STARTED, 1, 180);

        try (DatagramSocket victim = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
                SipTestClient client = SipTestClient.udp(server.sipPort)) {
            victim.setSoTimeout(1000);
            String target = "sip:victim@127.0.0.2:" + victim.getLocalPort();
            for (String method : new String[] {"INFO", "BYE", "MESSAGE"}) {
                client.send(NoRelayIT.request(method, target, "b2", "standalone-relay-" + method, client.localPort()));
                String answer = client.receive().text();
                assertTrue(method + ": " + answer, answer.startsWith("SIP/2.0 404 "));
                assertTrue(answer, answer.contains(
                        "ms-diagnostics-public: 60207;reason=\"Request-URI not served by this server.\""));
                try {
                    DatagramPacket p = new DatagramPacket(new byte[65535], 65535);
                    victim.receive(p);
                    throw new AssertionError(method + " was relayed: " + new String(p.getData(), 0, p.getLength(),
                            StandardCharsets.UTF_8));
                } catch (SocketTimeoutException nothingRelayed) {
                    // the foreign host received nothing
                }
            }
            client.send(NoRelayIT.request("BYE", "sip:bob@" + UcfrontServer.DOMAIN, null, "standalone-nodialog", client.localPort()));
            String answer = client.receive().text();
            assertTrue(answer, answer.startsWith("SIP/2.0 481 "));
            assertTrue(answer, answer.contains("ms-diagnostics-public: 60208;reason=\"BYE outside a dialog.\""));
        }

        // ucfront.flood.source.rate=5: a burst of 40 OPTIONS from one source (over TCP: none lost)
        try (SipTestClient flooder = SipTestClient.tcpFrom("127.0.0.3", server.sipPort)) {
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                burst.append(NoRelayIT.request("OPTIONS", "sip:" + UcfrontServer.DOMAIN, null, "standalone-flood-" + i,
                        flooder.localPort()).replace("SIP/2.0/UDP 127.0.0.1:", "SIP/2.0/TCP 127.0.0.3:")
                        .replace("<sip:alice@", "<sip:user" + i + "@"));
            }
            flooder.sendBytes(burst.toString().getBytes(StandardCharsets.US_ASCII));
            int refused = 0;
            SipTestClient.Message m;
            while ((m = flooder.receiveWithin(2_000)) != null) {
                if (m.text().startsWith("SIP/2.0 503 ")) {
                    assertTrue(m.text(), m.text().contains(
                            "ms-diagnostics-public: 60203;reason=\"Request rate limit exceeded.\""));
                    assertTrue(m.text(), m.text().contains("Retry-After: "));
                    refused++;
                }
            }
            assertTrue("no 503 to a flood of 40 requests at a limit of 5/s", refused > 0);
        }
        assertFalse(server.logText(), server.logText().contains("SEVERE"));
    }

    /**
     * Settings other than ports are checked at start too, as by the embedded launcher: one line,
     * exit code 2, before any container starts.
     */
    @Test
    public void aBadSettingIsRefusedAtStartWithOneLine() throws Exception {
        Path home = install("standalone-settings-server");
        Path notADirectory = home.resolve("conf/server.xml");
        String[][] cases = {
            {"UCFRONT_DB_URL", "jdbc:mysql://db/ucfront",
                "ucfront.db.url=jdbc:mysql://db/ucfront names no supported database (jdbc:h2: or jdbc:postgresql:)"},
            {"UCFRONT_DB_PASSWORD_FILE", home.resolve("conf/no-such-password").toString(),
                "ucfront.db.password.file=" + home.resolve("conf/no-such-password") + " is not readable"},
            {"UCFRONT_DATA_DIR", notADirectory.toString(), "ucfront.data.dir=" + notADirectory + " is not a writable directory"},
            {"UCFRONT_FLOOD_SOURCE_RATE", "lots", "ucfront.flood.source.rate=lots is not a whole number"},
            {"UCFRONT_DEPLOY_SCAN_INTERVAL", "0", "ucfront.deploy.scan.interval=0 is not a whole number of seconds in 1..3600"},
        };
        for (String[] c : cases) {
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/ucfront-server").toString()).redirectErrorStream(true);
            pb.environment().put("UCFRONT_SIP_PORT", "15753");
            pb.environment().put("UCFRONT_HTTP_PORT", "18753");
            pb.environment().put(c[0], c[1]);
            Process p = pb.start();
            assertTrue(c[0] + ": the server did not stop", p.waitFor(60, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(out, 2, p.exitValue());
            assertTrue(out, out.startsWith("ucfront-server: configuration error: " + c[2]));
            assertEquals(out, 1, out.lines().count());
        }
        // the application router's file is checked as well
        Files.delete(home.resolve("conf/dar.properties"));
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/ucfront-server").toString()).redirectErrorStream(true);
        pb.environment().put("UCFRONT_SIP_PORT", "15753");
        pb.environment().put("UCFRONT_HTTP_PORT", "18753");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(out, 2, p.exitValue());
        assertEquals("ucfront-server: configuration error: conf/dar.properties (the application router's DAR file) is"
                + " missing or unreadable in " + home, out);
    }

    /** A fresh copy of the assembled server, checked for what it must (not) hold. */
    static Path install(String name) throws IOException {
        Path assembled = Paths.get(System.getProperty("ucfront.server", "target/ucfront-server"));
        Path home = assembled.getParent().resolve("it-work").resolve(name);
        UcfrontServer.deleteRecursively(home);
        try (Stream<Path> files = Files.walk(assembled)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = home.resolve(assembled.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            assertTrue("no phoning home: restcomm-statistics is not in the server",
                    lib.noneMatch(j -> j.getFileName().toString().startsWith("restcomm-statistics")));
        }
        for (String conf : new String[] {"server.xml", "context.xml", "dar.properties", "datasource.properties",
                "ucfront.properties"}) {
            assertTrue(conf, Files.isRegularFile(home.resolve("conf").resolve(conf)));
        }
        return home;
    }

    /** Sets the ports and domain in conf/ucfront.properties, as an administrator edits it. */
    static void configure(Path properties, int sipPort, int httpPort) throws IOException {
        String text = Files.readString(properties, StandardCharsets.UTF_8)
                .replace("ucfront.sip.port=5060", "ucfront.sip.port=" + sipPort)
                .replace("ucfront.http.port=8080", "ucfront.http.port=" + httpPort)
                .replace("ucfront.domain=ucfront.local", "ucfront.domain=" + UcfrontServer.DOMAIN)
                .replace("ucfront.deploy.scan.interval=10", "ucfront.deploy.scan.interval=2");
        Files.writeString(properties, text, StandardCharsets.UTF_8);
    }

    /** Drops the SAR into webapps/ as ROOT.war: written beside it, then moved in one step. */
    static void deploy(Path home) throws IOException {
        Path sar = Paths.get(System.getProperty("ucfront.sar"));
        Path staged = home.resolve("temp/ROOT.war");
        Files.createDirectories(staged.getParent());
        Files.copy(sar, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, home.resolve("webapps/ROOT.war"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
