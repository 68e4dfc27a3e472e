package org.ucfront.registrar.persistence;

import static org.junit.Assert.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.Before;
import org.junit.Test;
import org.ucfront.registrar.model.Binding;
import org.ucfront.registrar.model.DeviceInfo;
import org.ucfront.registrar.model.Endpoint;

/**
 * EndpointStore's statements on the schema the migrations make, in H2 with the server's flags:
 * what is upserted reads back equal (with an id of {@code EndpointIds} or one stored before them,
 * "aor key"), an upsert of a stored id overwrites it, a delete removes it.
 * (PostgreSQL's upsert is exercised by PostgresIT.)
 */
public class EndpointRowTest {

    static final Endpoint BOUND = new Endpoint("018bcfe568000001", "alice@contoso.com", "<urn:uuid:00000000-0000-0000-0000-00000000000a>",
            "01010101", "<urn:uuid:00000000-0000-0000-0000-00000000000A>",
            "sip:alice@contoso.com;opaque=user:epid:AAAAAAAAAAAAAAAAAAAAAA;gruu",
            new Binding("sip:192.168.0.10:4021;transport=tcp", 1_700_000_120_000L, "tcp", "192.168.0.10", 4021,
                    "call-1", 2, "from-tag", "to-tag"),
            "UCCAPI/15.0.4420.1017 OC/15.0.4420.1017 (Microsoft Lync)",
            DeviceInfo.of("00-11-22-33-44-55", "Contoso", "1.0"), "192.168.0.0", true,
            1_700_000_000_000L, 3, 1_700_000_001_000L);
    static final Endpoint UNBOUND = new Endpoint("bob@contoso.com epid:02020202", "bob@contoso.com", "epid:02020202", "02020202", null,
            "sip:bob@contoso.com;opaque=user:epid:BBBBBBBBBBBBBBBBBBBBBB;gruu", null, null, null, null, false,
            1_700_000_000_000L, 0, 1_700_000_002_000L);

    private String url;

    @Before
    public void migrate() {
        url = "jdbc:h2:mem:endpoints-" + System.nanoTime() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
    }

    @Test
    public void whatIsUpsertedReadsBackEqual() throws SQLException {
        upsert(List.of(BOUND, UNBOUND));
        assertEquals(List.of(BOUND, UNBOUND), readAll());
    }

    @Test
    public void anUpsertOfAStoredIdOverwritesEveryColumn() throws SQLException {
        upsert(List.of(BOUND, UNBOUND));
        Endpoint unbound = new Endpoint(BOUND.id(), BOUND.aor(), BOUND.key(), BOUND.epid(), BOUND.instance(), BOUND.gruu(), null,
                "other agent", null, null, false, BOUND.firstRegisteredAt(), 4, 1_700_000_009_000L);
        upsert(List.of(unbound));
        assertEquals(List.of(unbound, UNBOUND), readAll());
    }

    @Test
    public void aDeleteRemovesOnlyItsId() throws SQLException {
        upsert(List.of(BOUND, UNBOUND));
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement s = c.prepareStatement(EndpointStore.DELETE)) {
            s.setString(1, UNBOUND.id());
            s.executeUpdate();
        }
        assertEquals(List.of(BOUND), readAll());
    }

    private void upsert(Collection<Endpoint> endpoints) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                PreparedStatement s = c.prepareStatement(EndpointStore.H2_UPSERT)) {
            for (Endpoint e : endpoints) {
                EndpointRow.bind(s, e);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private List<Endpoint> readAll() throws SQLException {
        List<Endpoint> all = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet r = c.createStatement().executeQuery(EndpointStore.SELECT_ALL + " ORDER BY id")) {
            while (r.next()) {
                all.add(EndpointRow.read(r));
            }
        }
        return all;
    }
}
