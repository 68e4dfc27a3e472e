package org.ucfront.sip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Test;

public class CallIdOrderingTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @After
    public void stop() {
        pool.shutdownNow();
    }

    @Test
    public void oneCallIdsMessagesRunOneAtATimeInTheOrderGiven() throws Exception {
        CallIdOrdering ordering = new CallIdOrdering(pool);
        List<Integer> ran = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        for (int i = 0; i < 500; i++) {
            int n = i;
            ordering.execute("a84b4c76e66710", () -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                ran.add(n); // unsynchronized on purpose: one at a time is what is tested
                running.decrementAndGet();
            });
            ordering.execute("other-" + i, () -> { });
        }
        assertTrue(ordering.awaitFinished(10_000));
        assertEquals(0, overlaps.get());
        assertEquals(500, ran.size());
        for (int i = 0; i < 500; i++) {
            assertEquals(i, (int) ran.get(i));
        }
    }

    @Test
    public void differentCallIdsRunAtOnce() throws Exception {
        CallIdOrdering ordering = new CallIdOrdering(pool);
        CountDownLatch second = new CountDownLatch(1);
        CountDownLatch firstSawSecond = new CountDownLatch(1);
        ordering.execute("first", () -> {
            try {
                if (second.await(10, TimeUnit.SECONDS)) {
                    firstSawSecond.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        ordering.execute("second", second::countDown);
        assertTrue(firstSawSecond.await(10, TimeUnit.SECONDS));
        assertTrue(ordering.awaitFinished(10_000));
    }

    @Test
    public void awaitingReturnsFalseWhileATaskRunsAndAFailingTaskDoesNotStopItsCallId() throws Exception {
        CallIdOrdering ordering = new CallIdOrdering(pool);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch after = new CountDownLatch(1);
        ordering.execute("c", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("a failing message");
        });
        ordering.execute("c", after::countDown);
        assertFalse(ordering.awaitFinished(50));
        release.countDown();
        assertTrue(after.await(10, TimeUnit.SECONDS));
        assertTrue(ordering.awaitFinished(10_000));
    }

    @Test
    public void tasksGivenAfterThePoolStoppedAreDroppedAndNotAwaited() throws Exception {
        CallIdOrdering ordering = new CallIdOrdering(pool);
        pool.shutdown();
        ordering.execute("late", () -> { });
        assertTrue(ordering.awaitFinished(0));
    }
}
