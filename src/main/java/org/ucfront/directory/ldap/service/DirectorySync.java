package org.ucfront.directory.ldap.service;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.annotation.PostConstruct;
import javax.annotation.PreDestroy;
import javax.annotation.Resource;
import javax.ejb.ConcurrencyManagement;
import javax.ejb.ConcurrencyManagementType;
import javax.ejb.EJB;
import javax.ejb.EJBException;
import javax.ejb.SessionContext;
import javax.ejb.Singleton;
import javax.ejb.Startup;
import javax.ejb.Timeout;
import javax.ejb.TimerConfig;
import javax.ejb.TimerService;
import javax.ejb.TransactionAttribute;
import javax.ejb.TransactionAttributeType;
import javax.management.ObjectName;
import org.ucfront.management.Jmx;
import org.ucfront.directory.ldap.model.DirectoryEffect;
import org.ucfront.directory.ldap.model.DirectorySettings;
import org.ucfront.directory.ldap.model.DirectoryUser;
import org.ucfront.directory.ldap.model.ChangeMarker;
import org.ucfront.directory.ldap.model.SyncReport;
import org.ucfront.directory.ldap.persistence.DirectorySyncStore;
import org.ucfront.directory.model.DirectoryState;
import org.ucfront.directory.model.UserChange;
import org.ucfront.directory.service.UserService;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.registrar.model.Endpoint;
import org.ucfront.registrar.service.BindingRegistry;
import org.ucfront.sip.AddressOfRecord;

