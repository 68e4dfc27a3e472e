package org.ucfront.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Test;

/** The database settings: a supported JDBC URL, and the password inline or from a file. */
public class DatabaseConfigTest {

    private static String error(Map<String, String> values) {
        return assertThrows(UcfrontConfig.InvalidConfigException.class, () -> UcfrontConfig.of(values)).getMessage();
    }

    @Test
    public void thePasswordFileIsReadWithoutItsLineEnd() throws Exception {
        Path file = Files.createTempFile("db", ".password");
        Files.writeString(file, "pg-secret\n", StandardCharsets.UTF_8);
        UcfrontConfig c = UcfrontConfig.of(Map.of("ucfront.db.url", "jdbc:postgresql://127.0.0.1:5432/ucfront",
                "ucfront.db.password.file", file.toString()));
        assertEquals("pg-secret", c.jdbcPassword);
        assertEquals("org.postgresql.Driver", org.ucfront.server.JdbcUrls.driverFor(c.jdbcUrl));
    }

    @Test
    public void anInlinePasswordIsUsedAsGiven() {
        assertEquals("inline", UcfrontConfig.of(Map.of("ucfront.db.password", "inline")).jdbcPassword);
        assertEquals("", UcfrontConfig.of(Map.of()).jdbcPassword);
    }

    @Test
    public void bothPasswordSettingsAreRefused() {
        assertEquals("ucfront.db.password and ucfront.db.password.file are both set; set one",
                error(Map.of("ucfront.db.password", "a", "ucfront.db.password.file", "/nonexistent")));
    }

    @Test
    public void anUnreadablePasswordFileIsNamed() {
        assertTrue(error(Map.of("ucfront.db.password.file", "/nonexistent/pw"))
                .startsWith("ucfront.db.password.file=/nonexistent/pw is not readable"));
    }

    @Test
    public void anUnsupportedDatabaseIsRefusedAtStart() {
        assertEquals("ucfront.db.url=jdbc:mysql://db/ucfront names no supported database (jdbc:h2: or jdbc:postgresql:)",
                error(Map.of("ucfront.db.url", "jdbc:mysql://db/ucfront")));
    }
}
