package org.ucfront.registrar.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user's home pool (§3.1.2.1): the pool that hosts their user services, and whether it is in a
 * central or a remote site. From it and this server's own pool come the cluster fields of the
 * presence-state header (§2.2.1.4).
 *
 * @param fqdn the pool's FQDN, lower case
 */
public record HomePool(String fqdn, PrimaryClusterType clusterType) {

    /** RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens. */
    private static final Pattern FQDN = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    static final int MAX_FQDN_LENGTH = 253;

    public HomePool {
        Objects.requireNonNull(fqdn, "fqdn");
        Objects.requireNonNull(clusterType, "clusterType");
        fqdn = fqdn.toLowerCase(Locale.ROOT);
    }

    /**
     * The user's home pool: a user with none stored is homed on this server's pool; a stored pool
     * without a type takes this pool's type.
     *
     * @param fqdn the user's stored home pool, or null
     * @param type the user's stored primary-cluster-type, or null
     */
    public static HomePool of(String fqdn, PrimaryClusterType type, HomePool own) {
        if (fqdn == null) {
            return type == null ? own : new HomePool(own.fqdn(), type);
        }
        return new HomePool(fqdn, type != null ? type : own.clusterType());
    }

    /** §3.1.2.1 Is-Connected-to-Primary: this server's pool is the user's home pool. */
    public boolean connectedFrom(HomePool server) {
        return fqdn.equals(server.fqdn());
    }

    /** The presence-state of a 200 OK for a user homed here (§3.1.2.5.1). */
    public PresenceState presenceState(RegisterAction action, HomePool server, boolean userServicesAvailable) {
        return new PresenceState(action, clusterType, connectedFrom(server), userServicesAvailable);
    }

    public static boolean isFqdn(String value) {
        return value != null && value.length() <= MAX_FQDN_LENGTH && FQDN.matcher(value).matches();
    }
}
