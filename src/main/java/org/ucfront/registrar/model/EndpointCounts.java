package org.ucfront.registrar.model;

/**
 * Endpoints at one moment.
 *
 * @param registered       routable: a binding that has not expired
 * @param unbound          known without a binding (expired, unregistered, connection closed), kept so
 *                         that their next REGISTER is answered {@code fixed} (§3.2.2.5)
 * @param usersRegistered  users with at least one registered endpoint
 */
public record EndpointCounts(int registered, int unbound, int usersRegistered) {
}
