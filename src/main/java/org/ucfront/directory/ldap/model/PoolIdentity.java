package org.ucfront.directory.ldap.model;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * This server's place among the directory's servers: its pool (whose servers a user can be moved
 * between, §2.2.1.13 deactivated) and its registrar URI (any other is a preferred-registrar change).
 *
 * @param poolFqdn     this pool's FQDN, lower case (ucfront.pool.fqdn)
 * @param registrarUri this registrar's {@code sip:} URI, or null (ucfront.registrar.uri)
 */
public record PoolIdentity(String poolFqdn, String registrarUri) {

    private static final Pattern FQDN = Pattern.compile(
            "(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    public PoolIdentity {
        poolFqdn = poolFqdn.toLowerCase(Locale.ROOT);
    }

    /**
     * The FQDN a home server value names: the value itself, or for a DN (as AD's
     * msRTCSIP-PrimaryHomeServer) the first RDN value that is a dotted host name; else null.
     */
    public static String fqdnOf(String homeServer) {
        if (homeServer == null) {
            return null;
        }
        String v = homeServer.trim();
        if (FQDN.matcher(v).matches()) {
            return v.toLowerCase(Locale.ROOT);
        }
        for (String rdn : v.split(",")) {
            int eq = rdn.indexOf('=');
            String value = eq < 0 ? rdn.trim() : rdn.substring(eq + 1).trim();
            if (FQDN.matcher(value).matches()) {
                return value.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Whether a home server is this pool or one of its servers (a host under the pool's FQDN). */
    public boolean inPool(String homeServer) {
        String fqdn = fqdnOf(homeServer);
        return fqdn != null && (fqdn.equals(poolFqdn) || fqdn.endsWith("." + poolFqdn));
    }

    /**
     * The home pool to store for a user (§3.1.2.1): empty for this pool (the user is homed here),
     * another pool's FQDN, or null when there is no value or it names no host (nothing changes).
     */
    public String homePoolOf(String homeServer) {
        String fqdn = fqdnOf(homeServer);
        if (fqdn == null) {
            return null;
        }
        return inPool(fqdn) ? "" : fqdn;
    }

    public boolean isOwnRegistrar(String uri) {
        return registrarUri != null && registrarUri.equalsIgnoreCase(uri);
    }

    public static boolean isFqdn(String v) {
        return v != null && FQDN.matcher(v).matches();
    }
}
