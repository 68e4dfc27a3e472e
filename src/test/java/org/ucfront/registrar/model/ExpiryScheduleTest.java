package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ucfront.registrar.model.UserEndpointsTest.attempt;
import static org.ucfront.registrar.model.UserEndpointsTest.instance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;

/** The expiry sweep's schedule (§3.1.2.6): every user with a live binding is due by its expiry. */
public class ExpiryScheduleTest {

    private final ExpirySchedule schedule = new ExpirySchedule();

    private static UserEndpoints user() {
        return new UserEndpoints("alice@fabrikam.com", EndpointIds.after(List.of(), 0));
    }

    @Test
    public void aUserIsDueAtItsExpiryRoundedUpToTheSecond() {
        UserEndpoints u = user();
        u.register(attempt(instance(), "c1", 1, 10_500), 0, 8);
        schedule.schedule(u);
        assertEquals(List.of(), schedule.due(10_999));
        assertEquals(List.of(u), schedule.due(11_000));
        assertEquals("taken off the schedule", List.of(), schedule.due(11_000));
    }

    @Test
    public void aRefreshedUserIsDueAtTheOldExpiryThenListedAgainAtTheNew() {
        UserEndpoints u = user();
        SipInstance i = instance();
        u.register(attempt(i, "c1", 1, 10_000), 0, 8);
        schedule.schedule(u);
        u.register(attempt(i, "c1", 2, 20_000), 5_000, 8);
        schedule.schedule(u);
        assertEquals(List.of(u), schedule.due(10_000));
        assertEquals(List.of(), u.expire(10_000));
        schedule.schedule(u);
        assertEquals(List.of(), schedule.due(19_999));
        assertEquals(List.of(u), schedule.due(20_000));
    }

    @Test
    public void anEarlierExpiryListsTheUserEarlierAndTheLaterListingIsIgnored() {
        UserEndpoints u = user();
        SipInstance i = instance();
        u.register(attempt(i, "c1", 1, 20_000), 0, 8);
        schedule.schedule(u);
        u.register(attempt(i, "c1", 2, 5_000), 1_000, 8);
        schedule.schedule(u);
        assertEquals(List.of(u), schedule.due(5_000));
        assertEquals(1, u.expire(5_000).size());
        schedule.schedule(u); // no live binding: not listed
        assertEquals(List.of(), schedule.due(20_000));
    }

    @Test
    public void aUserWithoutLiveBindingsIsNotListed() {
        UserEndpoints u = user();
        SipInstance i = instance();
        u.register(attempt(i, "c1", 1, 10_000), 0, 8);
        u.unregister(i.urn(), "c1", 2, 1_000);
        schedule.schedule(u);
        assertEquals(List.of(), schedule.due(Long.MAX_VALUE));
    }

    /**
     * Registrations on four threads beside a sweep that expires what it finds due: afterwards every
     * user with a live binding is due no later than its next expiry.
     */
    @Test
    public void noUserIsLostWhileRegistrationsRaceTheSweep() throws Exception {
        List<UserEndpoints> users = new ArrayList<>();
        for (int n = 0; n < 64; n++) {
            users.add(new UserEndpoints("u" + n + "@fabrikam.com", EndpointIds.after(List.of(), 0)));
        }
        List<SipInstance> instances = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            instances.add(instance());
        }
        AtomicBoolean registering = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            Future<?> sweep = threads.submit(() -> {
                while (registering.get()) {
                    for (UserEndpoints u : schedule.due(500_000)) {
                        u.expire(500_000);
                        schedule.schedule(u);
                    }
                }
            });
            List<Future<?>> registrations = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                registrations.add(threads.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int n = 0; n < 20_000; n++) {
                        UserEndpoints u = users.get(random.nextInt(users.size()));
                        SipInstance i = instances.get(random.nextInt(instances.size()));
                        long expiresAt = random.nextLong(1_000, 1_000_000);
                        u.register(attempt(i, "c" + random.nextLong(), 1, expiresAt), 0, 8);
                        schedule.schedule(u);
                    }
                }));
            }
            for (Future<?> r : registrations) {
                r.get();
            }
            registering.set(false);
            sweep.get();
        } finally {
            threads.shutdownNow();
        }

        TreeSet<Long> seconds = new TreeSet<>();
        users.forEach(u -> seconds.add(roundedUp(u.nextExpiry())));
        Map<UserEndpoints, Long> dueAt = new HashMap<>();
        for (long second : seconds) {
            schedule.due(second).forEach(u -> dueAt.putIfAbsent(u, second));
        }
        int live = 0;
        for (UserEndpoints u : users) {
            if (u.nextExpiry() != Long.MAX_VALUE) {
                live++;
                assertTrue(u.aor() + " expires at " + u.nextExpiry() + ", due at " + dueAt.get(u),
                        dueAt.containsKey(u) && dueAt.get(u) <= roundedUp(u.nextExpiry()));
            }
        }
        assertTrue("live users " + live, live > 0);
    }

    private static long roundedUp(long millis) {
        return millis == Long.MAX_VALUE ? millis : (millis + 999) / 1000 * 1000;
    }
}
