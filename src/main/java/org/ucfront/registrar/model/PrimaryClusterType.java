package org.ucfront.registrar.model;

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
}
