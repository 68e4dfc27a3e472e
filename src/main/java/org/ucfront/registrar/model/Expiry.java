package org.ucfront.registrar.model;

import org.ucfront.sip.MalformedHeaderException;
import org.ucfront.sip.Tokens;

/**
 * The registrar's expiry policy (RFC 3261 §10.3 steps 6–7, MS-SIPREGE §3.1.2.2): picks the
 * interval requested by a binding and decides what to grant.
 *
 * <ul>
 * <li>requested = the Contact's {@code expires} parameter, else the Expires header, else the
 *     configured default;</li>
 * <li>0 → unregister;</li>
 * <li>below the minimum → 423 Interval Too Brief with Min-Expires = minimum;</li>
 * <li>above the maximum → the maximum (a registrar may shorten, never lengthen, §10.3 step 7);</li>
 * <li>otherwise the requested value.</li>
 * </ul>
 */
public final class Expiry {
    /** MS-SIPREGE §3.1.2.2: the registrar MUST NOT grant less than 30 seconds. */
    public static final int MINIMUM_FLOOR = 30;
    /** RFC 3261 §20.19: delta-seconds range up to 2**32-1; larger values are read as this. */
    public static final long MAX_DELTA_SECONDS = 4_294_967_295L;
    /** ucfront's own bound on the digits of a delta-seconds value. */
    private static final int MAX_DIGITS = 32;

    /** What the registrar does with the binding. */
    public enum Outcome {
        /** Bind or refresh for {@link Decision#seconds()}. */
        GRANTED,
        /** Remove the binding; {@link Decision#seconds()} is 0. */
        UNREGISTER,
        /** Answer 423 with Min-Expires = {@link Decision#seconds()}. */
        INTERVAL_TOO_BRIEF
    }

    /** The outcome and its number of seconds (granted, 0, or the Min-Expires to send). */
    public record Decision(Outcome outcome, int seconds) {
    }

    private final int defaultSeconds;
    private final int minSeconds;
    private final int maxSeconds;

    /**
     * @throws IllegalArgumentException unless 30 ≤ min ≤ default ≤ max
     */
    public Expiry(int defaultSeconds, int minSeconds, int maxSeconds) {
        if (minSeconds < MINIMUM_FLOOR) {
            throw new IllegalArgumentException("minimum expiry " + minSeconds + " s is below the "
                    + MINIMUM_FLOOR + " s of MS-SIPREGE 3.1.2.2");
        }
        if (defaultSeconds < minSeconds || defaultSeconds > maxSeconds) {
            throw new IllegalArgumentException("need min <= default <= max, got " + minSeconds + " <= "
                    + defaultSeconds + " <= " + maxSeconds);
        }
        this.defaultSeconds = defaultSeconds;
        this.minSeconds = minSeconds;
        this.maxSeconds = maxSeconds;
    }

    public int defaultSeconds() {
        return defaultSeconds;
    }

    public int minSeconds() {
        return minSeconds;
    }

    public int maxSeconds() {
        return maxSeconds;
    }

    /**
     * @param contactExpires the Contact's expires parameter, or null if absent
     * @param expiresHeader  the Expires header, or null if absent
     * @throws IllegalArgumentException if a value is negative (parse with {@link #parseDeltaSeconds})
     */
    public Decision decide(Long contactExpires, Long expiresHeader) {
        long requested = contactExpires != null ? contactExpires
                : expiresHeader != null ? expiresHeader : defaultSeconds;
        if (requested < 0) {
            throw new IllegalArgumentException("expiry must not be negative: " + requested);
        }
        if (requested == 0) {
            return new Decision(Outcome.UNREGISTER, 0);
        }
        if (requested < minSeconds) {
            return new Decision(Outcome.INTERVAL_TOO_BRIEF, minSeconds);
        }
        return new Decision(Outcome.GRANTED, (int) Math.min(requested, maxSeconds));
    }

    /**
     * Reads a delta-seconds value (RFC 3261 §25.1: 1*DIGIT), surrounding whitespace ignored;
     * values above 2**32-1 are read as 2**32-1 (§20.19).
     *
     * @throws MalformedHeaderException if it is not digits, or more than 32 of them
     */
    public static long parseDeltaSeconds(String value) {
        if (value == null) {
            throw new MalformedHeaderException("expires: missing value");
        }
        String s = value.strip();
        if (s.isEmpty() || s.length() > MAX_DIGITS) {
            throw new MalformedHeaderException("expires: not delta-seconds: '" + Tokens.excerpt(s) + "'");
        }
        long result = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Tokens.isDigit(c)) {
                throw new MalformedHeaderException("expires: not delta-seconds: '" + Tokens.excerpt(s) + "'");
            }
            result = Math.min(result * 10 + (c - '0'), MAX_DELTA_SECONDS);
        }
        return result;
    }
}
