package org.ucfront.registrar.model;

import java.util.List;

/**
 * What a REGISTER did: the register-action for presence-state, the endpoint as it now is, the
 * user's routable endpoints (the registering one first), and the endpoints removed to keep the
 * user within the endpoint quota, which get a deregister NOTIFY (§3.2, 4140), and the ids of
 * idle endpoint identities dropped to keep their number bounded.
 */
public record RegisterResult(
        RegisterAction action,
        Endpoint endpoint,
        List<Endpoint> bindings,
        List<Endpoint> displaced,
        List<String> forgotten) {
}
