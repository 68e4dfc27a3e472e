package org.ucfront.clientversion.model;

import java.util.Objects;
import org.ucfront.sip.Tokens;

/**
 * An administered client version rule (§3.4.2.5): clients whose User-Agent has {@code product}
 * at a version that compares to {@code version} get {@code action}. Enabled rules are tried by
 * ascending {@code priority}; the first that matches decides.
 *
 * @param id        application-assigned (a UUID string), stable across edits
 * @param product   the product token, e.g. {@code OC} or {@code UCCAPI}, matched case-insensitively
 * @param url       the static or dynamic URL the action sends; null for actions without one
 */
public record ClientVersionRule(String id, String product, VersionComparison comparison, ClientVersion version,
        ClientVersionAction action, String url, int priority, boolean enabled) {

    /** ucfront's own bound on a product token. */
    public static final int MAX_PRODUCT_LENGTH = 64;
    /** ucfront's own bound on an id (a UUID string is 36). */
    public static final int MAX_ID_LENGTH = 64;

    /** @throws InvalidRuleException naming the first field that is missing or invalid */
    public ClientVersionRule {
        if (id == null || id.isEmpty() || id.length() > MAX_ID_LENGTH || !Tokens.isToken(id)) {
            throw new InvalidRuleException("id", "must be a token of at most " + MAX_ID_LENGTH + " characters");
        }
        if (product == null) {
            throw new InvalidRuleException("product", "required");
        }
        if (product.length() > MAX_PRODUCT_LENGTH || !Tokens.isToken(product)) {
            throw new InvalidRuleException("product", "must be a product token (RFC 3261 token) of at most "
                    + MAX_PRODUCT_LENGTH + " characters, e.g. OC");
        }
        if (comparison == null) {
            throw new InvalidRuleException("comparison", "required");
        }
        if (version == null) {
            throw new InvalidRuleException("version", "required");
        }
        if (action == null) {
            throw new InvalidRuleException("action", "required");
        }
        action.checkUrl(url);
        if (priority < 0) {
            throw new InvalidRuleException("priority", "must be 0 or more");
        }
    }

    /** True if this rule is enabled and the client's version of its product compares as it asks. */
    public boolean matches(UserAgent userAgent) {
        Objects.requireNonNull(userAgent, "userAgent");
        return enabled && userAgent.version(product).map(v -> comparison.test(v, version)).orElse(false);
    }
}
