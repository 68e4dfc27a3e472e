package org.ucfront.directory.model;

/**
 * What the directory synchronisation compares for one stored user: where it came from
 * ({@link #LOCAL} or {@link #LDAP}), whether it is enabled, and where it is homed.
 *
 * @param homeServer the directory's home server value as stored, or null
 * @param registrar  the directory's home registrar ({@code sip:} URI), or null
 */
public record DirectoryState(String source, boolean enabled, String homeServer, String registrar) {

    /** Created through the admin API; the directory never changes it. */
    public static final String LOCAL = "local";
    /** Owned by the enterprise directory. */
    public static final String LDAP = "ldap";

    public boolean fromDirectory() {
        return LDAP.equals(source);
    }
}
