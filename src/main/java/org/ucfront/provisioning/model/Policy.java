package org.ucfront.provisioning.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An administered policy of one kind: a name and values for some of its group's properties. A
 * property without a value takes the group's default (or is left out when it has none).
 */
public record Policy(String kind, String name, Map<String, String> values) {

    /** Policy names are identifiers an administrator types: letters, digits, - _ . and spaces. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

    /** Thrown for a policy that breaks its group's schema; the message names the field. */
    public static final class InvalidPolicyException extends IllegalArgumentException {
        private final String field;

        public InvalidPolicyException(String field, String problem) {
            super(field + ": " + problem);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public Policy {
        values = Map.copyOf(values);
    }

    /** The global policy of a kind before an administrator changes it: all defaults. */
    public static Policy global(String kind) {
        return new Policy(kind, PolicyGroup.GLOBAL, Map.of());
    }

    /** Checks the name and every value against the group's schema. */
    public static Policy validated(PolicyGroup group, String name, Map<String, String> values) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidPolicyException("name", "must be 1 to 64 letters, digits, spaces, '.', '-' or '_'");
        }
        Map<String, PolicyGroup.Property> schema = new LinkedHashMap<>();
        group.properties().forEach(p -> schema.put(p.name(), p));
        Map<String, String> checked = new LinkedHashMap<>();
        for (Map.Entry<String, String> v : values.entrySet()) {
            PolicyGroup.Property p = schema.get(v.getKey());
            if (p == null) {
                throw new InvalidPolicyException("properties." + v.getKey(), "is not a property of " + group.name());
            }
            if (v.getValue() == null) {
                throw new InvalidPolicyException("properties." + v.getKey(), "must have a value");
            }
            String problem = p.domain().problem(v.getValue());
            if (problem != null) {
                throw new InvalidPolicyException("properties." + v.getKey(), problem);
            }
            checked.put(v.getKey(), v.getValue());
        }
        return new Policy(group.policyKind(), name, checked);
    }
}
