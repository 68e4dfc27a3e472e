package org.ucfront.directory.ldap.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class PoolIdentityTest {

    static final PoolIdentity POOL = new PoolIdentity("Pool1.Fabrikam.com", "sip:pool1.fabrikam.com");

    /** §3.1.2.1: a home server of this pool homes the user here (stored as empty), another pool is kept. */
    @Test
    public void theHomePoolOfAHomeServer() {
        assertEquals("", POOL.homePoolOf("pool1.fabrikam.com"));
        assertEquals("", POOL.homePoolOf("FE1.pool1.fabrikam.com"));
        assertEquals("", POOL.homePoolOf("CN=Lc Services,CN=Microsoft,CN=fe1.pool1.fabrikam.com,CN=Pools,"
                + "CN=RTC Service,CN=Services,CN=Configuration,DC=fabrikam,DC=com"));
        assertEquals("pool2.contoso.com", POOL.homePoolOf("Pool2.Contoso.com"));
        assertEquals("pool2.contoso.com", POOL.homePoolOf("CN=Lc Services,CN=Microsoft,CN=pool2.contoso.com,CN=Pools"));
        assertEquals("xpool1.fabrikam.com", POOL.homePoolOf("xpool1.fabrikam.com")); // not a server of pool1
        assertNull(POOL.homePoolOf(null));
        assertNull(POOL.homePoolOf("CN=Lc Services,CN=Microsoft")); // names no host: unchanged
    }
}
