package org.ucfront.directory.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A SIP-enabled user. Credentials are kept only as Digest HA1 values (RFC 3261 §22, RFC 8760). */
@Entity
@Table(name = "sip_user")
public class SipUserEntity {

    @Id
    @Column(name = "uri")
    private String uri;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "ha1_md5")
    private String ha1Md5;

    @Column(name = "ha1_sha256")
    private String ha1Sha256;

    /** The NT hash, sealed (SealedSecrets); null when the user has no NTLM credentials. */
    @Column(name = "nt_hash_sealed")
    private String ntHashSealed;

    @Column(name = "home_pool")
    private String homePool;

    @Column(name = "primary_cluster_type")
    private String primaryClusterType;

    @Column(name = "created_at", nullable = false)
    private Timestamp createdAt;

    @Column(name = "updated_at", nullable = false)
    private Timestamp updatedAt;

    /** {@code local} (admin API) or {@code ldap} (directory synchronisation). */
    @Column(name = "source", nullable = false)
    private String source = "local";

    @Column(name = "home_server")
    private String homeServer;

    @Column(name = "registrar")
    private String registrar;

    protected SipUserEntity() {
    }

    public SipUserEntity(String uri, Instant now) {
        this.uri = uri;
        this.createdAt = Timestamp.from(now);
        this.updatedAt = Timestamp.from(now);
        this.enabled = true;
    }

    public String getUri() {
        return uri;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getHa1Md5() {
        return ha1Md5;
    }

    public String getHa1Sha256() {
        return ha1Sha256;
    }

    public String getNtHashSealed() {
        return ntHashSealed;
    }

    public void setNtHashSealed(String sealed) {
        this.ntHashSealed = sealed;
    }

    public void setHa1(String md5, String sha256) {
        this.ha1Md5 = md5;
        this.ha1Sha256 = sha256;
    }

    public String getHomePool() {
        return homePool;
    }

    public void setHomePool(String homePool) {
        this.homePool = homePool;
    }

    public String getPrimaryClusterType() {
        return primaryClusterType;
    }

    public void setPrimaryClusterType(String primaryClusterType) {
        this.primaryClusterType = primaryClusterType;
    }

    public Instant getCreatedAt() {
        return createdAt.toInstant();
    }

    public Instant getUpdatedAt() {
        return updatedAt.toInstant();
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getHomeServer() {
        return homeServer;
    }

    public String getRegistrar() {
        return registrar;
    }

    public void setHome(String homeServer, String registrar) {
        this.homeServer = homeServer;
        this.registrar = registrar;
    }

    public void touch(Instant now) {
        this.updatedAt = Timestamp.from(now);
    }
}
