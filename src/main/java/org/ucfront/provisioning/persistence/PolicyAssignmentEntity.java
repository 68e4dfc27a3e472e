package org.ucfront.provisioning.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Which named policy of a kind a user has (users without one have the global policy). */
@Entity
@Table(name = "policy_assignment")
public class PolicyAssignmentEntity {

    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "user_uri", nullable = false)
    private String userUri;
    @Column(name = "kind", nullable = false)
    private String kind;
    @Column(name = "policy_name", nullable = false)
    private String policyName;

    protected PolicyAssignmentEntity() {
    }

    public PolicyAssignmentEntity(String userUri, String kind, String policyName) {
        this.id = id(userUri, kind);
        this.userUri = userUri;
        this.kind = kind;
        this.policyName = policyName;
    }

    public static String id(String userUri, String kind) {
        return userUri + " " + kind;
    }

    public String getUserUri() {
        return userUri;
    }

    public String getKind() {
        return kind;
    }

    public String getPolicyName() {
        return policyName;
    }

    public void setPolicyName(String policyName) {
        this.policyName = policyName;
    }
}
