package org.ucfront.management;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class RateTest {

    private static final long SECOND = 1_795_000_000L;

    @Test
    public void eventsOfTheCurrentSecondCount() {
        Rate rate = new Rate();
        rate.mark(SECOND);
        rate.mark(SECOND);
        rate.mark(SECOND);
        assertEquals(3.0 / Rate.SECONDS, rate.perSecond(SECOND), 1e-9);
    }

    @Test
    public void eventsLeaveTheWindowAfterAMinute() {
        Rate rate = new Rate();
        rate.mark(SECOND);
        rate.mark(SECOND + 1);
        assertEquals(2.0 / Rate.SECONDS, rate.perSecond(SECOND + Rate.SECONDS - 1), 1e-9);
        assertEquals(1.0 / Rate.SECONDS, rate.perSecond(SECOND + Rate.SECONDS), 1e-9);
        assertEquals(0.0, rate.perSecond(SECOND + Rate.SECONDS + 1), 1e-9);
    }

    @Test
    public void aSlotReusedAMinuteLaterStartsFromZero() {
        Rate rate = new Rate();
        rate.mark(SECOND);
        rate.mark(SECOND);
        rate.mark(SECOND + Rate.SECONDS); // same slot
        assertEquals(1.0 / Rate.SECONDS, rate.perSecond(SECOND + Rate.SECONDS), 1e-9);
    }
}
