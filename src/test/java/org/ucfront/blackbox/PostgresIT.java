package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.After;
import org.junit.Test;
import org.ucfront.blackbox.Sipp.Transport;

/**
 * The packaged server on a real PostgreSQL server, by configuration only (URL, user, password
 * file): every migration applies to PostgreSQL, a user created through the admin API and a sipp
 * registration are stored there and both are still there after a restart.
 */
public class PostgresIT {

    private Postgres postgres;
    private UcfrontServer server;

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
    public void usersAndBindingsPersistInPostgresqlAcrossARestart() throws Exception {
        postgres = new Postgres("postgres-it", 15450).start();
        server = new UcfrontServer("postgres", 15400, 18400).with("UCFRONT_DIGEST_ALGORITHMS", "MD5");
        Path passwordFile = server.dataDir().getParent().resolve("db.password");
        Files.writeString(passwordFile, Postgres.PASSWORD + "\n", StandardCharsets.UTF_8);
        server.with("UCFRONT_DB_URL", postgres.url()).with("UCFRONT_DB_USER", Postgres.USER)
                .with("UCFRONT_DB_PASSWORD_FILE", passwordFile.toString()).start();

        assertTrue(server.logText(), server.logText().contains("database " + postgres.url() + " at schema version"));
        try (Connection c = postgres.connect(); Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success");
            r.next();
            assertEquals("every migration of the build applied on PostgreSQL", migrationCount(), r.getInt(1));
        }

        AdminClient admin = AdminClient.of(server);
        String aor = "sip:alice@" + UcfrontServer.DOMAIN;
        admin.createUser(aor, RegistrarIT.PASSWORD);
        Sipp register = RegistrarIT.registration("register-once.xml", "alice", RegistrarIT.SPEC_INSTANCE)
                .set("GRUU", RegistrarIT.SPEC_GRUU).set("ACTION", "added")
                .callId("postgres-dialog").transport(Transport.UDP);
        RegistrarIT.assertPasses(register, register.run(server));

        server.stop();
        try (Connection c = postgres.connect(); Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery("SELECT gruu FROM sip_endpoint WHERE aor = 'alice@fabrikam.com' AND routable");
            assertTrue("the binding is stored in PostgreSQL", r.next());
            assertEquals(RegistrarIT.SPEC_GRUU, r.getString(1));
        }
        server.start();
        assertTrue(server.logText(), server.logText().contains("1 endpoints of 1 users restored"));
        String listed = admin.registrations(aor);
        assertTrue(listed, listed.contains(RegistrarIT.SPEC_GRUU));
        String users = admin.send("GET", "/users", null).body();
        assertTrue(users, users.contains(aor));

        Sipp refresh = RegistrarIT.registration("register-once.xml", "alice", RegistrarIT.SPEC_INSTANCE)
                .set("GRUU", RegistrarIT.SPEC_GRUU).set("ACTION", "refreshed")
                .callId("postgres-dialog").baseCseq(10).transport(Transport.UDP);
        RegistrarIT.assertPasses(refresh, refresh.run(server));
    }

    /**
     * An existing database at the first schema version, with a user in it, is upgraded by the
     * remaining migrations at start: nothing dropped, the user still there with the defaults
     * later migrations give existing rows.
     */
    @Test
    public void anOlderSchemaIsUpgradedKeepingItsData() throws Exception {
        postgres = new Postgres("postgres-upgrade-it", 15452).start();
        Flyway.configure().dataSource(postgres.url(), Postgres.USER, Postgres.PASSWORD)
                .locations("filesystem:src/main/resources/db/migration").target("1").load().migrate();
        try (Connection c = postgres.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO sip_user (uri, display_name, enabled, created_at, updated_at)"
                    + " VALUES ('bob@fabrikam.com', 'Bob Kelly', TRUE, now(), now())");
        }
        server = new UcfrontServer("postgres-upgrade", 15401, 18401).with("UCFRONT_DB_URL", postgres.url())
                .with("UCFRONT_DB_USER", Postgres.USER).with("UCFRONT_DB_PASSWORD", Postgres.PASSWORD).start();
        assertTrue(server.logText(), server.logText().contains("database " + postgres.url() + " at schema version")
                && server.logText().contains((migrationCount() - 1) + " migration(s) applied"));
        String users = AdminClient.of(server).send("GET", "/users", null).body();
        assertTrue(users, users.contains("\"uri\":\"sip:bob@fabrikam.com\",\"displayName\":\"Bob Kelly\""));
        try (Connection c = postgres.connect(); Statement s = c.createStatement()) {
            ResultSet r = s.executeQuery("SELECT source FROM sip_user WHERE uri = 'bob@fabrikam.com'");
            assertTrue(r.next());
            assertEquals("local", r.getString(1));
        }
    }

    /** The migrations this build ships (src/main/resources/db/migration/V*.sql). */
    static long migrationCount() throws Exception {
        try (Stream<Path> files = Files.list(Paths.get("src/main/resources/db/migration"))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }
}
