package org.ucfront.registrar.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.ucfront.launcher.UcfrontConfig;

/**
 * This server's pool (§3.1.2.1 Primary-Cluster-Type, Is-Connected-to-Primary) and how the
 * availability of its user services (Presence-Service-Available) is monitored.
 *
 * @param fqdn            this pool's identity, lower case; users whose home pool is another are
 *                        not connected to their primary
 * @param clusterType     this pool's primary-cluster-type, also the default of users' home pools
 * @param healthUrl       the user-services health check (http or https), or null: then only the
 *                        admin override changes the availability (no connection is opened)
 * @param healthIntervalSeconds time between two health checks
 * @param healthTimeoutMillis   connect and answer deadline of one check
 * @param healthFailures  consecutive failed checks that make the services unavailable
 */
public record PoolSettings(String fqdn, PrimaryClusterType clusterType, URI healthUrl, int healthIntervalSeconds,
        int healthTimeoutMillis, int healthFailures) {

    public static final String POOL_FQDN = "ucfront.pool.fqdn";
    public static final String POOL_CLUSTER_TYPE = "ucfront.pool.cluster.type";
    public static final String HEALTH_URL = "ucfront.userservices.health.url";
    public static final String HEALTH_INTERVAL = "ucfront.userservices.health.interval";
    public static final String HEALTH_TIMEOUT_MS = "ucfront.userservices.health.timeout.ms";
    public static final String HEALTH_FAILURES = "ucfront.userservices.health.failures";

    static final int DEFAULT_INTERVAL_SECONDS = 10;
    static final int DEFAULT_TIMEOUT_MS = 2000;
    static final int DEFAULT_FAILURES = 3;

    public static PoolSettings load(String domain) {
        return load(domain, UcfrontConfig::raw);
    }

    /** @throws UcfrontConfig.InvalidConfigException naming the setting that is wrong */
    public static PoolSettings load(String domain, UnaryOperator<String> raw) {
        String fqdn = value(raw, POOL_FQDN);
        fqdn = fqdn == null ? domain : fqdn.toLowerCase(Locale.ROOT);
        if (!HomePool.isFqdn(fqdn)) {
            throw invalid(POOL_FQDN, fqdn, "a host name");
        }
        String type = value(raw, POOL_CLUSTER_TYPE);
        PrimaryClusterType clusterType;
        try {
            clusterType = type == null ? PrimaryClusterType.CENTRAL : PrimaryClusterType.parse(type);
        } catch (IllegalArgumentException e) {
            throw invalid(POOL_CLUSTER_TYPE, type, "central or remote");
        }
        return new PoolSettings(fqdn, clusterType, healthUrl(value(raw, HEALTH_URL)),
                integer(raw, HEALTH_INTERVAL, DEFAULT_INTERVAL_SECONDS, 1, 3600),
                integer(raw, HEALTH_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, 100, 60_000),
                integer(raw, HEALTH_FAILURES, DEFAULT_FAILURES, 1, 100));
    }

    /** This pool as a home pool. */
    public HomePool pool() {
        return new HomePool(fqdn, clusterType);
    }

    private static URI healthUrl(String v) {
        if (v == null) {
            return null;
        }
        try {
            URI u = new URI(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return u;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(HEALTH_URL, v, "an http: or https: URL");
    }

    private static int integer(UnaryOperator<String> raw, String key, int fallback, int min, int max) {
        String v = value(raw, key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, v, "a whole number in " + min + ".." + max);
    }

    private static String value(UnaryOperator<String> raw, String key) {
        String v = raw.apply(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static UcfrontConfig.InvalidConfigException invalid(String key, String v, String expected) {
        return new UcfrontConfig.InvalidConfigException(key + "=" + v + " is not valid; expected " + expected);
    }
}
