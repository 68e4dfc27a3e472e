package org.ucfront.registrar.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The endpoints of one user and the registrar's rules over them (§3.1.2.5.1, §3.2, RFC 3261
 * §10.3). Every method is atomic for the user; different users never contend.
 */
public final class UserEndpoints {

    /** Thrown when a REGISTER is refused by the rules (the caller answers with the error). */
    public static final class RegisterRefusedException extends RuntimeException {
        private final RegisterError error;

        public RegisterRefusedException(RegisterError error) {
            super(error.reason());
            this.error = error;
        }

        public RegisterError error() {
            return error;
        }
    }

    /** Thrown when this user's endpoints were removed as a whole meanwhile: look the user up anew. */
    public static final class RetiredException extends RuntimeException {
        RetiredException() {
            super(null, null, false, false);
        }
    }

    private final String aor;
    /** The stored identities of this user's new endpoints. */
    private final Supplier<String> newIds;
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private volatile long nextExpiry = Long.MAX_VALUE;
    /** The second ExpirySchedule lists this user at (epoch ms), Long.MAX_VALUE when not listed. */
    volatile long listedAt = Long.MAX_VALUE;
    private boolean retired;

    public UserEndpoints(String aor, Supplier<String> newIds) {
        this.aor = aor;
        this.newIds = newIds;
    }

    public String aor() {
        return aor;
    }

    /** Restores an endpoint loaded from the database at start. */
    public synchronized void restore(Endpoint e) {
        endpoints.put(e.key(), e);
        updateNextExpiry();
    }

    /**
     * Adds or refreshes the binding of one endpoint. A new (epid, sip.instance) makes a new endpoint
     * ("added"); a known endpoint without a live binding becomes routable again ("fixed"); a live
     * one is refreshed ("refreshed"). When the user then has more routable endpoints than the quota,
     * the oldest ones are removed and returned as displaced.
     */
    public synchronized RegisterResult register(RegisterAttempt a, long now, int maxEndpoints) {
        if (retired) {
            throw new RetiredException();
        }
        String key = a.endpointKey();
        Endpoint existing = endpoints.get(key);
        if (existing != null && existing.binding() != null) {
            checkOrder(existing.binding(), a.binding().callId(), a.binding().cseq());
        }
        RegisterAction action;
        Endpoint endpoint;
        if (existing == null) {
            action = RegisterAction.ADDED;
            endpoint = new Endpoint(newIds.get(), aor, key, a.epid(), a.instance() == null ? null : a.instance().urn(),
                    a.gruu().uri(), a.binding(), a.userAgent(), a.device(), a.subnet(), a.survivable(),
                    now, 0, now);
        } else {
            action = live(existing, now) ? RegisterAction.REFRESHED : RegisterAction.FIXED;
            endpoint = new Endpoint(existing.id(), aor, key,
                    a.epid() != null ? Endpoint.unchanged(a.epid(), existing.epid()) : existing.epid(),
                    existing.instance(), existing.gruu(), a.binding().sharing(existing.binding()),
                    Endpoint.unchanged(a.userAgent(), existing.userAgent()),
                    Endpoint.unchanged(a.device(), existing.device()), Endpoint.unchanged(a.subnet(), existing.subnet()),
                    a.survivable(), existing.firstRegisteredAt(), existing.notifyCseq(), now);
        }
        endpoints.put(key, endpoint);

        List<Endpoint> displaced = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        if (action != RegisterAction.REFRESHED) {
            // quota (§3.2): the oldest routable endpoints make room for the one that just came
            List<Endpoint> others = select(e -> live(e, now) && !e.key().equals(key));
            others.sort(Comparator.comparingLong(Endpoint::firstRegisteredAt));
            for (int i = 0; others.size() - i + 1 > maxEndpoints; i++) {
                Endpoint old = others.get(i);
                endpoints.remove(old.key());
                displaced.add(old.withNextNotifyCseq(now));
            }
            forgotten = forgetStale(now, maxEndpoints);
        }
        updateNextExpiry();
        List<Endpoint> bindings = new ArrayList<>();
        bindings.add(endpoint);
        bindings.addAll(select(e -> live(e, now) && !e.key().equals(key)));
        return new RegisterResult(action, endpoint, bindings, displaced, forgotten);
    }

    /** Endpoint identities kept without a binding are bounded too: the least recent go first. */
    private List<String> forgetStale(long now, int maxEndpoints) {
        List<Endpoint> idle = select(e -> !live(e, now));
        idle.sort(Comparator.comparingLong(Endpoint::updatedAt));
        List<String> ids = new ArrayList<>();
        for (int i = 0; idle.size() - i > maxEndpoints; i++) {
            endpoints.remove(idle.get(i).key());
            ids.add(idle.get(i).id());
        }
        return ids;
    }

    /** Removes one endpoint's binding (Expires: 0); the endpoint stays known, not routable. */
    public synchronized Optional<Endpoint> unregister(String key, String callId, long cseq, long now) {
        Endpoint existing = endpoints.get(key);
        if (existing == null || existing.binding() == null) {
            return Optional.empty();
        }
        checkOrder(existing.binding(), callId, cseq);
        Endpoint e = existing.withBinding(null, now);
        endpoints.put(key, e);
        updateNextExpiry();
        return Optional.of(e);
    }

