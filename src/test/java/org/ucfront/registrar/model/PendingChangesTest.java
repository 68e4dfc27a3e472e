package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;

public class PendingChangesTest {

    @Test
    public void takesTheNewestChangeOfEachIdInTheOrderQueued() {
        PendingChanges<String> p = new PendingChanges<>();
        p.put("a", "a1");
        p.put("b", "b1");
        p.put("a", "a2");
        p.put("c", "c1");
        Map<String, String> batch = p.take(2);
        assertEquals(List.of("a", "b"), List.copyOf(batch.keySet()));
        assertEquals("a2", batch.get("a"));
        p.written(batch);
        assertEquals(Map.of("c", "c1"), p.take(10));
    }

    @Test
    public void aChangeMadeWhileItsBatchIsWrittenStaysQueued() {
        PendingChanges<String> p = new PendingChanges<>();
        p.put("a", "a1");
        Map<String, String> batch = p.take(10);
        p.put("a", "a2"); // while a1 is being stored
        p.written(batch);
        Map<String, String> next = p.take(10);
        assertEquals(Map.of("a", "a2"), next);
        p.written(next);
        assertTrue(p.take(10).isEmpty());
    }

    @Test
    public void aFailedBatchIsTakenAgain() {
        PendingChanges<String> p = new PendingChanges<>();
        p.put("a", "a1");
        p.put("b", "b1");
        p.failed(p.take(10));
        assertEquals(Map.of("a", "a1", "b", "b1"), p.take(10));
    }

    @Test
    public void anIdWrittenAndChangedAgainIsQueuedOnce() {
        PendingChanges<String> p = new PendingChanges<>();
        p.put("a", "a1");
        p.written(p.take(10));
        p.put("a", "a2");
        p.put("a", "a3");
        Map<String, String> batch = p.take(10);
        assertEquals(Map.of("a", "a3"), batch);
        p.written(batch);
        assertTrue(p.take(10).isEmpty());
    }

    /** Four threads change ids while one writer stores batches: the store ends with every id's last change. */
    @Test
    public void noChangeIsLostToAConcurrentWriter() throws Exception {
        PendingChanges<Integer> p = new PendingChanges<>();
        Map<String, Integer> store = new HashMap<>();
        int threads = 4, ids = 500, rounds = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        try {
            Future<?> writer = pool.submit(() -> {
                start.await();
                while (!done.get()) {
                    Map<String, Integer> batch = p.take(64);
                    store.putAll(batch);
                    p.written(batch);
                }
                return null;
            });
            Future<?>[] changers = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                int thread = t;
                changers[t] = pool.submit(() -> {
                    start.await();
                    for (int r = 1; r <= rounds; r++) {
                        for (int i = 0; i < ids; i++) {
                            p.put(thread + "-" + i, r);
                        }
                    }
                    return null;
                });
            }
            start.countDown();
            for (Future<?> c : changers) {
                c.get();
            }
            done.set(true);
            writer.get();
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> rest = p.take(Integer.MAX_VALUE);
        store.putAll(rest);
        p.written(rest);
        assertEquals(threads * ids, store.size());
        store.values().forEach(v -> assertEquals(rounds, v.intValue()));
        assertTrue(p.take(1).isEmpty());
    }
}
