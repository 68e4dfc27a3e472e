package org.ucfront.security.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the request-digest of Digest credentials (RFC 3261 §22.4, RFC 2617 §3.2.2.1,
 * RFC 7616 §3.4.1) against the stored HA1:
 * <ul>
 * <li>qop=auth: {@code H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" H(method ":" uri))};</li>
 * <li>no qop (RFC 2069 compatibility): {@code H(HA1 ":" nonce ":" H(method ":" uri))}.</li>
 * </ul>
 * The nonce, realm, user and digest-uri are the caller's to check (see {@link NonceService});
 * this class only does the arithmetic, in constant time for the comparison.
 */
public final class DigestVerifier {
    private DigestVerifier() {
    }

    /** Verdict on a response. */
    public enum Result {
        VALID,
        /** The response does not match (wrong password, user, nonce, method or uri). */
        WRONG_RESPONSE,
        /** The algorithm parameter names one ucfront does not support (e.g. MD5-sess). */
        UNSUPPORTED_ALGORITHM,
        /** The qop is not auth (auth-int is not offered). */
        UNSUPPORTED_QOP
    }

    /**
     * @param method    the SIP method of the request, e.g. {@code REGISTER}
     * @param storedHa1 the user's HA1 for {@code c.algorithm()}, lowercase hex
     */
    public static Result verify(DigestCredentials c, String method, String storedHa1) {
        Objects.requireNonNull(c, "credentials");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(storedHa1, "storedHa1");
        Optional<DigestAlgorithm> algorithm = c.algorithm();
        if (algorithm.isEmpty()) {
            return Result.UNSUPPORTED_ALGORITHM;
        }
        String qop = c.qop().orElse(null);
        if (qop != null && !qop.equalsIgnoreCase(DigestParams.QOP_AUTH)) {
            return Result.UNSUPPORTED_QOP;
        }
        // HA1 may come from a store that writes hex in uppercase; the hash input is lowercase hex.
        String ha1 = storedHa1.toLowerCase(Locale.ROOT);
        String expected = expectedResponse(algorithm.get(), ha1, c.nonce(), c.nc().orElse(null),
                c.cnonce().orElse(null), qop, method, c.uri());
        boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                c.response().getBytes(StandardCharsets.US_ASCII));
        return same ? Result.VALID : Result.WRONG_RESPONSE;
    }

    /**
     * The request-digest a client with this HA1 would send. With {@code qop} null the
     * RFC 2069 form is used and {@code nc}, {@code cnonce} are ignored.
     */
    public static String expectedResponse(DigestAlgorithm algorithm, String ha1, String nonce, String nc,
            String cnonce, String qop, String method, String uri) {
        String ha2 = algorithm.hash(method + ":" + uri);
        if (qop == null) {
            return algorithm.hash(ha1 + ":" + nonce + ":" + ha2);
        }
        Objects.requireNonNull(nc, "nc");
        Objects.requireNonNull(cnonce, "cnonce");
        return algorithm.hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }
}
