package org.ucfront.security.digest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.ucfront.launcher.UcfrontConfig;

/**
 * The application's one Digest authenticator, so that a nonce issued by any servlet is good for
 * any other (one secret, one nonce-count table). Null when authentication is off.
 */
public final class SharedDigest {

    private static DigestAuthenticator instance;

    private SharedDigest() {
    }

    public static synchronized DigestAuthenticator get(UcfrontConfig config) {
        if (config.auth != UcfrontConfig.AuthMode.DIGEST) {
            return null;
        }
        if (instance == null) {
            instance = new DigestAuthenticator(config.domain, DigestAuthenticator.parseAlgorithms(config.digestAlgorithms),
                    new NonceService(NonceService.randomSecret(), Clock.systemUTC(),
                            Duration.ofSeconds(config.nonceLifetimeSeconds), NonceService.DEFAULT_MAX_TRACKED,
                            new SecureRandom()));
        }
        return instance;
    }
}
