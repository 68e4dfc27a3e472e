package org.ucfront.registrar.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The users whose bindings expire next (§3.1.2.6), by second, so that the expiry sweep visits a user
 * about once per registration period instead of every user every second (200,000 users: 3 % of the
 * CPU under load). A user is listed at a second no later than its next expiry: a refresh, which
 * moves the expiry later, costs one read here; a user found due whose bindings were refreshed
 * meanwhile is listed again at its new expiry by the sweep.
 */
public final class ExpirySchedule {

    private static final long SECOND = 1000;

    /** Second (epoch ms) → users listed there; a user listed again earlier stays here too, ignored. */
    private final TreeMap<Long, List<UserEndpoints>> bySecond = new TreeMap<>();

    /** Lists {@code u} at its next expiry, rounded up to the second, unless it is listed no later already. */
    public void schedule(UserEndpoints u) {
        long next = u.nextExpiry();
        if (next == Long.MAX_VALUE) {
            return;
        }
        long second = Math.floorDiv(next + SECOND - 1, SECOND) * SECOND;
        if (second >= u.listedAt) {
            return;
        }
        synchronized (this) {
            if (second < u.listedAt) {
                u.listedAt = second;
                bySecond.computeIfAbsent(second, k -> new ArrayList<>()).add(u);
            }
        }
    }

    /**
     * The users listed at {@code now} or before, each once, taken off the schedule: the caller
     * expires their bindings and schedules them again.
     */
    public List<UserEndpoints> due(long now) {
        List<UserEndpoints> due = new ArrayList<>();
        synchronized (this) {
            Iterator<Map.Entry<Long, List<UserEndpoints>>> seconds = bySecond.headMap(now, true).entrySet().iterator();
            while (seconds.hasNext()) {
                Map.Entry<Long, List<UserEndpoints>> s = seconds.next();
                for (UserEndpoints u : s.getValue()) {
                    if (u.listedAt == s.getKey()) { // else listed at another second since
                        u.listedAt = Long.MAX_VALUE;
                        due.add(u);
                    }
                }
                seconds.remove();
            }
        }
        return due;
    }
}
