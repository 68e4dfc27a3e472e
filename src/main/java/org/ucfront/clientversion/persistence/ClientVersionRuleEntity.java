package org.ucfront.clientversion.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.ucfront.clientversion.model.ClientVersion;
import org.ucfront.clientversion.model.ClientVersionAction;
import org.ucfront.clientversion.model.ClientVersionRule;
import org.ucfront.clientversion.model.InvalidRuleException;
import org.ucfront.clientversion.model.VersionComparison;

/** A stored client version rule. Comparison and action are kept as their API codes ({@code ge}, {@code allow}). */
@Entity
@Table(name = "client_version_rule")
public class ClientVersionRuleEntity {

    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "product", nullable = false)
    private String product;
    @Column(name = "comparison", nullable = false)
    private String comparison;
    @Column(name = "client_version", nullable = false)
    private String clientVersion;
    @Column(name = "rule_action", nullable = false)
    private String action;
    @Column(name = "url")
    private String url;
    @Column(name = "priority", nullable = false)
    private int priority;
    @Column(name = "enabled", nullable = false)
    private boolean enabled;
    @Column(name = "created_at", nullable = false)
    private Timestamp createdAt;
    @Column(name = "updated_at", nullable = false)
    private Timestamp updatedAt;

    protected ClientVersionRuleEntity() {
    }

    public ClientVersionRuleEntity(ClientVersionRule rule, Instant now) {
        this.id = rule.id();
        this.createdAt = Timestamp.from(now);
        copy(rule, now);
    }

    /** Takes the rule's fields (not its id). */
    public void copy(ClientVersionRule rule, Instant now) {
        product = rule.product();
        comparison = rule.comparison().code();
        clientVersion = rule.version().toString();
        action = rule.action().code();
        url = rule.url();
        priority = rule.priority();
        enabled = rule.enabled();
        updatedAt = Timestamp.from(now);
    }

    /**
     * The rule this row holds.
     *
     * @throws InvalidRuleException if the row was edited into something the API would refuse
     */
    public ClientVersionRule toRule() {
        return new ClientVersionRule(id, product,
                VersionComparison.fromText(comparison).orElseThrow(
                        () -> new InvalidRuleException("comparison", "unknown '" + comparison + "'")),
                ClientVersion.parse(clientVersion).orElseThrow(
                        () -> new InvalidRuleException("version", "expected " + ClientVersion.EXPECTED)),
                ClientVersionAction.fromCode(action).orElseThrow(
                        () -> new InvalidRuleException("action", "unknown '" + action + "'")),
                url, priority, enabled);
    }

    public String getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }
}
