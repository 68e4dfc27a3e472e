package org.ucfront.security.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Digest algorithms the registrar offers (RFC 3261 §22.4 for MD5; RFC 8760 §2.2 / RFC 7616
 * §3.2 for SHA-256). The "-sess" variants are not supported.
 */
public enum DigestAlgorithm {
    /** RFC 3261 §25.1 / RFC 2617 §3.2.1: the default when the algorithm parameter is absent. */
    MD5("MD5", "MD5"),
    /** RFC 8760 §2.2: SHA-256 for SIP Digest. */
    SHA256("SHA-256", "SHA-256");

    private final String token;
    private final String jcaName;

    DigestAlgorithm(String token, String jcaName) {
        this.token = token;
        this.jcaName = jcaName;
    }

    /** The value of the algorithm parameter, e.g. {@code SHA-256}. */
    public String token() {
        return token;
    }

    /** Length in hex characters of this algorithm's digests (32 or 64). */
    public int hexLength() {
        return this == MD5 ? 32 : 64;
    }

    /** H(data): the lowercase hex digest of the UTF-8 bytes of {@code data}. */
    public String hash(String data) {
        try {
            byte[] digest = MessageDigest.getInstance(jcaName).digest(data.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is required of every JRE", e);
        }
    }

    /** The algorithm named by a parameter value, case-insensitively; empty if unsupported. */
    public static Optional<DigestAlgorithm> fromToken(String token) {
        for (DigestAlgorithm a : values()) {
            if (a.token.equalsIgnoreCase(token)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
