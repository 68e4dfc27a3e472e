package org.ucfront.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed authentications counted per source address, per user and per (user, address) over a
 * sliding window. An address is refused once it failed {@code perAddress} times (whatever the
 * users); a user under attack (more than {@code perUser} failures) is refused only from the
 * addresses that failed for them, so the real user signing in from elsewhere is not locked out.
 */
public final class FailedAuthentications {

    /** Bound on tracked keys: an attacker spraying addresses cannot grow memory without limit. */
    static final int MAX_KEYS = 100_000;

    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public FailedAuthentications(int perUser, int perAddress, Duration window, Clock clock) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** Whether an attempt of this user from this address is refused without looking at it. */
    public boolean blocked(String user, String address) {
        Instant now = clock.instant();
        if (count(addressKey(address), now) >= perAddress) {
            return true;
        }
        return count(userKey(user), now) >= perUser && count(pairKey(user, address), now) > 0;
    }

    public void failed(String user, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(d -> {
                synchronized (d) {
                    prune(d, now);
                    return d.isEmpty();
                }
            });
        }
        for (String key : new String[] {addressKey(address), userKey(user), pairKey(user, address)}) {
            Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (d) {
                prune(d, now);
                d.addLast(now);
            }
        }
    }

    /** A success from an address clears that pair (the user knows the password there). */
    public void succeeded(String user, String address) {
        failures.remove(pairKey(user, address));
    }

    private int count(String key, Instant now) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            prune(d, now);
            return d.size();
        }
    }

    private void prune(Deque<Instant> d, Instant now) {
        Instant oldest = now.minus(window);
        while (!d.isEmpty() && !d.peekFirst().isAfter(oldest)) {
            d.removeFirst();
        }
    }

    private static String addressKey(String address) {
        return "a " + address;
    }

    private static String userKey(String user) {
        return "u " + user.toLowerCase(Locale.ROOT);
    }

    private static String pairKey(String user, String address) {
        return "p " + user.toLowerCase(Locale.ROOT) + " " + address;
    }
}
