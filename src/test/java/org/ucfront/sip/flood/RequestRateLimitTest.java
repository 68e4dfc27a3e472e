package org.ucfront.sip.flood;

import static org.junit.Assert.assertEquals;

import org.junit.Test;
import org.ucfront.sip.flood.RequestRateLimit.Verdict;

public class RequestRateLimitTest {

    @Test
    public void aBurstOfTwiceTheRateIsAcceptedThenRefusedThenDropped() {
        RequestRateLimit limit = new RequestRateLimit(10); // burst 20, debt down to -20
        int accepted = 0, refused = 0, dropped = 0;
        for (int i = 0; i < 100; i++) {
            switch (limit.admit("192.0.2.1", 1_000)) {
                case ACCEPT -> accepted++;
                case REFUSE -> refused++;
                case DROP -> dropped++;
            }
        }
        assertEquals(20, accepted);
        assertEquals(20, refused);
        assertEquals(60, dropped);
    }

    @Test
    public void tokensComeBackAtTheRateAndOtherKeysAreNotAffected() {
        RequestRateLimit limit = new RequestRateLimit(10);
        for (int i = 0; i < 20; i++) {
            assertEquals(Verdict.ACCEPT, limit.admit("a", 0));
        }
        assertEquals(Verdict.REFUSE, limit.admit("a", 0)); // tokens -1
        assertEquals(Verdict.ACCEPT, limit.admit("b", 0));
        assertEquals(1, limit.retryAfterSeconds("a")); // 2 tokens missing at 10/s
        assertEquals(Verdict.REFUSE, limit.admit("a", 100)); // +1 token: 0, still below 1
        assertEquals(Verdict.ACCEPT, limit.admit("a", 300)); // +2: 1
    }

    @Test
    public void zeroDisablesTheLimit() {
        RequestRateLimit limit = new RequestRateLimit(0);
        for (int i = 0; i < 1000; i++) {
            assertEquals(Verdict.ACCEPT, limit.admit("a", 0));
        }
    }

    @Test
    public void idleKeysAreForgotten() {
        RequestRateLimit limit = new RequestRateLimit(1000);
        for (int i = 0; i < 9_999; i++) {
            limit.admit("k" + i, 0);
        }
        assertEquals(9_999, limit.keys());
        limit.admit("late", RequestRateLimit.IDLE_MS + 1); // the 10,000th request sweeps
        assertEquals(1, limit.keys());
    }
}
