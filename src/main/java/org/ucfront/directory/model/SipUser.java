package org.ucfront.directory.model;

import org.ucfront.security.digest.DigestAlgorithm;

/**
 * A user as the registrar sees it: identity, state, the stored Digest HA1 values, and their home
 * pool (MS-SIPREGE §3.1.2.1): its FQDN and primary-cluster-type value, each null when not set.
 */
public record SipUser(String uri, String displayName, boolean enabled, String ha1Md5, String ha1Sha256,
        String homePool, String primaryClusterType) {

    /** A user homed on this server's pool. */
    public SipUser(String uri, String displayName, boolean enabled, String ha1Md5, String ha1Sha256) {
        this(uri, displayName, enabled, ha1Md5, ha1Sha256, null, null);
    }

    /** The stored HA1 for an algorithm, or null when none is stored for it. */
    public String ha1(DigestAlgorithm algorithm) {
        return algorithm == DigestAlgorithm.MD5 ? ha1Md5 : ha1Sha256;
    }

    /** The Digest username: the user part of the address (realm = the SIP domain). */
    public String digestUsername() {
        return uri.substring(0, uri.lastIndexOf('@'));
    }
}
