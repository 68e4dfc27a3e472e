package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Test;
import org.ucfront.launcher.UcfrontConfig.InvalidConfigException;

public class PoolSettingsTest {

    private static PoolSettings load(Map<String, String> values) {
        return PoolSettings.load("fabrikam.com", values::get);
    }

    @Test
    public void defaultsToTheSipDomainAsACentralPoolWithoutHealthCheck() {
        PoolSettings s = load(Map.of());
        assertEquals(new HomePool("fabrikam.com", PrimaryClusterType.CENTRAL), s.pool());
        assertNull("no connection unless the admin configures one", s.healthUrl());
        assertEquals(PoolSettings.DEFAULT_INTERVAL_SECONDS, s.healthIntervalSeconds());
        assertEquals(PoolSettings.DEFAULT_TIMEOUT_MS, s.healthTimeoutMillis());
        assertEquals(PoolSettings.DEFAULT_FAILURES, s.healthFailures());
    }

    @Test
    public void readsThePoolAndTheHealthCheck() {
        PoolSettings s = load(Map.of(PoolSettings.POOL_FQDN, "Branch1.Fabrikam.com",
                PoolSettings.POOL_CLUSTER_TYPE, "remote",
                PoolSettings.HEALTH_URL, "https://presence.fabrikam.com/health",
                PoolSettings.HEALTH_INTERVAL, "5", PoolSettings.HEALTH_TIMEOUT_MS, "500",
                PoolSettings.HEALTH_FAILURES, "1"));
        assertEquals(new HomePool("branch1.fabrikam.com", PrimaryClusterType.REMOTE), s.pool());
        assertEquals("https://presence.fabrikam.com/health", s.healthUrl().toString());
        assertEquals(5, s.healthIntervalSeconds());
        assertEquals(500, s.healthTimeoutMillis());
        assertEquals(1, s.healthFailures());
    }

    @Test
    public void invalidSettingsNameTheirKey() {
        assertInvalid(PoolSettings.POOL_CLUSTER_TYPE, "branch");
        assertInvalid(PoolSettings.POOL_FQDN, "not a host");
        assertInvalid(PoolSettings.HEALTH_URL, "ftp://presence.fabrikam.com/");
        assertInvalid(PoolSettings.HEALTH_URL, "presence.fabrikam.com");
        assertInvalid(PoolSettings.HEALTH_INTERVAL, "0");
        assertInvalid(PoolSettings.HEALTH_TIMEOUT_MS, "soon");
    }

    private static void assertInvalid(String key, String value) {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> load(Map.of(key, value)));
        assertTrue(e.getMessage(), e.getMessage().startsWith(key + "="));
    }
}
