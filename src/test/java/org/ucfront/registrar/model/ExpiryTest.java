package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;
import org.ucfront.registrar.model.Expiry.Decision;
import org.ucfront.registrar.model.Expiry.Outcome;
import org.ucfront.sip.MalformedHeaderException;

public class ExpiryTest {
    private final Expiry policy = new Expiry(3600, 60, 7200);

    private static Decision granted(int s) {
        return new Decision(Outcome.GRANTED, s);
    }

    @Test
    public void contactParameterWinsOverExpiresHeader() {
        assertEquals(granted(1800), policy.decide(1800L, 3000L));
        assertEquals(new Decision(Outcome.UNREGISTER, 0), policy.decide(0L, 3000L));
        assertEquals(granted(3000), policy.decide(3000L, 0L));
    }

    @Test
    public void expiresHeaderWhenNoContactParameter() {
        assertEquals(granted(3000), policy.decide(null, 3000L));
        assertEquals(new Decision(Outcome.UNREGISTER, 0), policy.decide(null, 0L)); // §4.1.2
    }

    @Test
    public void defaultWhenNothingRequested() {
        assertEquals(granted(3600), policy.decide(null, null));
    }

    @Test
    public void belowMinimumIsIntervalTooBriefWithMinExpires() {
        assertEquals(new Decision(Outcome.INTERVAL_TOO_BRIEF, 60), policy.decide(1L, null));
        assertEquals(new Decision(Outcome.INTERVAL_TOO_BRIEF, 60), policy.decide(null, 59L));
        assertEquals(granted(60), policy.decide(null, 60L));
    }

    @Test
    public void aboveMaximumIsShortened() {
        assertEquals(granted(7200), policy.decide(7200L, null));
        assertEquals(granted(7200), policy.decide(7201L, null));
        assertEquals(granted(7200), policy.decide(Expiry.MAX_DELTA_SECONDS, null));
    }

    @Test
    public void floorOfThirtySecondsFromSection3122() {
        Expiry floor = new Expiry(7200, 30, 7200);
        assertEquals(new Decision(Outcome.INTERVAL_TOO_BRIEF, 30), floor.decide(29L, null));
        assertEquals(granted(30), floor.decide(30L, null));
        assertEquals(granted(7200), floor.decide(null, null)); // §4.1.1 grants 7200
    }

    @Test
    public void refusesInconsistentPolicies() {
        assertThrows(IllegalArgumentException.class, () -> new Expiry(3600, 29, 7200));
        assertThrows(IllegalArgumentException.class, () -> new Expiry(30, 60, 7200));
        assertThrows(IllegalArgumentException.class, () -> new Expiry(8000, 60, 7200));
        assertThrows(IllegalArgumentException.class, () -> new Expiry(60, 60, 59));
    }

    @Test
    public void refusesNegativeRequests() {
        assertThrows(IllegalArgumentException.class, () -> policy.decide(-1L, null));
        assertThrows(IllegalArgumentException.class, () -> policy.decide(null, -5L));
    }

    @Test
    public void parsesDeltaSeconds() {
        assertEquals(7200, Expiry.parseDeltaSeconds("7200"));
        assertEquals(0, Expiry.parseDeltaSeconds(" 0 "));
        assertEquals(4_294_967_295L, Expiry.parseDeltaSeconds("4294967296"));
        assertEquals(4_294_967_295L, Expiry.parseDeltaSeconds("9".repeat(32)));
    }

    @Test
    public void rejectsMalformedDeltaSeconds() {
        String[] bad = {null, "", " ", "-1", "+1", "1.5", "abc", "12a", "0x10", "9".repeat(33)};
        for (String s : bad) {
            assertThrows(String.valueOf(s), MalformedHeaderException.class, () -> Expiry.parseDeltaSeconds(s));
        }
    }
}
