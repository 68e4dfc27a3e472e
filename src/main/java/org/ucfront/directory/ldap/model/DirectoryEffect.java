package org.ucfront.directory.ldap.model;

import java.util.Objects;
import java.util.Optional;
import org.ucfront.directory.model.DirectoryState;
import org.ucfront.registrar.model.RegistrationEvent;

/**
 * What a directory change does to a user's registered endpoints (§2.2.1.13): each is deregistered
 * with this event's NOTIFY and its binding removed.
 *
 * @param registrar the new registrar for {@link RegistrationEvent#PREFERRED_REGISTRAR_CHANGE}, else null
 */
public record DirectoryEffect(RegistrationEvent event, String registrar) {

    public static final DirectoryEffect REJECTED = new DirectoryEffect(RegistrationEvent.REJECTED, null);
    public static final DirectoryEffect DEACTIVATED = new DirectoryEffect(RegistrationEvent.DEACTIVATED, null);

    public static DirectoryEffect preferredRegistrar(String registrar) {
        return new DirectoryEffect(RegistrationEvent.PREFERRED_REGISTRAR_CHANGE, Objects.requireNonNull(registrar));
    }

    /**
     * An administrator's action for one user: {@code rejected}, {@code deactivated} or
     * {@code preferred-registrar-change} (which needs the new registrar's {@code sip:} URI).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static DirectoryEffect parse(String event, String registrar) {
        if (event == null) {
            throw new IllegalArgumentException("event: required (rejected, deactivated or preferred-registrar-change)");
        }
        switch (event) {
            case "rejected":
                return REJECTED;
            case "deactivated":
                return DEACTIVATED;
            case "preferred-registrar-change":
                if (!isRegistrarUri(registrar)) {
                    throw new IllegalArgumentException("registrar: a sip: URI is required for preferred-registrar-change");
                }
                return preferredRegistrar(registrar);
            default:
                throw new IllegalArgumentException("event: " + event
                        + " is not one of rejected, deactivated, preferred-registrar-change");
        }
    }

    /**
     * A {@code sip:} URI of host, port and parameter characters only: it goes into the
     * P-Preferred-Registrar header (§2.2.1.8), so nothing that could end or add a header.
     */
    public static boolean isRegistrarUri(String v) {
        return v != null && v.regionMatches(true, 0, "sip:", 0, 4) && v.length() <= 255
                && v.substring(4).matches("[A-Za-z0-9][A-Za-z0-9.\\-_@:;=]*");
    }

    /**
     * The effect of the directory's view of a user on the stored one.
     *
     * @param before the stored user, or null for a new one (it has no endpoints yet)
     * @param after  the directory's entry
     */
    public static Optional<DirectoryEffect> of(DirectoryState before, DirectoryUser after, PoolIdentity pool) {
        if (before == null || !before.enabled()) {
            return Optional.empty();
        }
        if (!after.enabled()) {
            return Optional.of(REJECTED); // §4.1.3: disabled for SIP
        }
        if (after.registrar() != null && !after.registrar().equalsIgnoreCase(String.valueOf(before.registrar()))
                && !pool.isOwnRegistrar(after.registrar())) {
            return Optional.of(preferredRegistrar(after.registrar()));
        }
        if (after.homeServer() != null && before.homeServer() != null
                && !after.homeServer().equalsIgnoreCase(before.homeServer())) {
            if (pool.inPool(after.homeServer())) {
                return Optional.of(DEACTIVATED); // moved to another server of this pool
            }
            String fqdn = PoolIdentity.fqdnOf(after.homeServer());
            // homed on another pool: that pool's registrar; a value naming no host can only be a move
            return Optional.of(fqdn != null ? preferredRegistrar("sip:" + fqdn) : DEACTIVATED);
        }
        return Optional.empty();
    }
}
