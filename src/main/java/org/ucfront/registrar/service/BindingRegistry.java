package org.ucfront.registrar.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.PostConstruct;
import javax.annotation.PreDestroy;
import javax.annotation.Resource;
import javax.ejb.ConcurrencyManagement;
import javax.ejb.ConcurrencyManagementType;
import javax.ejb.EJB;
import javax.ejb.Singleton;
import javax.ejb.Startup;
import javax.ejb.Timeout;
import javax.ejb.Timer;
import javax.ejb.TimerConfig;
import javax.ejb.TimerService;
import javax.ejb.TransactionAttribute;
import javax.ejb.TransactionAttributeType;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.registrar.model.Binding;
import org.ucfront.registrar.model.Endpoint;
import org.ucfront.registrar.model.EndpointCounts;
import org.ucfront.registrar.model.EndpointIds;
import org.ucfront.registrar.model.ExpirySchedule;
import org.ucfront.registrar.model.PendingChanges;
import org.ucfront.registrar.model.RegisterAttempt;
import org.ucfront.registrar.model.RegisterResult;
import org.ucfront.registrar.model.UserEndpoints;
import org.ucfront.registrar.model.UserServicesLoss;
import org.ucfront.registrar.persistence.EndpointStore;

/**
 * The live binding state of every user, held in memory and written behind to the database.
 *
 * <p>Each REGISTER changes memory only; changed endpoints are queued and written in one
 * transaction per persistence window (ucfront.persist.window.ms), so a crash loses at most that
 * window. At start the state is rebuilt from the database: endpoints whose binding has not
 * expired are routable again, so a client refreshing after a restart gets "refreshed" and the
 * same GRUU.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BindingRegistry {

    private static final Logger LOG = Logger.getLogger(BindingRegistry.class.getName());
    private static final String FLUSH = "flush";
    private static final String SWEEP = "sweep";
    private static final long SWEEP_INTERVAL_MS = 1000;
    private static final int MAX_BATCH = 2000;
    /** Marks an endpoint id whose row is to be deleted. */
    private static final Endpoint REMOVED = new Endpoint("", "", "", null, null, "", null, null, null, null,
            false, 0, 0, 0);

    private final Map<String, UserEndpoints> users = new ConcurrentHashMap<>();
    private final ExpirySchedule expiries = new ExpirySchedule();
    /** Endpoint id → latest state to write (or REMOVED); the newest change wins. */
    private final PendingChanges<Endpoint> pending = new PendingChanges<>();
    /**
     * Every change queued before this instant (epoch ms) is in the database: a crash loses only
     * later ones. A batch that empties the queue takes every id queued before it started.
     */
    private volatile long durableBefore;
    private final ReentrantLock flushing = new ReentrantLock();
    /** "tcp 10.1.2.50:4237" → users with a binding registered over that connection. */
    private final Map<String, Set<String>> connections = new ConcurrentHashMap<>();

    @EJB
    private EndpointStore store;

    @Resource
    private TimerService timers;

    private int maxEndpoints;
    /** Set at start, past the stored endpoints' ids. */
    private EndpointIds newIds;

    @PostConstruct
    void start() {
        UcfrontConfig config = UcfrontConfig.current();
        maxEndpoints = config.maxEndpointsPerUser;
        long t0 = System.nanoTime();
        List<Endpoint> stored = store.loadAll();
        newIds = EndpointIds.after(stored.stream().map(Endpoint::id).toList(), System.currentTimeMillis());
        for (Endpoint e : stored) {
            users.computeIfAbsent(e.aor(), this::newUser).restore(e);
        }
        users.values().forEach(expiries::schedule);
        LOG.info(String.format("%d endpoints of %d users restored in %d ms", stored.size(), users.size(),
                (System.nanoTime() - t0) / 1_000_000));
        timers.createIntervalTimer(config.persistWindowMillis, config.persistWindowMillis,
                new TimerConfig(FLUSH, false));
        timers.createIntervalTimer(SWEEP_INTERVAL_MS, SWEEP_INTERVAL_MS, new TimerConfig(SWEEP, false));
    }

    @PreDestroy
    void stop() {
        flush();
    }

    /** Adds or refreshes a binding (§3.1.2.5.1). */
    public RegisterResult register(RegisterAttempt attempt) {
        long now = System.currentTimeMillis();
        RegisterResult result = withUser(attempt.aor(), u -> {
            RegisterResult r = u.register(attempt, now, maxEndpoints);
            expiries.schedule(u);
            return r;
        });
        queue(result.endpoint());
        Binding b = attempt.binding();
        if (b.isReliable()) {
            connections.computeIfAbsent(connectionKey(b.transport(), b.remoteAddr(), b.remotePort()),
                    k -> ConcurrentHashMap.newKeySet()).add(attempt.aor());
        }
        result.displaced().forEach(e -> pending.put(e.id(), REMOVED));
        result.forgotten().forEach(id -> pending.put(id, REMOVED));
        return result;
    }

    /** Removes one endpoint's binding (Expires: 0). */
    public Optional<Endpoint> unregister(String aor, String endpointKey, String callId, long cseq) {
        long now = System.currentTimeMillis();
        UserEndpoints u = users.get(aor);
        if (u == null) {
            return Optional.empty();
        }
        Optional<Endpoint> e = u.unregister(endpointKey, callId, cseq, now);
        e.ifPresent(this::queue);
        return e;
    }

    /** Removes all bindings of the user (Contact: *). */
    public List<Endpoint> unregisterAll(String aor, String callId, long cseq) {
        UserEndpoints u = users.get(aor);
        if (u == null) {
            return List.of();
        }
        List<Endpoint> changed = u.unregisterAll(callId, cseq, System.currentTimeMillis());
        changed.forEach(this::queue);
        return changed;
    }

    /** The user's routable endpoints. */
    public List<Endpoint> bindings(String aor) {
        UserEndpoints u = users.get(aor);
        return u == null ? List.of() : u.routable(System.currentTimeMillis());
    }

    /** Every known endpoint of the user, routable or not. */
    public List<Endpoint> endpoints(String aor) {
        UserEndpoints u = users.get(aor);
        return u == null ? List.of() : u.all();
    }

    /**
     * Removes every endpoint of a user who was disabled or deleted; returns those that were
     * routable, which the caller notifies.
     */
    public List<Endpoint> removeUser(String aor) {
        UserEndpoints u = users.remove(aor);
        if (u == null) {
            return List.of();
        }
        List<Endpoint> all = u.removeAll(System.currentTimeMillis());
        List<Endpoint> routable = new ArrayList<>();
        for (Endpoint e : all) {
            pending.put(e.id(), REMOVED);
            if (e.routable()) {
                routable.add(e);
            }
        }
        return routable;
    }

    /** Removes one endpoint of a user (admin action); returns it, with the CSeq of its NOTIFY if routable. */
    public Optional<Endpoint> removeEndpoint(String aor, String endpointKey) {
        UserEndpoints u = users.get(aor);
        if (u == null) {
            return Optional.empty();
        }
        Optional<Endpoint> e = u.remove(endpointKey, System.currentTimeMillis());
        e.ifPresent(x -> pending.put(x.id(), REMOVED));
        return e;
    }

    /** See {@link #durableBefore}: the write-behind's watermark, for the metrics. */
    public long durableBefore() {
        return durableBefore;
    }

    /** Endpoints now, for the metrics and the dashboard. */
    public EndpointCounts counts() {
        long now = System.currentTimeMillis();
        int routable = 0;
        int known = 0;
        int withEndpoints = 0;
        for (UserEndpoints u : users.values()) {
            int r = u.routableCount(now);
            routable += r;
            known += u.size();
            withEndpoints += r > 0 ? 1 : 0;
        }
        return new EndpointCounts(routable, known - routable, withEndpoints);
    }

    /**
     * User services went unavailable (§3.5): every user's endpoints that support survivable mode
     * stay, the others lose their binding. Returns both, for the caller's NOTIFYs.
     */
    public UserServicesLoss userServicesLost() {
        long now = System.currentTimeMillis();
        List<Endpoint> survivable = new ArrayList<>();
        List<Endpoint> deregistered = new ArrayList<>();
        for (UserEndpoints u : users.values()) {
            UserServicesLoss loss = u.userServicesLost(now);
            if (loss.survivable().isEmpty() && loss.deregistered().isEmpty()) {
                continue;
            }
            survivable.addAll(loss.survivable());
            deregistered.addAll(loss.deregistered());
            u.all().forEach(this::queue); // the stored state: survivable ones kept, the others unbound
        }
        return new UserServicesLoss(survivable, deregistered);
    }

    /** Bindings registered over a TCP connection that closed are removed (no NOTIFY: it is gone). */
    public int connectionClosed(String transport, String remoteAddr, int remotePort) {
        Set<String> aors = connections.remove(connectionKey(transport, remoteAddr, remotePort));
        if (aors == null) {
            return 0;
        }
        long now = System.currentTimeMillis();
        int n = 0;
        for (String aor : aors) {
            UserEndpoints u = users.get(aor);
            if (u != null) {
                List<Endpoint> changed = u.connectionClosed(transport, remoteAddr, remotePort, now);
                changed.forEach(this::queue);
                n += changed.size();
            }
        }
        return n;
    }

    private static String connectionKey(String transport, String addr, int port) {
        return transport.toLowerCase(java.util.Locale.ROOT) + " " + addr + ":" + port;
    }

    /** Every user's address that has endpoints, for the admin listing. */
    public Collection<String> usersWithEndpoints() {
        return new ArrayList<>(users.keySet());
    }

    /** Writes every pending change now (also run by the persistence-window timer). */
    public void flush() {
        flushing.lock();
        try {
            write();
        } finally {
            flushing.unlock();
        }
    }

    /**
     * One writer at a time: two overlapping windows (a slow write, or the stop's flush beside the
     * timer's) would both insert a new endpoint's row.
     */
    private void flushIfIdle() {
        if (flushing.tryLock()) {
            try {
                write();
            } finally {
                flushing.unlock();
            }
        }
    }

    /** Writes the queue in transactions of at most {@link #MAX_BATCH} changes, so none holds locks long. */
    private void write() {
        boolean wrote = false;
        long copiedAt;
        Map<String, Endpoint> batch;
        do {
            copiedAt = System.currentTimeMillis();
            batch = pending.take(MAX_BATCH);
            if (batch.isEmpty()) {
                break;
            }
            List<Endpoint> saved = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            batch.forEach((id, e) -> {
                if (e == REMOVED) {
                    removed.add(id);
                } else {
                    saved.add(e);
                }
            });
            try {
                store.write(saved, removed);
            } catch (RuntimeException ex) {
                pending.failed(batch);
                LOG.log(Level.WARNING, "writing " + batch.size() + " endpoint changes failed; retrying next window", ex);
                return;
            }
            pending.written(batch); // newer changes stay for the next batch
            wrote = true;
        } while (batch.size() == MAX_BATCH);
        if (wrote) { // the whole queue as it was at copiedAt is written
            makeDurable(copiedAt);
        }
    }

    private void makeDurable(long copiedAt) {
        try {
            store.makeDurable();
            durableBefore = copiedAt;
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "making endpoint changes durable failed; the watermark stays", ex);
        }
    }

    @Timeout
    void onTimer(Timer timer) {
        if (FLUSH.equals(timer.getInfo())) {
            flushIfIdle();
        } else if (SWEEP.equals(timer.getInfo())) {
            sweep();
        }
    }

    /** Expiry (§3.1.2.6): bindings whose time is up are removed; endpoints stay known ("fixed"). */
    private void sweep() {
        long now = System.currentTimeMillis();
        for (UserEndpoints u : expiries.due(now)) {
            u.expire(now).forEach(this::queue);
            expiries.schedule(u); // its bindings refreshed meanwhile, or the next of them
        }
    }

    private void queue(Endpoint e) {
        pending.put(e.id(), e);
    }

    private UserEndpoints newUser(String aor) {
        return new UserEndpoints(aor, newIds);
    }

    private <T> T withUser(String aor, Function<UserEndpoints, T> action) {
        while (true) {
            UserEndpoints u = users.computeIfAbsent(aor, this::newUser);
            try {
                return action.apply(u);
            } catch (UserEndpoints.RetiredException e) {
                users.remove(aor, u); // removed by removeUser meanwhile: start over with a new one
            }
        }
    }
}
