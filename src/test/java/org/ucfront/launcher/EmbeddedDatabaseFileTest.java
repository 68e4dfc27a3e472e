package org.ucfront.launcher;

import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The embedded default database (H2, the URL UcfrontConfig builds): small transactions, as an admin's
 * import of users one by one makes, share the file's chunks. With every commit written at once
 * (WRITE_DELAY=0) each one wrote a chunk of its own, which H2 never compacted: this test's 5,000
 * commits made 5,006 chunks and a 65 MB file; with the write delay, 2 chunks and 24 KB.
 */
public class EmbeddedDatabaseFileTest {

    static final int COMMITS = 5000;
    static final int ROWS = 500;

    @Rule
    public TemporaryFolder dataDir = new TemporaryFolder();

    @Test
    public void smallTransactionsDoNotEachWriteAChunk() throws Exception {
        UcfrontConfig config = UcfrontConfig.of(Map.of("ucfront.data.dir", dataDir.getRoot().toString()));
        try (Connection c = DriverManager.getConnection(config.jdbcUrl, config.jdbcUser, config.jdbcPassword)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(200))");
            }
            try (PreparedStatement s = c.prepareStatement("MERGE INTO t KEY (id) VALUES (?, ?)")) {
                for (int i = 0; i < COMMITS; i++) { // autocommit: one transaction each
                    s.setInt(1, i % ROWS);
                    s.setString(2, "value " + i);
                    s.executeUpdate();
                }
            }
            long chunks = info(c, "info.CHUNK_COUNT");
            assertTrue(chunks + " chunks in the file after " + COMMITS + " commits", chunks < COMMITS / 10);
        }
    }

    private static long info(Connection c, String name) throws Exception {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return Long.parseLong(r.getString(1));
            }
        }
    }
}
