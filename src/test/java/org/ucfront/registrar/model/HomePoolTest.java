package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** §3.1.2.1 Primary-Cluster-Type and Is-Connected-to-Primary from a user's home pool. */
public class HomePoolTest {

    private static final HomePool HERE = new HomePool("pool1.fabrikam.com", PrimaryClusterType.CENTRAL);

    @Test
    public void aUserWithoutAHomePoolIsHomedHere() {
        HomePool home = HomePool.of(null, null, HERE);
        assertEquals(HERE, home);
        assertEquals("register-action=\"added\";primary-cluster-type=\"central\";is-connected-to-primary=\"yes\"",
                home.presenceState(RegisterAction.ADDED, HERE, true).toHeaderValue());
    }

    @Test
    public void aRemoteHomePoolIsNotThePrimaryOfThisServer() {
        HomePool home = HomePool.of("Branch.Fabrikam.com", PrimaryClusterType.REMOTE, HERE);
        assertEquals("branch.fabrikam.com", home.fqdn());
        assertFalse(home.connectedFrom(HERE));
        assertEquals("register-action=\"refreshed\";primary-cluster-type=\"remote\";is-connected-to-primary=\"no\"",
                home.presenceState(RegisterAction.REFRESHED, HERE, true).toHeaderValue());
    }

    @Test
    public void aHomePoolWithoutTypeTakesThisPoolsType() {
        HomePool home = HomePool.of("pool2.fabrikam.com", null, new HomePool("pool1", PrimaryClusterType.REMOTE));
        assertEquals(PrimaryClusterType.REMOTE, home.clusterType());
    }

    @Test
    public void theSamePoolInOtherCaseIsConnected() {
        assertTrue(HomePool.of("POOL1.fabrikam.com", PrimaryClusterType.CENTRAL, HERE).connectedFrom(HERE));
    }

    @Test
    public void unavailableUserServicesAreAppended() {
        assertEquals("register-action=\"fixed\";primary-cluster-type=\"central\";is-connected-to-primary=\"yes\""
                + ";user-services-state=unavailable",
                HERE.presenceState(RegisterAction.FIXED, HERE, false).toHeaderValue());
    }

    @Test
    public void fqdnsAreHostNames() {
        assertTrue(HomePool.isFqdn("pool1.fabrikam.com"));
        assertTrue(HomePool.isFqdn("localhost"));
        assertFalse(HomePool.isFqdn("pool1..fabrikam.com"));
        assertFalse(HomePool.isFqdn("-pool.fabrikam.com"));
        assertFalse(HomePool.isFqdn("pool 1"));
        assertFalse(HomePool.isFqdn(""));
        assertFalse(HomePool.isFqdn(null));
    }

    @Test
    public void clusterTypesParseTheirValues() {
        assertEquals(PrimaryClusterType.REMOTE, PrimaryClusterType.parse(" Remote "));
        assertEquals(PrimaryClusterType.CENTRAL, PrimaryClusterType.parse("central"));
        assertThrows(IllegalArgumentException.class, () -> PrimaryClusterType.parse("branch"));
        assertThrows(IllegalArgumentException.class, () -> PrimaryClusterType.parse(null));
    }
}
