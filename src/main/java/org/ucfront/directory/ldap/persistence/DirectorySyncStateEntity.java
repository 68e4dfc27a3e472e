package org.ucfront.directory.ldap.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** The one row of synchronisation state: how far the last good sync read the directory. */
@Entity
@Table(name = "directory_sync_state")
public class DirectorySyncStateEntity {

    public static final int ID = 1;

    @Id
    @Column(name = "id")
    private int id = ID;

    @Column(name = "change_marker")
    private String changeMarker;

    @Column(name = "last_full_sync")
    private Timestamp lastFullSync;

    @Column(name = "last_success")
    private Timestamp lastSuccess;

    public String getChangeMarker() {
        return changeMarker;
    }

    public Instant getLastFullSync() {
        return lastFullSync == null ? null : lastFullSync.toInstant();
    }

    public Instant getLastSuccess() {
        return lastSuccess == null ? null : lastSuccess.toInstant();
    }

    public void recordSuccess(String marker, boolean full, Instant at) {
        changeMarker = marker;
        lastSuccess = Timestamp.from(at);
        if (full) {
            lastFullSync = Timestamp.from(at);
        }
    }
}
