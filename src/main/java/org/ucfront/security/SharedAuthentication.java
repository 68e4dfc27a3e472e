package org.ucfront.security;

import java.time.Clock;
import java.time.Duration;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.security.digest.DigestAuthenticator;
import org.ucfront.security.digest.SharedDigest;
import org.ucfront.security.sipae.GssHandshake;
import org.ucfront.security.sipae.SecurityAssociations;
import org.ucfront.security.sipae.SipaeAuthenticator;
import org.ucfront.sip.stack.StackSignatures;

/**
 * The application's one set of authenticators, shared by every servlet: a nonce, a security
 * association or a failure count made by one is known to all. Null when authentication is off.
 */
public final class SharedAuthentication {

    /**
     * @param digest   Digest, or null when not offered
     * @param sipae    NTLM / Kerberos with message signing, or null when neither is offered
     * @param failures the failed-authentication counts
     */
    public record Authenticators(DigestAuthenticator digest, SipaeAuthenticator sipae, FailedAuthentications failures) {
    }

    private static Authenticators instance;

    private SharedAuthentication() {
    }

    public static synchronized Authenticators get(UcfrontConfig config) {
        if (config.auth != UcfrontConfig.AuthMode.DIGEST) {
            return null;
        }
        if (instance == null) {
            AuthenticationSettings settings = AuthenticationSettings.load(config.domain);
            DigestAuthenticator digest = settings.offers(AuthenticationSettings.Scheme.DIGEST)
                    ? SharedDigest.get(config) : null;
            SipaeAuthenticator sipae = null;
            if (settings.offers(AuthenticationSettings.Scheme.NTLM)
                    || settings.offers(AuthenticationSettings.Scheme.KERBEROS)) {
                GssHandshake kerberos = settings.offers(AuthenticationSettings.Scheme.KERBEROS)
                        ? KerberosAcceptor.of(settings.keytab(), settings.kerberosPrincipal()) : null;
                sipae = new SipaeAuthenticator(settings, new SecurityAssociations(Clock.systemUTC(),
                        Duration.ofSeconds(60)), kerberos, Clock.systemUTC());
                StackSignatures.use(sipae::signStackMessage);
            }
            instance = new Authenticators(digest, sipae, new FailedAuthentications(settings.failuresPerUser(),
                    settings.failuresPerAddress(), Duration.ofSeconds(settings.failureWindowSeconds()),
                    Clock.systemUTC()));
        }
        return instance;
    }

    /** The MS-SIPAE authenticator in force (to sign messages), or null. */
    public static SipaeAuthenticator sipae(UcfrontConfig config) {
        Authenticators a = get(config);
        return a == null ? null : a.sipae();
    }
}
