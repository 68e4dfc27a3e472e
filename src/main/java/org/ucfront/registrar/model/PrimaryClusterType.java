package org.ucfront.registrar.model;

import java.util.Locale;

/** Where the user's home server is (§3.1.2.1 Primary-Cluster-Type, §2.2.1.4). */
public enum PrimaryClusterType {
    /** §2.2.1.4: the home server is in a central site. */
    CENTRAL("central"),
    /** §2.2.1.4: the home server is in a remote site. */
    REMOTE("remote");

    private final String value;

    PrimaryClusterType(String value) {
        this.value = value;
    }

    /** The primary-cluster-type-value without its quotes. */
    public String value() {
        return value;
    }

    /**
     * The type named by its value, case-insensitively.
     *
     * @throws IllegalArgumentException for anything but central or remote
     */
    public static PrimaryClusterType parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (PrimaryClusterType t : values()) {
            if (t.value.equals(v)) {
                return t;
            }
        }
        throw new IllegalArgumentException("expected central or remote, not '" + value + "'");
    }
}
