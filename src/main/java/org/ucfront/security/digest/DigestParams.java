package org.ucfront.security.digest;

/** Scheme and parameter names of Digest challenges and credentials (RFC 3261 §25.1, RFC 8760). */
public final class DigestParams {
    private DigestParams() {
    }

    /** RFC 3261 §25.1 challenge / credentials: the auth-scheme (compared case-insensitively). */
    public static final String SCHEME = "Digest";
    /** RFC 3261 §25.1 username. */
    public static final String USERNAME = "username";
    /** RFC 3261 §25.1 realm. */
    public static final String REALM = "realm";
    /** RFC 3261 §25.1 nonce. */
    public static final String NONCE = "nonce";
    /** RFC 3261 §25.1 digest-uri. */
    public static final String URI = "uri";
    /** RFC 3261 §25.1 dresponse. */
    public static final String RESPONSE = "response";
    /** RFC 3261 §25.1 algorithm (absent means MD5). */
    public static final String ALGORITHM = "algorithm";
    /** RFC 3261 §25.1 cnonce. */
    public static final String CNONCE = "cnonce";
    /** RFC 3261 §25.1 message-qop / qop-options. */
    public static final String QOP = "qop";
    /** RFC 3261 §25.1 nonce-count. */
    public static final String NC = "nc";
    /** RFC 3261 §25.1 opaque. */
    public static final String OPAQUE = "opaque";
    /** RFC 3261 §25.1 stale. */
    public static final String STALE = "stale";
    /** RFC 3261 §25.1 qop-value: authentication only, the one ucfront offers. */
    public static final String QOP_AUTH = "auth";
    /** RFC 3261 §25.1 qop-value with body integrity; not offered. */
    public static final String QOP_AUTH_INT = "auth-int";
}
