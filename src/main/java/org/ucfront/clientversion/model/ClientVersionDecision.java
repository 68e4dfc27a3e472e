package org.ucfront.clientversion.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What client version control decided for one REGISTER (§3.4.2.5.1): the action, the URL it
 * sends, and the rule that decided (null when the configured default did).
 */
public record ClientVersionDecision(ClientVersionAction action, String url, String ruleId) {

    public ClientVersionDecision {
        Objects.requireNonNull(action, "action");
    }

    /** True if the client gets 403 and no binding. */
    public boolean blocked() {
        return action.blocks();
    }

    /** The Warning header value to send, if the action sends one. */
    public Optional<String> warning() {
        return action.warning(url).map(ClientVersionWarning::toHeaderValue);
    }

    /** True if no rule matched and the configured default applied. */
    public boolean byDefault() {
        return ruleId == null;
    }

    /** For logs: {@code rule <id>} or {@code default}. */
    public String decidedBy() {
        return byDefault() ? "default" : "rule " + ruleId;
    }
}
