package org.ucfront.security.digest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Digest authentication of a user's request (RFC 3261 §22.4, RFC 8760): decides from the request's
 * Authorization values whether the user is authenticated, must be challenged (again, or with
 * stale=true), or is refused.
 */
public final class DigestAuthenticator {

    /** What the registrar does next. */
    public sealed interface Outcome permits Authenticated, Challenge, Refused {
    }

    /** The credentials are valid for this user. */
    public record Authenticated(String username) implements Outcome {
    }

    /** Answer 401 with these WWW-Authenticate values, one per offered algorithm (RFC 8760 §2.4). */
    public record Challenge(List<String> wwwAuthenticate, boolean stale) implements Outcome {
    }

    /** Answer with an error: the credentials are malformed, or valid-looking but wrong. */
    public record Refused(Reason reason) implements Outcome {
    }

    public enum Reason {
        /** 400: an Authorization header that cannot be parsed. */
        MALFORMED,
        /** 403: the response does not match the user's stored credentials. */
        WRONG_CREDENTIALS,
        /** 403: credentials for a different user than the one addressed. */
        OTHER_USER,
        /** 403: the user has no Digest credentials for the algorithm used. */
        NO_CREDENTIALS
    }

    /** Looks up the stored HA1 of the addressed user for an algorithm (null when none). */
    @FunctionalInterface
    public interface Ha1Source {
        String ha1(DigestAlgorithm algorithm);
    }

    private final String realm;
    private final List<DigestAlgorithm> algorithms;
    private final NonceService nonces;

    public DigestAuthenticator(String realm, List<DigestAlgorithm> algorithms, NonceService nonces) {
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one Digest algorithm must be offered");
        }
        this.realm = realm;
        this.algorithms = List.copyOf(algorithms);
        this.nonces = nonces;
    }

    /** Parses a configured list such as {@code SHA-256,MD5} (order = preference). */
    public static List<DigestAlgorithm> parseAlgorithms(String list) {
        List<DigestAlgorithm> out = new ArrayList<>();
        for (String token : list.split(",")) {
            String t = token.trim();
            if (!t.isEmpty()) {
                out.add(DigestAlgorithm.fromToken(t).orElseThrow(
                        () -> new IllegalArgumentException("unsupported Digest algorithm '" + t + "'")));
            }
        }
        return out;
    }

    /**
     * @param authorizations the request's Authorization header values
     * @param username       the Digest username the addressed user must present
     */
    public Outcome authenticate(String method, List<String> authorizations, String username, Ha1Source ha1s) {
        DigestCredentials credentials = null;
        for (String value : authorizations) {
            DigestCredentials c;
            try {
                c = DigestCredentials.parse(value);
            } catch (UnsupportedSchemeException e) {
                continue; // another scheme (NTLM, Kerberos): not for this authenticator
            } catch (MalformedCredentialsException e) {
                return new Refused(Reason.MALFORMED);
            }
            if (realm.equalsIgnoreCase(c.realm())) {
                credentials = c;
                break;
            }
        }
        if (credentials == null) {
            return challenge(false);
        }
        if (!credentials.username().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT))) {
            return new Refused(Reason.OTHER_USER);
        }
        NonceService.Status nonce = nonces.verify(credentials.nonce());
        if (nonce == NonceService.Status.INVALID) {
            return challenge(false); // not ours (e.g. issued before a restart): start over
        }
        DigestAlgorithm algorithm = credentials.algorithm().orElse(null);
        if (algorithm == null || !algorithms.contains(algorithm)) {
            return challenge(false);
        }
        String ha1 = ha1s.ha1(algorithm);
        if (ha1 == null) {
            return new Refused(Reason.NO_CREDENTIALS);
        }
        if (DigestVerifier.verify(credentials, method, ha1) != DigestVerifier.Result.VALID) {
            return new Refused(Reason.WRONG_CREDENTIALS);
        }
        if (nonce == NonceService.Status.STALE) {
            return challenge(true); // right password, old nonce (RFC 7616 §3.3 stale)
        }
        if (credentials.nonceCount().isPresent()
                && !nonces.acceptNonceCount(credentials.nonce(), credentials.nonceCount().get())) {
            return challenge(false); // replayed nonce count
        }
        return new Authenticated(credentials.username());
    }

    /** A fresh challenge (one value per offered algorithm), for a 401/407 that offers other schemes too. */
    public Challenge challenge() {
        return challenge(false);
    }

    private Challenge challenge(boolean stale) {
        String nonce = nonces.issue();
        List<String> values = new ArrayList<>();
        for (DigestAlgorithm a : algorithms) {
            values.add(DigestChallenge.of(realm, nonce, a).withStale(stale).toHeaderValue());
        }
        return new Challenge(values, stale);
    }
}
