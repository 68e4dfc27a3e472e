package org.ucfront.registrar.model;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The stored identities of new endpoints (their row keys): 16 hex digits of a counter that only
 * grows, so that a new endpoint's row key goes to the end of the table's key index. Keys made of
 * the user and the endpoint ("aor key", kept by endpoints stored before) land anywhere in it, and
 * the write-behind then rewrote an index page per new endpoint: 2.5 to 3.5 times the CPU and 1.6
 * times the allocation of appending, on H2 with 230,000 rows (src/bench/EndpointWrites.java).
 */
public final class EndpointIds implements Supplier<String> {

    static final int DIGITS = 16;
    /** Room for about a million new endpoints a millisecond before the counter outruns the clock. */
    static final int PER_MILLISECOND_BITS = 20;

    private final AtomicLong last;

    EndpointIds(long last) {
        this.last = new AtomicLong(last);
    }

    /**
     * Ids after every stored one and after this instant's: a restart takes up past the ids it
     * stored, even if the clock was set back meanwhile.
     */
    public static EndpointIds after(Collection<String> storedIds, long nowMillis) {
        long last = nowMillis << PER_MILLISECOND_BITS;
        for (String id : storedIds) {
            if (isCounter(id)) {
                last = Math.max(last, Long.parseUnsignedLong(id, 16));
            }
        }
        return new EndpointIds(last);
    }

    @Override
    public String get() {
        String hex = Long.toHexString(last.incrementAndGet());
        return "0".repeat(DIGITS - hex.length()) + hex;
    }

    /** Whether {@code id} is one of these (not an "aor key" id stored before them). */
    static boolean isCounter(String id) {
        if (id.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
