package org.ucfront.clientversion.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.Test;

/** V2 applies on H2 in the mode the server uses, and its table holds what the entity writes. */
public class ClientVersionRuleMigrationTest {

    @Test
    public void theTableTakesRulesAndOrdersThemByPriority() throws SQLException {
        String url = "jdbc:h2:mem:client-version-" + System.nanoTime() + ";MODE=LEGACY;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            insert(c, "b", 20, null);
            insert(c, "a", 10, "https://fabrikam.com/AutoUpdate/Int/Handler/update.aspx?folder=OCv3.1");
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT id, url FROM client_version_rule ORDER BY priority, created_at, id")) {
                assertTrue(rs.next());
                assertEquals("a", rs.getString(1));
                assertEquals("https://fabrikam.com/AutoUpdate/Int/Handler/update.aspx?folder=OCv3.1", rs.getString(2));
                assertTrue(rs.next());
                assertEquals("b", rs.getString(1));
                assertEquals(null, rs.getString(2));
                assertFalse(rs.next());
            }
        }
    }

    private static void insert(Connection c, String id, int priority, String url) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO client_version_rule (id, product, comparison,"
                + " client_version, rule_action, url, priority, enabled, created_at, updated_at)"
                + " VALUES (?, 'OC', 'lt', '4.0.7577.0', ?, ?, ?, TRUE, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            s.setString(1, id);
            s.setString(2, url == null ? "block-with-prompt" : "block-with-dynamic-url");
            s.setString(3, url);
            s.setInt(4, priority);
            s.setTimestamp(5, now);
            s.setTimestamp(6, now);
            s.executeUpdate();
        }
    }
}
