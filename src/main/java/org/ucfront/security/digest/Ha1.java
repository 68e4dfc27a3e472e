package org.ucfront.security.digest;

import java.util.Objects;

/**
 * HA1 = H(username ":" realm ":" password) (RFC 2617 §3.2.2.2, RFC 7616 §3.4.2). The server
 * stores HA1 per user and per algorithm instead of passwords.
 */
public final class Ha1 {
    private Ha1() {
    }

    public static String compute(DigestAlgorithm algorithm, String username, String realm, String password) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(password, "password");
        return algorithm.hash(username + ":" + realm + ":" + password);
    }
}
