package org.ucfront.directory.model;

/**
 * What an administrator asks to create or change; null fields stay as they are. An empty
 * {@code homePool} or {@code primaryClusterType} clears it (the user is then homed on this pool).
 * {@code password} sets the Digest HA1s and the NT hash; {@code ntHash} (32 hexadecimal digits, e.g.
 * exported from the directory) sets the NT hash alone, and an empty one removes it.
 */
public record UserChange(String displayName, Boolean enabled, String password, String homePool,
        String primaryClusterType, String ntHash) {

    public UserChange(String displayName, Boolean enabled, String password, String homePool,
            String primaryClusterType) {
        this(displayName, enabled, password, homePool, primaryClusterType, null);
    }

    public UserChange(String displayName, Boolean enabled, String password) {
        this(displayName, enabled, password, null, null, null);
    }
}
