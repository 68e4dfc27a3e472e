package org.ucfront.directory.model;

/**
 * What an administrator asks to create or change; null fields stay as they are. An empty
 * {@code homePool} or {@code primaryClusterType} clears it (the user is then homed on this pool).
 */
public record UserChange(String displayName, Boolean enabled, String password, String homePool,
        String primaryClusterType) {

    public UserChange(String displayName, Boolean enabled, String password) {
        this(displayName, enabled, password, null, null);
    }
}
