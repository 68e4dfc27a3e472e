package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.Test;

public class RegistrationEventTest {

    private static int contentLength(RegistrationEvent e) {
        return e.body().getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    public void headersOfEveryNotify() {
        assertEquals("registration-notify", RegistrationEvent.EVENT_TYPE);
        assertEquals("text/registration-event", RegistrationEvent.CONTENT_TYPE);
    }

    @Test
    public void deregistrationOfSection413() {
        RegistrationEvent e = RegistrationEvent.REJECTED;
        assertEquals("deregistered;event=rejected", e.body());
        assertEquals(27, contentLength(e)); // Content-Length of §4.1.3
        assertEquals("4141;reason=\"User disabled\"", e.diagnostics());
        assertEquals("terminated;expires=0", e.subscriptionState(0));
        assertEquals("terminated;expires=0", e.subscriptionState(3600));
        assertFalse(e.keepsSubscription());
    }

    @Test
    public void survivableModeOfSection414() {
        RegistrationEvent e = RegistrationEvent.SURVIVABLE;
        assertEquals("registered;event=userservices-unavailable", e.body());
        assertEquals(41, contentLength(e)); // Content-Length of §4.1.4
        assertEquals("4165;reason=\"User Services Pool is unavailable.\"", e.diagnostics());
        assertEquals("active;expires=900", e.subscriptionState(900));
        assertTrue(e.keepsSubscription());
    }

    @Test
    public void registrarChangeOfSection415() {
        RegistrationEvent e = RegistrationEvent.PREFERRED_REGISTRAR_CHANGE;
        assertEquals("deregistered;event=preferred-registrar-change", e.body());
        assertEquals(45, contentLength(e)); // §4.1.5 says 41; DIGEST §8 corrects it to 45
        assertEquals("4166;reason=\"Preferred Registrar Change.\"", e.diagnostics());
        assertEquals("terminated;expires=0", e.subscriptionState(10));
        assertTrue(e.needsPreferredRegistrar());
        assertFalse(RegistrationEvent.REJECTED.needsPreferredRegistrar());
    }

    @Test
    public void otherBodiesAndErrorIdsOfSection2213() {
        assertEquals("deregistered;event=unregistered", RegistrationEvent.UNREGISTERED.body());
        assertEquals(4140, RegistrationEvent.UNREGISTERED.errorId());
        assertEquals("deregistered;event=deactivated", RegistrationEvent.DEACTIVATED.body());
        assertEquals(4142, RegistrationEvent.DEACTIVATED.errorId());
        assertEquals("deregistered;event=userservices-unavailable", RegistrationEvent.USERSERVICES_UNAVAILABLE.body());
        assertEquals(4165, RegistrationEvent.USERSERVICES_UNAVAILABLE.errorId());
        assertEquals("4165;reason=\"User Services Pool is unavailable.\"",
                RegistrationEvent.USERSERVICES_UNAVAILABLE.diagnostics());
        assertEquals("terminated;expires=0", RegistrationEvent.USERSERVICES_UNAVAILABLE.subscriptionState(100));
    }

    @Test
    public void onlySurvivableKeepsTheSubscriptionAndBodiesAreDistinct() {
        Set<String> bodies = new HashSet<>();
        for (RegistrationEvent e : RegistrationEvent.values()) {
            assertTrue(bodies.add(e.body()));
            assertEquals(e.name(), e == RegistrationEvent.SURVIVABLE, e.keepsSubscription());
            assertEquals(e.name(), e.body().startsWith("registered;"), e.keepsSubscription());
        }
    }

    @Test
    public void survivableRejectsNegativeSecondsLeft() {
        assertThrows(IllegalArgumentException.class, () -> RegistrationEvent.SURVIVABLE.subscriptionState(-1));
    }
}