/**
 * Synchronises users from the enterprise directory into the user store, periodically (an EJB
 * interval timer) and on demand (admin REST, JMX). Incremental runs ask only for entries changed
 * since the last good run's change marker; full runs also disable users the directory no longer
 * lists. A run that cannot read the directory changes nothing: it is logged, counted and shown
 * in the status, and the last good state stays. Effects on registered endpoints: §2.2.1.13.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // one transaction per user, not per run
public class DirectorySync {

    private static final Logger LOG = Logger.getLogger(DirectorySync.class.getName());
    private static final String TIMER = "directory-sync";
    /** The first run waits for the web application to register its notifier. */
    static final long FIRST_SYNC_DELAY_MS = 3_000;

    public enum Mode { FULL, INCREMENTAL, AUTO }

    /** What the admin status shows. */
    public record Status(boolean configured, String directory, SyncReport last, Instant lastSuccess, long failures,
            long consecutiveFailures) {
    }

    @EJB
    private UserService users;
    @EJB
    private BindingRegistry registry;
    @EJB
    private DirectorySyncStore store;
    @Resource
    private TimerService timers;
    @Resource
    private SessionContext context;

    private DirectorySettings settings;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong consecutiveFailures = new AtomicLong();
    private volatile SyncReport last;
    private volatile Instant lastSuccess;
    private volatile EndpointNotifier notifier;
    private ObjectName mbean;

    @PostConstruct
    void start() {
        settings = DirectorySettings.load(UcfrontConfig.current().domain);
        if (settings == null) {
            LOG.info("no enterprise directory configured (ucfront.ldap.url): users come from the local store");
        } else {
            long interval = settings.syncIntervalSeconds() * 1000L;
            timers.createIntervalTimer(FIRST_SYNC_DELAY_MS, interval, new TimerConfig(TIMER, false));
            LOG.info("enterprise directory " + settings + ": synchronised every " + settings.syncIntervalSeconds() + " s");
        }
        mbean = Jmx.register(DirectoryJmx.NAME, new DirectoryJmx(context.getBusinessObject(DirectorySync.class)));
    }

    @PreDestroy
    void stop() {
        Jmx.unregister(mbean);
    }

    /** The one notifier (the web application's; null at its stop). */
    public void attach(EndpointNotifier n) {
        notifier = n;
    }

    public boolean configured() {
        return settings != null;
    }

    public Status status() {
        return new Status(settings != null, settings == null ? null : settings.toString(), last, lastSuccess,
                failures.get(), consecutiveFailures.get());
    }

    @Timeout
    void onTimer() {
        syncNow(Mode.AUTO);
    }

    /** Runs a sync now (after one that is running); returns its report. */
    public SyncReport syncNow(Mode mode) {
        requireConfigured();
        running.lock();
        try {
            return finish(run(mode));
        } finally {
            running.unlock();
        }
    }

    /** Synchronises one user now (their entry, found by address). */
    public SyncReport syncUser(AddressOfRecord aor) {
        requireConfigured();
        running.lock();
        try {
            Instant started = Instant.now();
            Run r = new Run("user", started);
            try {
                new DirectoryReader(settings).readUser(aor, r::add);
            } catch (LDAPException e) {
                return finish(r.failed(unreachable(e)));
            }
            r.apply(users.directoryStates(), false);
            return finish(r.report(null));
        } finally {
            running.unlock();
        }
    }

    /** Deregisters all of a user's endpoints with the effect's NOTIFY; returns how many were told. */
    public int deregister(AddressOfRecord aor, DirectoryEffect effect) {
        List<Endpoint> endpoints = registry.removeUser(aor.toString());
        EndpointNotifier n = notifier;
        for (Endpoint e : endpoints) {
            if (n != null) {
                n.notify(e, effect.event(), effect.registrar());
            }
        }
        LOG.info("directory: user " + aor + " " + effect.event().body()
                + (effect.registrar() == null ? "" : " to " + effect.registrar()) + "; " + endpoints.size()
                + " endpoint(s) deregistered" + (n == null && !endpoints.isEmpty() ? " without NOTIFY (no notifier)" : ""));
        return endpoints.size();
    }

    private void requireConfigured() {
        if (settings == null) {
            throw new IllegalStateException("no enterprise directory is configured (ucfront.ldap.url)");
        }
    }

    private SyncReport run(Mode mode) {
        Instant started = Instant.now();
        Object[] state = store.load();
        String marker = (String) state[0];
        Instant lastFull = (Instant) state[1];
        boolean full = mode == Mode.FULL || marker == null || settings.mapping().changed() == null
                || (mode == Mode.AUTO && (lastFull == null
                || lastFull.isBefore(started.minus(Duration.ofSeconds(settings.fullSyncIntervalSeconds())))));
        Run r = new Run(full ? "full" : "incremental", started);
        try {
            new DirectoryReader(settings).read(full ? null : marker, r::add);
        } catch (LDAPException e) {
            return r.failed(unreachable(e));
        }
        Map<String, DirectoryState> before = users.directoryStates();
        if (full && r.entries.isEmpty() && r.skipped == 0
                && before.values().stream().anyMatch(DirectoryState::fromDirectory)) {
            // an empty answer is far likelier a wrong base DN or filter than a directory without users
            return r.failed("the directory returned no users; the " + before.values().stream()
                    .filter(DirectoryState::fromDirectory).count() + " synchronised users are kept");
        }
        r.apply(before, full);
        String next = marker;
        for (DirectoryUser u : r.entries) {
            next = ChangeMarker.max(next, u.changeMarker());
        }
        store.recordSuccess(next, full, started);
        return r.report(null);
    }

    private static String unreachable(LDAPException e) {
        return "directory unreachable or refused the request: " + e.getResultCode() + " " + e.getExceptionMessage();
    }

    private SyncReport finish(SyncReport report) {
        last = report;
        if (report.ok()) {
            lastSuccess = report.finished();
            consecutiveFailures.set(0);
            LOG.info("directory: " + DirectoryJmx.describe(report) + ", " + report.skipped() + " skipped, "
                    + report.conflicts() + " local conflicts");
        } else {
            failures.incrementAndGet();
            consecutiveFailures.incrementAndGet();
            LOG.warning("directory: " + DirectoryJmx.describe(report) + "; the last good state is kept");
        }
        return report;
    }

    /** One run's entries and counts. */
    private final class Run {
        final String mode;
        final Instant started;
        final List<DirectoryUser> entries = new ArrayList<>();
        int read;
        int skipped;
        int created;
        int updated;
        int disabled;
        int deregistered;
        int conflicts;

        Run(String mode, Instant started) {
            this.mode = mode;
            this.started = started;
        }

        void add(SearchResultEntry e) {
            read++;
            try {
                entries.add(DirectoryUser.from(e.getDN(), e::getAttributeValue, settings.mapping()));
            } catch (DirectoryUser.UnusableEntryException x) {
                skipped++;
                LOG.fine(() -> "directory: skipped " + x.getMessage());
            }
        }

        /** Stores the entries; a full run also disables the directory's users it no longer lists. */
        void apply(Map<String, DirectoryState> before, boolean full) {
            Set<String> seen = new HashSet<>();
            for (DirectoryUser u : entries) {
                String uri = u.aor().toString();
                if (!seen.add(uri)) {
                    skipped++; // two entries claim one address: the first wins
                    continue;
                }
                DirectoryState was = before.get(uri);
                if (was != null && !was.fromDirectory()) {
                    conflicts++;
                    continue;
                }
                try {
                    // the NT hash, when the directory has one (ucfront.ldap.attribute.nt.hash), for NTLM
                    users.syncFromDirectory(u.aor(), new UserChange(u.displayName(), u.enabled(), null,
                            settings.pool().homePoolOf(u.homeServer()), null, u.ntHash()), u.homeServer(),
                            u.registrar());
                } catch (EJBException | UserService.UserStoreException e) {
                    skipped++;
                    LOG.warning("directory: " + u.dn() + " not stored: " + (e.getCause() != null ? e.getCause() : e));
                    continue;
                }
                if (was == null) {
                    created++;
                } else {
                    updated++;
                    if (was.enabled() && !u.enabled()) {
                        disabled++;
                    }
                }
                DirectoryEffect.of(was, u, settings.pool()).ifPresent(x -> deregistered += deregister(u.aor(), x));
            }
            if (full) {
                for (Map.Entry<String, DirectoryState> e : before.entrySet()) {
                    if (e.getValue().fromDirectory() && e.getValue().enabled() && !seen.contains(e.getKey())) {
                        AddressOfRecord aor = AddressOfRecord.parse(e.getKey());
                        users.update(aor, new UserChange(null, false, null)); // kept, not deleted
                        disabled++;
                        deregistered += deregister(aor, DirectoryEffect.REJECTED);
                    }
                }
            }
        }

        SyncReport report(String error) {
            return new SyncReport(mode, started, Instant.now(), read, created, updated, disabled,
                    deregistered, skipped, conflicts, error);
        }

        SyncReport failed(String error) {
            return new SyncReport(mode, started, Instant.now(), 0, 0, 0, 0, 0, 0, 0, error);
        }
    }
}
