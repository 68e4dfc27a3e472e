package org.ucfront.directory.ldap.model;

import java.time.Instant;

/**
 * The outcome of one synchronisation run, as the admin status shows it.
 *
 * @param mode        {@code full} or {@code incremental} (or {@code user} for one user)
 * @param seen        directory entries read
 * @param created     users created
 * @param updated     users updated
 * @param disabled    users disabled because the directory disabled or no longer lists them
 * @param deregistered endpoints deregistered with a NOTIFY
 * @param skipped     entries that are no SIP user (no valid SIP address)
 * @param conflicts   entries whose address is a local user's (left unchanged)
 * @param error       why the run failed (the last good state is kept), or null
 */
public record SyncReport(String mode, Instant started, Instant finished, int seen, int created, int updated,
        int disabled, int deregistered, int skipped, int conflicts, String error) {

    public boolean ok() {
        return error == null;
    }
}
