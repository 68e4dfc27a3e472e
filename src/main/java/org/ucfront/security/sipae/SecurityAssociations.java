package org.ucfront.security.sipae;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's security associations (MS-SIPAE §3.3.1), in memory: by opaque (how a client's
 * credentials name one) and by endpoint (epid and user, then scheme, realm and target: how the
 * server finds the one to sign its own requests to that endpoint with). A restart loses them; clients then get a 401 and authenticate again
 * (§3.2.5.2). Handshakes in progress (the opaque of a challenge sent) are kept apart and expire.
 */
public final class SecurityAssociations {

    /** Bound on associations and pending handshakes, so unauthenticated clients cannot exhaust memory. */
    static final int MAX_PENDING = 10_000;

    private final Clock clock;
    private final Duration handshakeLifetime;
    private final Map<String, SecurityAssociation> byOpaque = new ConcurrentHashMap<>();
    /** (epid, user) → (scheme, realm, target) → association. */
    private final Map<String, Map<String, SecurityAssociation>> byEndpoint = new ConcurrentHashMap<>();
    private final Map<String, Pending<?>> pending = new ConcurrentHashMap<>();

    /** A handshake state kept between the challenge and the client's answer. */
    record Pending<T>(T state, Instant expires) {
    }

    public SecurityAssociations(Clock clock, Duration handshakeLifetime) {
        this.clock = clock;
        this.handshakeLifetime = handshakeLifetime;
    }

    static String endpointKey(String epid, String aor) {
        return epid + " " + aor.toLowerCase(Locale.ROOT);
    }

    /** §3.2.5.2: within an endpoint, an association is known by (scheme, realm, target). */
    static String associationKey(SecurityAssociation sa) {
        return sa.scheme().token() + " " + sa.realm() + " " + sa.target();
    }

    /**
     * Keeps a new association. It replaces the endpoint's previous one of the same scheme, realm and
     * target (the client replaces its own too, §3.2.5.1.2), whichever challenge (401 or 407) made it;
     * one of another scheme or target (NTLM beside Kerberos) stays.
     */
    public void put(SecurityAssociation sa) {
        SecurityAssociation old = byEndpoint.computeIfAbsent(endpointKey(sa.epid(), sa.aor()),
                k -> new ConcurrentHashMap<>()).put(associationKey(sa), sa);
        if (old != null) {
            byOpaque.remove(old.opaque());
        }
        byOpaque.put(sa.opaque(), sa);
        if (byOpaque.size() > MAX_PENDING * 10) {
            purgeExpired();
        }
    }

    /** The live association a client's opaque names. */
    public Optional<SecurityAssociation> byOpaque(String opaque) {
        SecurityAssociation sa = opaque == null ? null : byOpaque.get(opaque);
        if (sa != null && sa.expired(clock.instant())) {
            remove(sa);
            return Optional.empty();
        }
        return Optional.ofNullable(sa);
    }

    /**
     * The association to sign the server's messages to an endpoint (its epid) of a user with: the
     * live one that lasts longest when the endpoint has several.
     */
    public Optional<SecurityAssociation> byEndpoint(String epid, String aor) {
        if (epid == null || aor == null) {
            return Optional.empty();
        }
        Map<String, SecurityAssociation> own = byEndpoint.get(endpointKey(epid, aor));
        if (own == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        SecurityAssociation best = null;
        for (SecurityAssociation sa : own.values()) {
            if (sa.expired(now)) {
                remove(sa);
            } else if (best == null || sa.expires().isAfter(best.expires())) {
                best = sa;
            }
        }
        return Optional.ofNullable(best);
    }

    public void remove(SecurityAssociation sa) {
        byOpaque.remove(sa.opaque(), sa);
        byEndpoint.computeIfPresent(endpointKey(sa.epid(), sa.aor()), (k, own) -> {
            own.remove(associationKey(sa), sa);
            return own.isEmpty() ? null : own;
        });
    }

    /** Forgets every association of a user (disabled, deleted, password changed). */
    public void removeUser(String aor) {
        byOpaque.values().removeIf(sa -> sa.aor().equalsIgnoreCase(aor));
        byEndpoint.values().removeIf(own -> {
            own.values().removeIf(sa -> sa.aor().equalsIgnoreCase(aor));
            return own.isEmpty();
        });
    }

    /** Remembers the state of a handshake under the opaque its challenge carries. */
    public <T> void startHandshake(String opaque, T state) {
        if (pending.size() >= MAX_PENDING) {
            purgeExpired();
        }
        if (pending.size() >= MAX_PENDING) {
            // still full of live handshakes: drop one rather than grow (a flood of first REGISTERs)
            Iterator<String> it = pending.keySet().iterator();
            if (it.hasNext()) {
                pending.remove(it.next());
            }
        }
        pending.put(opaque, new Pending<>(state, clock.instant().plus(handshakeLifetime)));
    }

    /** Takes (once) the state of a handshake by opaque, if it is still live and of that type. */
    public <T> Optional<T> finishHandshake(String opaque, Class<T> type) {
        Pending<?> p = opaque == null ? null : pending.remove(opaque);
        if (p == null || !clock.instant().isBefore(p.expires()) || !type.isInstance(p.state())) {
            return Optional.empty();
        }
        return Optional.of(type.cast(p.state()));
    }

    /** Drops what has expired. */
    void purgeExpired() {
        Instant now = clock.instant();
        pending.values().removeIf(p -> !now.isBefore(p.expires()));
        byOpaque.values().removeIf(sa -> sa.expired(now));
        byEndpoint.values().removeIf(own -> {
            own.values().removeIf(sa -> sa.expired(now));
            return own.isEmpty();
        });
    }

    public int size() {
        return byOpaque.size();
    }
}
