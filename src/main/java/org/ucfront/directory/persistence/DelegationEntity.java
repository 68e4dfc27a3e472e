package org.ucfront.directory.persistence;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A delegate's right to act for a delegator (§2.2.2.1), as administered. */
@Entity
@Table(name = "delegation")
public class DelegationEntity {

    @Id
    @Column(name = "id")
    private String id;
    @Column(name = "delegator_uri", nullable = false)
    private String delegatorUri;
    @Column(name = "delegate_uri", nullable = false)
    private String delegateUri;

    protected DelegationEntity() {
    }

    public DelegationEntity(String delegatorUri, String delegateUri) {
        this.id = id(delegatorUri, delegateUri);
        this.delegatorUri = delegatorUri;
        this.delegateUri = delegateUri;
    }

    public static String id(String delegatorUri, String delegateUri) {
        return delegatorUri + " " + delegateUri;
    }

    public String getDelegateUri() {
        return delegateUri;
    }
}
