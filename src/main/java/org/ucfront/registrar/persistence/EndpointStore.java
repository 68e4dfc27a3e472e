package org.ucfront.registrar.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.annotation.Resource;
import javax.ejb.EJBException;
import javax.ejb.Stateless;
import javax.ejb.TransactionAttribute;
import javax.ejb.TransactionAttributeType;
import javax.sql.DataSource;
import org.ucfront.registrar.model.Endpoint;

/**
 * Writes endpoint changes in batches and reads them all back at start, in plain JDBC: a batch is one
 * upsert per saved endpoint and one delete per removed id, with no read before and no persistence
 * context (through JPA the write-behind was the largest part of a registration's cost).
 */
@Stateless
public class EndpointStore {

    /** Rows fetched per round trip when every endpoint is read back at start. */
    static final int FETCH_SIZE = 1000;

    private static final String COLUMN_LIST = String.join(", ", EndpointRow.COLUMNS);
    private static final String PARAMETERS = EndpointRow.COLUMNS.stream().map(c -> "?")
            .collect(Collectors.joining(", "));
    /** H2: MERGE with an explicit key (H2 grammar, "MERGE INTO … KEY"). */
    static final String H2_UPSERT = "MERGE INTO sip_endpoint (" + COLUMN_LIST + ") KEY (id) VALUES (" + PARAMETERS + ")";
    /** PostgreSQL 9.5+: INSERT … ON CONFLICT on the primary key. */
    static final String POSTGRESQL_UPSERT = "INSERT INTO sip_endpoint (" + COLUMN_LIST + ") VALUES (" + PARAMETERS
            + ") ON CONFLICT (id) DO UPDATE SET " + EndpointRow.COLUMNS.stream().skip(1)
                    .map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
    /**
     * H2: writes the committed changes to the file now ("CHECKPOINT", H2 grammar; for admins only,
     * which the user that created the database is).
     */
    static final String H2_CHECKPOINT = "CHECKPOINT";
    static final String DELETE = "DELETE FROM sip_endpoint WHERE id = ?";
    static final String SELECT_ALL = "SELECT " + COLUMN_LIST + " FROM sip_endpoint";

    @Resource(name = "ucfrontDb")
    private DataSource db;

    /** One transaction for a batch of changes: saved endpoints (inserted or overwritten) and removed ids. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(Collection<Endpoint> saved, Collection<String> removed) {
        try (Connection c = db.getConnection()) {
            if (!saved.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(upsert(c))) {
                    for (Endpoint e : saved) {
                        EndpointRow.bind(s, e);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            if (!removed.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(DELETE)) {
                    for (String id : removed) {
                        s.setString(1, id);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new EJBException("writing " + saved.size() + " endpoints and " + removed.size() + " removals", e);
        }
    }

    /**
     * Puts every batch committed so far in the database's file, where a kill of the process cannot
     * take it. H2 commits to memory and writes to its file every WRITE_DELAY ms (in the background
     * thread that also compacts the file), so H2 gets a CHECKPOINT; a PostgreSQL commit is in its
     * write-ahead log already.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void makeDurable() {
        try (Connection c = db.getConnection()) {
            if (!isPostgresql(c)) {
                try (Statement s = c.createStatement()) {
                    s.execute(H2_CHECKPOINT);
                }
            }
        } catch (SQLException e) {
            throw new EJBException("writing the committed endpoint changes to the database file", e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Endpoint> loadAll() {
        List<Endpoint> all = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(SELECT_ALL)) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    all.add(EndpointRow.read(r));
                }
            }
        } catch (SQLException e) {
            throw new EJBException("reading the stored endpoints", e);
        }
        return all;
    }

    private static String upsert(Connection c) throws SQLException {
        return isPostgresql(c) ? POSTGRESQL_UPSERT : H2_UPSERT;
    }

    private static boolean isPostgresql(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
