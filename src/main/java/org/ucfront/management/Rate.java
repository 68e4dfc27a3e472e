package org.ucfront.management;

import java.util.concurrent.atomic.AtomicLongArray;

/** Events per second over the last minute (a ring of one-second slots), for the JMX rates. */
public final class Rate {

    static final int SECONDS = 60;

    private final AtomicLongArray counts = new AtomicLongArray(SECONDS);
    private final AtomicLongArray stamps = new AtomicLongArray(SECONDS);

    public void mark() {
        mark(System.currentTimeMillis() / 1000);
    }

    void mark(long second) {
        int slot = (int) (second % SECONDS);
        long stamp = stamps.get(slot);
        if (stamp != second && stamps.compareAndSet(slot, stamp, second)) {
            counts.set(slot, 0); // a slot from a minute ago is reused
        }
        counts.incrementAndGet(slot);
    }

    /**
     * Mean events per second over the last {@value #SECONDS} seconds, the current one included: an admin who
     * reads the rate in the second of a burst sees it.
     */
    public double perSecond() {
        return perSecond(System.currentTimeMillis() / 1000);
    }

    double perSecond(long now) {
        long sum = 0;
        for (int i = 0; i < SECONDS; i++) {
            long stamp = stamps.get(i);
            if (stamp <= now && stamp > now - SECONDS) {
                sum += counts.get(i);
            }
        }
        return sum / (double) SECONDS;
    }
}
