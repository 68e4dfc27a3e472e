package org.ucfront.security.digest;

import java.util.Objects;

import org.ucfront.sip.QuotedString;

/**
 * A WWW-Authenticate / Proxy-Authenticate Digest challenge (RFC 3261 §22.4 / §25.1 challenge,
 * RFC 8760 §2.4), always offering qop="auth":
 * {@code Digest realm="…", nonce="…", algorithm=SHA-256, qop="auth"[, stale=true][, opaque="…"]}.
 * To offer several algorithms (RFC 8760 §2.4), send one challenge per algorithm, preferred first.
 */
public final class DigestChallenge {
    /** RFC 3261 §25.1 stale = "stale" EQUAL ("true" / "false"); only true is ever written. */
    private static final String TRUE = "true";

    private final String realm;
    private final String nonce;
    private final DigestAlgorithm algorithm;
    private final boolean stale;
    private final String opaque;

    private DigestChallenge(String realm, String nonce, DigestAlgorithm algorithm, boolean stale, String opaque) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.nonce = Objects.requireNonNull(nonce, "nonce");
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.stale = stale;
        this.opaque = opaque;
        // Fail at construction, not when the header is written.
        QuotedString.quote(realm);
        QuotedString.quote(nonce);
        if (opaque != null) {
            QuotedString.quote(opaque);
        }
    }

    public static DigestChallenge of(String realm, String nonce, DigestAlgorithm algorithm) {
        return new DigestChallenge(realm, nonce, algorithm, false, null);
    }

    /** The same challenge marking the previous nonce as stale (RFC 3261 §22.4 / RFC 2617 §3.2.1). */
    public DigestChallenge withStale(boolean isStale) {
        return new DigestChallenge(realm, nonce, algorithm, isStale, opaque);
    }

    /** The same challenge with an opaque value the client must echo; null for none. */
    public DigestChallenge withOpaque(String opaqueValue) {
        return new DigestChallenge(realm, nonce, algorithm, stale, opaqueValue);
    }

    public String realm() {
        return realm;
    }

    public String nonce() {
        return nonce;
    }

    public DigestAlgorithm algorithm() {
        return algorithm;
    }

    public boolean stale() {
        return stale;
    }

    public String toHeaderValue() {
        StringBuilder b = new StringBuilder(DigestParams.SCHEME).append(' ')
                .append(DigestParams.REALM).append('=').append(QuotedString.quote(realm))
                .append(", ").append(DigestParams.NONCE).append('=').append(QuotedString.quote(nonce))
                .append(", ").append(DigestParams.ALGORITHM).append('=').append(algorithm.token())
                .append(", ").append(DigestParams.QOP).append('=').append(QuotedString.quote(DigestParams.QOP_AUTH));
        if (stale) {
            b.append(", ").append(DigestParams.STALE).append('=').append(TRUE);
        }
        if (opaque != null) {
            b.append(", ").append(DigestParams.OPAQUE).append('=').append(QuotedString.quote(opaque));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return toHeaderValue();
    }
}
