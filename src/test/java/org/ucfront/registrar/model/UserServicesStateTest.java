package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.ucfront.registrar.model.UserServicesState.Transition;

/** §3.1.2.1 Presence-Service-Available: health check verdicts and the admin override. */
public class UserServicesStateTest {

    @Test
    public void availableUntilTheConfiguredNumberOfChecksFailInARow() {
        UserServicesState s = new UserServicesState(3);
        assertTrue(s.available());
        assertEquals(Transition.NONE, s.probe(false));
        assertEquals(Transition.NONE, s.probe(false));
        assertEquals(Transition.NONE, s.probe(true)); // a success resets the count
        assertEquals(Transition.NONE, s.probe(false));
        assertEquals(Transition.NONE, s.probe(false));
        assertEquals(Transition.LOST, s.probe(false));
        assertFalse(s.available());
        assertEquals(Transition.NONE, s.probe(false)); // lost once, not on every failure
        assertEquals(Transition.RESTORED, s.probe(true));
        assertTrue(s.available());
    }

    @Test
    public void theOverrideWinsOverTheHealthCheckUntilCleared() {
        UserServicesState s = new UserServicesState(1);
        assertEquals(Transition.LOST, s.override(false));
        assertEquals(Boolean.FALSE, s.override());
        assertEquals(Transition.NONE, s.probe(true));
        assertFalse(s.available());
        assertTrue(s.healthy());
        assertEquals(Transition.RESTORED, s.override(null));
        assertNull(s.override());
        assertTrue(s.available());
    }

    @Test
    public void clearingTheOverrideOfAFailedServiceLosesIt() {
        UserServicesState s = new UserServicesState(1);
        assertEquals(Transition.NONE, s.override(true));
        assertEquals(Transition.NONE, s.probe(false));
        assertTrue(s.available());
        assertEquals(Transition.LOST, s.override(null));
    }

    @Test
    public void needsAtLeastOneFailure() {
        assertThrows(IllegalArgumentException.class, () -> new UserServicesState(0));
    }
}
