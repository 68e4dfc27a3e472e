package org.ucfront.clientversion.model;

/**
 * What an administrator asks to create or change in a rule; null fields stay as they are. When a
 * change gives an action that takes no URL and no URL, the rule's URL is dropped with the old
 * action (so {@code {"action":"allow"}} alone turns a URL rule into a plain allow).
 */
public record ClientVersionRuleChange(String product, VersionComparison comparison, ClientVersion version,
        ClientVersionAction action, String url, Integer priority, Boolean enabled) {

    /**
     * Reads the text fields as the admin API receives them.
     *
     * @throws InvalidRuleException naming the field that cannot be read
     */
    public static ClientVersionRuleChange parse(String product, String comparison, String version, String action,
            String url, Integer priority, Boolean enabled) {
        VersionComparison c = comparison == null ? null : VersionComparison.fromText(comparison).orElseThrow(
                () -> new InvalidRuleException("comparison", "expected " + VersionComparison.EXPECTED));
        ClientVersion v = version == null ? null : ClientVersion.parse(version).orElseThrow(
                () -> new InvalidRuleException("version", "expected " + ClientVersion.EXPECTED));
        ClientVersionAction a = action == null ? null : ClientVersionAction.fromCode(action).orElseThrow(
                () -> new InvalidRuleException("action", "expected one of " + ClientVersionAction.codes()));
        return new ClientVersionRuleChange(product, c, v, a, url, priority, enabled);
    }

    /**
     * A new rule; product, comparison, version, action and priority are required, enabled
     * defaults to true.
     *
     * @throws InvalidRuleException naming the first field that is missing or invalid
     */
    public ClientVersionRule create(String id) {
        Object[] required = {product, comparison, version, action, priority};
        String[] names = {"product", "comparison", "version", "action", "priority"};
        for (int i = 0; i < required.length; i++) {
            if (required[i] == null) {
                throw new InvalidRuleException(names[i], "required");
            }
        }
        return new ClientVersionRule(id, product, comparison, version, action, url, priority,
                enabled == null || enabled);
    }

    /**
     * The rule with this change applied.
     *
     * @throws InvalidRuleException naming the first field of the result that is invalid
     */
    public ClientVersionRule applyTo(ClientVersionRule rule) {
        ClientVersionAction newAction = action != null ? action : rule.action();
        String newUrl = url != null ? url : newAction.takesUrl() ? rule.url() : null;
        return new ClientVersionRule(rule.id(),
                product != null ? product : rule.product(),
                comparison != null ? comparison : rule.comparison(),
                version != null ? version : rule.version(),
                newAction, newUrl,
                priority != null ? priority : rule.priority(),
                enabled != null ? enabled : rule.enabled());
    }
}
