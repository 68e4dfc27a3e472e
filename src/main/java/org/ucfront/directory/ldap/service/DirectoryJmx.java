package org.ucfront.directory.ldap.service;

import org.ucfront.directory.ldap.model.DirectoryEffect;
import org.ucfront.directory.ldap.model.SyncReport;
import org.ucfront.sip.AddressOfRecord;

/** The MBean: every call goes through the bean's business interface (transactions, locking). */
final class DirectoryJmx implements DirectoryJmxMBean {

    static final String NAME = "org.ucfront:type=Directory";

    private final DirectorySync sync;

    DirectoryJmx(DirectorySync sync) {
        this.sync = sync;
    }

    @Override
    public String syncNow() {
        return describe(sync.syncNow(DirectorySync.Mode.FULL));
    }

    @Override
    public String syncIncremental() {
        return describe(sync.syncNow(DirectorySync.Mode.INCREMENTAL));
    }

    @Override
    public int deregister(String uri, String event, String registrar) {
        return sync.deregister(AddressOfRecord.parse(uri), DirectoryEffect.parse(event, registrar));
    }

    @Override
    public String getLastResult() {
        SyncReport r = sync.status().last();
        return r == null ? "never" : describe(r);
    }

    @Override
    public long getFailures() {
        return sync.status().failures();
    }

    @Override
    public long getConsecutiveFailures() {
        return sync.status().consecutiveFailures();
    }

    static String describe(SyncReport r) {
        return r.ok() ? r.mode() + " sync ok: " + r.seen() + " seen, " + r.created() + " created, " + r.updated()
                + " updated, " + r.disabled() + " disabled, " + r.deregistered() + " deregistered"
                : r.mode() + " sync failed: " + r.error();
    }
}
