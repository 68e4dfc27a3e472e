package org.ucfront.provisioning.model;

import java.util.Map;
import org.ucfront.sip.AddressOfRecord;

/**
 * What the groups of one answer are computed from: the user (null when a trusted server entity
 * asks), the server-wide settings, and the user's effective policy of each kind (assigned, else
 * global).
 */
public record ProvisioningContext(AddressOfRecord user, ProvisioningSettings settings, Map<String, Policy> policies) {

    public ProvisioningContext {
        policies = Map.copyOf(policies);
    }

    public ProvisioningContext(AddressOfRecord user, ProvisioningSettings settings) {
        this(user, settings, Map.of());
    }

    public Policy policy(String kind) {
        return policies.getOrDefault(kind, Policy.global(kind));
    }
}
