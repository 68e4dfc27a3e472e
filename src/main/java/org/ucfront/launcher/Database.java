package org.ucfront.launcher;

import org.flywaydb.core.Flyway;

/**
 * Brings the schema to the version this build expects before anything uses it. Migrations are
 * versioned SQL under db/migration, so data survives restarts and upgrades (no drop-and-create).
 */
final class Database {

    private Database() {
    }

    /** Applies pending migrations; returns the number applied. */
    static int migrate(UcfrontConfig config) {
        Flyway flyway = Flyway.configure()
                .dataSource(config.jdbcUrl, config.jdbcUser, config.jdbcPassword)
                .locations("classpath:db/migration")
                .load();
        return flyway.migrate().migrationsExecuted;
    }

    /** The JDBC driver class for the configured URL (H2 by default, PostgreSQL in production). */
    static String driverFor(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        throw new UcfrontConfig.InvalidConfigException(
                "ucfront.db.url=" + jdbcUrl + " names no supported database (jdbc:h2: or jdbc:postgresql:)");
    }
}
