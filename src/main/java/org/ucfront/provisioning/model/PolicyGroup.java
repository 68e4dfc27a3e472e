package org.ucfront.provisioning.model;

import java.util.List;

/**
 * A provision group whose values come from administered policy, as Lync has meeting, UC,
 * location, presence and client policies: the group declares its properties (name, value domain,
 * default, in answer order, from its §2.2.2.5.x data model), and each user is served the policy
 * assigned to them, or the global one.
 */
public interface PolicyGroup extends ProvisionGroup {

    /** The name of the policy every user has unless another is assigned. */
    String GLOBAL = "Global";

    /** A property of the group's schema. */
    record Property(String name, ValueDomain domain, String defaultValue) {
        public Property {
            if (defaultValue != null && domain.problem(defaultValue) != null) {
                throw new IllegalArgumentException(name + " default " + defaultValue + " " + domain.problem(defaultValue));
            }
        }
    }

    /** The kind of policy as the admin API names it, e.g. {@code meeting}. */
    String policyKind();

    List<Property> properties();

    /** The value served for a property: the user's policy's, else the default (null: left out). */
    default String value(ProvisioningContext context, Property p) {
        String v = context.policy(policyKind()).values().get(p.name());
        return v != null ? v : p.defaultValue();
    }
}
