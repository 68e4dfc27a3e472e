package org.ucfront.directory.model;

/** What an administrator asks to create or change; null fields stay as they are. */
public record UserChange(String displayName, Boolean enabled, String password) {
}
