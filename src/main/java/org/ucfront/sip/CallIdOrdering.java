package org.ucfront.sip;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a connection's messages on a shared pool, those of one Call-ID one after the other in the
 * order read (a CANCEL after its INVITE, an ACK after the answer's request), those of different
 * Call-IDs at once. One per connection.
 */
public final class CallIdOrdering {

    private static final Logger LOG = Logger.getLogger(CallIdOrdering.class.getName());

    private final Executor pool;
    /** Tasks waiting behind the running one, by Call-ID; a key is present while its Call-ID runs. */
    private final Map<String, ArrayDeque<Runnable>> waiting = new HashMap<>();
    private int unfinished;

    public CallIdOrdering(Executor pool) {
        this.pool = pool;
    }

    /** Runs {@code task} after the earlier tasks of {@code callId}. */
    public void execute(String callId, Runnable task) {
        synchronized (this) {
            unfinished++;
            ArrayDeque<Runnable> queue = waiting.get(callId);
            if (queue != null) {
                queue.add(task);
                return;
            }
            waiting.put(callId, new ArrayDeque<>(2));
        }
        try {
            pool.execute(new Drain(callId, task));
        } catch (RejectedExecutionException stopped) { // the stack is stopping: nothing runs any more
            synchronized (this) {
                unfinished -= 1 + waiting.remove(callId).size();
                notifyAll();
            }
        }
    }

    /** Waits until every task given has run, at most {@code millis}; true if they all have. */
    public synchronized boolean awaitFinished(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        for (long left = millis; unfinished > 0 && left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
            wait(left);
        }
        return unfinished == 0;
    }

    /**
     * How long {@code queued}, a task of the pool's queue, has waited there, in ms: 0 if it is not a
     * connection's message (OverloadValve reads the queue's oldest).
     */
    public static long waitedMillis(Runnable queued) {
        return queued instanceof Drain d ? (System.nanoTime() - d.queuedAt) / 1_000_000 : 0;
    }

    /** Runs a Call-ID's tasks, from the first given, until none waits. */
    private final class Drain implements Runnable {
        final long queuedAt = System.nanoTime();
        final String callId;
        final Runnable first;

        Drain(String callId, Runnable first) {
            this.callId = callId;
            this.first = first;
        }

        @Override
        public void run() {
            drain(callId, first);
        }
    }

    private void drain(String callId, Runnable first) {
        for (Runnable task = first; task != null;) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "processing a message", e);
            }
            synchronized (this) {
                unfinished--;
                ArrayDeque<Runnable> queue = waiting.get(callId);
                task = queue.poll();
                if (task == null) {
                    waiting.remove(callId);
                    if (unfinished == 0) {
                        notifyAll();
                    }
                }
            }
        }
    }
}
