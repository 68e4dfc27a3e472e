package org.ucfront.sip.flood;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class OverloadValveTest {

    @Test
    public void aQueueDelayUpToItsBoundAdmitsEveryRequest() {
        assertFalse(OverloadValve.backlogged(1000, 1000, false));
        assertFalse(OverloadValve.backlogged(0, 1000, false));
    }

    @Test
    public void beyondItsBoundOnlyRequestsWithCredentialsAreAdmitted() {
        assertTrue(OverloadValve.backlogged(1001, 1000, false));
        assertFalse(OverloadValve.backlogged(1001, 1000, true));
        assertFalse(OverloadValve.backlogged(2000, 1000, true));
    }

    @Test
    public void beyondTwiceItsBoundNoNewRequestIsAdmitted() {
        assertTrue(OverloadValve.backlogged(2001, 1000, true));
        assertTrue(OverloadValve.backlogged(2001, 1000, false));
    }

    @Test
    public void aBoundOfZeroNeverSheds() {
        assertFalse(OverloadValve.backlogged(Integer.MAX_VALUE, 0, false));
    }
}
