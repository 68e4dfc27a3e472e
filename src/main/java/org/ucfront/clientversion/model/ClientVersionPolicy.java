package org.ucfront.clientversion.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rules in force and the configured default (§3.4.2.5): the first enabled rule, by ascending
 * priority, whose product and version match the User-Agent decides; the default applies when
 * none does, which includes a User-Agent without a parsable version. Equal priorities keep the
 * order given (the store gives creation order). Immutable.
 */
public final class ClientVersionPolicy {

    private final List<ClientVersionRule> rules;
    private final ClientVersionDecision fallback;

    /** @throws InvalidRuleException if the default action's URL does not suit it */
    public ClientVersionPolicy(List<ClientVersionRule> rules, ClientVersionAction defaultAction, String defaultUrl) {
        defaultAction.checkUrl(defaultUrl);
        List<ClientVersionRule> ordered = new ArrayList<>(rules);
        ordered.sort(Comparator.comparingInt(ClientVersionRule::priority)); // stable
        this.rules = List.copyOf(ordered);
        this.fallback = new ClientVersionDecision(defaultAction, defaultUrl, null);
    }

    /** Decides for a User-Agent header value (null when the REGISTER has none). */
    public ClientVersionDecision decide(String userAgent) {
        UserAgent agent = UserAgent.parse(userAgent);
        for (ClientVersionRule rule : rules) {
            if (rule.matches(agent)) {
                return new ClientVersionDecision(rule.action(), rule.url(), rule.id());
            }
        }
        return fallback;
    }

    /** Every rule, enabled or not, in the order they are tried. */
    public List<ClientVersionRule> rules() {
        return rules;
    }

    /** The decision when no rule matches. */
    public ClientVersionDecision defaultDecision() {
        return fallback;
    }
}