    /** {@code Contact: *} with {@code Expires: 0} (RFC 3261 §10.3 step 6): every binding goes. */
    public synchronized List<Endpoint> unregisterAll(String callId, long cseq, long now) {
        for (Endpoint e : endpoints.values()) {
            if (e.binding() != null) {
                checkOrder(e.binding(), callId, cseq);
            }
        }
        return unbind(e -> e.binding() != null, now);
    }

    /** When the first of the live bindings expires (epoch ms), Long.MAX_VALUE when none is live. */
    public long nextExpiry() {
        return nextExpiry;
    }

    /** Expiry timers (§3.1.2.6): bindings past their time are removed, the endpoints kept. */
    public List<Endpoint> expire(long now) {
        if (nextExpiry > now) {
            return List.of();
        }
        synchronized (this) {
            return unbind(e -> e.binding() != null && e.binding().expiresAt() <= now, now);
        }
    }

    /** Bindings registered over a connection that closed are removed. */
    public synchronized List<Endpoint> connectionClosed(String transport, String remoteAddr, int remotePort,
            long now) {
        return unbind(e -> e.binding() != null && e.binding().transport().equalsIgnoreCase(transport)
                && e.binding().remotePort() == remotePort && e.binding().remoteAddr().equals(remoteAddr), now);
    }

    /**
     * Removes every endpoint (user disabled or deleted) and retires this object; returns the
     * endpoints, the routable ones with the CSeq of their deregister NOTIFY.
     */
    public synchronized List<Endpoint> removeAll(long now) {
        retired = true;
        List<Endpoint> all = new ArrayList<>();
        for (Endpoint e : endpoints.values()) {
            all.add(e.routable() ? e.withNextNotifyCseq(now) : e);
        }
        endpoints.clear();
        updateNextExpiry();
        return all;
    }

    /** Removes one endpoint by key (admin action); returns it for the NOTIFY. */
    public synchronized Optional<Endpoint> remove(String key, long now) {
        Endpoint e = endpoints.remove(key);
        updateNextExpiry();
        return Optional.ofNullable(e).map(x -> x.routable() ? x.withNextNotifyCseq(now) : x);
    }

    /**
     * User services went unavailable (§3.5): live endpoints that support survivable mode keep their
     * binding; the others lose it and stay known, not routable (their next REGISTER is "fixed").
     * Both are returned with the CSeq of their NOTIFY and their binding, to be reached.
     */
    public synchronized UserServicesLoss userServicesLost(long now) {
        List<Endpoint> survivable = new ArrayList<>();
        List<Endpoint> deregistered = new ArrayList<>();
        for (Map.Entry<String, Endpoint> entry : endpoints.entrySet()) {
            Endpoint e = entry.getValue();
            if (!live(e, now)) {
                continue;
            }
            Endpoint notified = e.withNextNotifyCseq(now);
            if (e.survivable()) {
                entry.setValue(notified);
                survivable.add(notified);
            } else {
                entry.setValue(notified.withBinding(null, now));
                deregistered.add(notified);
            }
        }
        updateNextExpiry();
        return new UserServicesLoss(survivable, deregistered);
    }

    /** The routable endpoints now. */
    public synchronized List<Endpoint> routable(long now) {
        return select(e -> live(e, now));
    }

    /** How many endpoints are routable now; the rest are known without a binding. */
    public synchronized int routableCount(long now) {
        int n = 0;
        for (Endpoint e : endpoints.values()) {
            if (live(e, now)) {
                n++;
            }
        }
        return n;
    }

    public synchronized int size() {
        return endpoints.size();
    }

    public synchronized List<Endpoint> all() {
        return new ArrayList<>(endpoints.values());
    }

    private List<Endpoint> unbind(Predicate<Endpoint> which, long now) {
        List<Endpoint> changed = new ArrayList<>();
        for (Map.Entry<String, Endpoint> entry : endpoints.entrySet()) {
            if (which.test(entry.getValue())) {
                Endpoint e = entry.getValue().withBinding(null, now);
                entry.setValue(e);
                changed.add(e);
            }
        }
        updateNextExpiry();
        return changed;
    }

    /** RFC 3261 §10.3 step 7, relaxed to accept an equal CSeq as the §4.1.2 example does. */
    private static void checkOrder(Binding current, String callId, long cseq) {
        if (Objects.equals(current.callId(), callId) && cseq < current.cseq()) {
            throw new RegisterRefusedException(RegisterError.CSEQ_OUT_OF_ORDER);
        }
    }

    private static boolean live(Endpoint e, long now) {
        return e.binding() != null && e.binding().expiresAt() > now;
    }

    private List<Endpoint> select(Predicate<Endpoint> which) {
        List<Endpoint> out = new ArrayList<>();
        for (Endpoint e : endpoints.values()) {
            if (which.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    private void updateNextExpiry() {
        long next = Long.MAX_VALUE;
        for (Endpoint e : endpoints.values()) {
            if (e.binding() != null) {
                next = Math.min(next, e.binding().expiresAt());
            }
        }
        nextExpiry = next;
    }
}
