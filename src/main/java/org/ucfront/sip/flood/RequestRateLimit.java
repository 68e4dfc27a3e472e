package org.ucfront.sip.flood;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a source address, a user): {@code rate} requests a second, bursts of
 * twice that. A key over its rate is first answered 503 (its bucket goes into debt, down to one
 * burst), and once that debt is spent its requests are dropped: a client that keeps flooding
 * despite Retry-After is not worth an answer. Idle keys are forgotten, so the table stays bounded
 * by the keys active in the last {@link #IDLE_MS}.
 */
public final class RequestRateLimit {

    /** What to do with one request. */
    public enum Verdict { ACCEPT, REFUSE, DROP }

    static final long IDLE_MS = 60_000;
    private static final int SWEEP_EVERY = 10_000;

    private final double rate;
    private final double burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private int sinceSweep;

    /** @param rate requests per second and key; 0 disables the limit */
    public RequestRateLimit(int rate) {
        this.rate = rate;
        this.burst = 2.0 * rate;
    }

    public boolean enabled() {
        return rate > 0;
    }

    public Verdict admit(String key, long nowMillis) {
        if (rate <= 0) {
            return Verdict.ACCEPT;
        }
        if (++sinceSweep >= SWEEP_EVERY) { // unsynchronised on purpose: an approximate count is enough
            sinceSweep = 0;
            sweep(nowMillis);
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, nowMillis)).take(nowMillis, rate, burst);
    }

    /** Seconds until the key has a token again (for Retry-After), at least 1. */
    public int retryAfterSeconds(String key) {
        Bucket b = buckets.get(key);
        return b == null ? 1 : Math.max(1, (int) Math.ceil((1 - b.tokens) / rate));
    }

    private void sweep(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext();) {
            if (now - it.next().last > IDLE_MS) {
                it.remove();
            }
        }
    }

    int keys() {
        return buckets.size();
    }

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized Verdict take(long now, double rate, double burst) {
            tokens = Math.min(burst, tokens + (now - last) * rate / 1000.0);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Verdict.ACCEPT;
            }
            if (tokens > -burst) {
                tokens -= 1;
                return Verdict.REFUSE;
            }
            return Verdict.DROP;
        }
    }
}
