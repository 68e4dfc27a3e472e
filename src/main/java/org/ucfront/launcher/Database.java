package org.ucfront.launcher;

import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.ucfront.server.JdbcUrls;

/**
 * Brings the schema to the version this build expects before anything uses it. Migrations are
 * versioned SQL under db/migration, so data survives restarts and upgrades (no drop-and-create).
 */
final class Database {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private Database() {
    }

    /** Applies pending migrations and logs the schema version reached; returns the number applied. */
    static int migrate(UcfrontConfig config) {
        Flyway flyway = Flyway.configure()
                .dataSource(config.jdbcUrl, config.jdbcUser, config.jdbcPassword)
                .locations("classpath:db/migration")
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(String.format("database %s at schema version %s, %d migration(s) applied",
                JdbcUrls.withoutParameters(config.jdbcUrl), flyway.info().current().getVersion(),
                result.migrationsExecuted));
        return result.migrationsExecuted;
    }
}
