package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class PresenceStateTest {

    @Test
    public void writesTheSection411Value() {
        PresenceState s = new PresenceState(RegisterAction.ADDED, PrimaryClusterType.CENTRAL, true, true);
        assertEquals("register-action=\"added\";primary-cluster-type=\"central\";is-connected-to-primary=\"yes\"",
                s.toHeaderValue());
    }

    @Test
    public void appendsUserServicesStateWhenUnavailable() {
        PresenceState s = new PresenceState(RegisterAction.REFRESHED, PrimaryClusterType.REMOTE, false, false);
        assertEquals("register-action=\"refreshed\";primary-cluster-type=\"remote\";is-connected-to-primary=\"no\""
                + ";user-services-state=unavailable", s.toHeaderValue());
    }

    @Test
    public void writesFixed() {
        PresenceState s = new PresenceState(RegisterAction.FIXED, PrimaryClusterType.CENTRAL, false, true);
        assertEquals("register-action=\"fixed\";primary-cluster-type=\"central\";is-connected-to-primary=\"no\"",
                s.toHeaderValue());
    }

    @Test
    public void enumValuesAreTheSpecLiterals() {
        assertEquals("added", RegisterAction.ADDED.value());
        assertEquals("refreshed", RegisterAction.REFRESHED.value());
        assertEquals("fixed", RegisterAction.FIXED.value());
        assertEquals("central", PrimaryClusterType.CENTRAL.value());
        assertEquals("remote", PrimaryClusterType.REMOTE.value());
    }

    @Test
    public void isAValue() {
        assertEquals(new PresenceState(RegisterAction.ADDED, PrimaryClusterType.CENTRAL, true, true),
                new PresenceState(RegisterAction.ADDED, PrimaryClusterType.CENTRAL, true, true));
    }

    @Test
    public void requiresActionAndClusterType() {
        assertThrows(NullPointerException.class,
                () -> new PresenceState(null, PrimaryClusterType.CENTRAL, true, true));
        assertThrows(NullPointerException.class,
                () -> new PresenceState(RegisterAction.ADDED, null, true, true));
    }
}
