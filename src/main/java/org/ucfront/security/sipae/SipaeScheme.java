package org.ucfront.security.sipae;

import java.util.Locale;
import java.util.Optional;

/** The MS-SIPAE authentication protocols ucfront accepts, by their auth-scheme token (§2.2.2). */
public enum SipaeScheme {
    NTLM("NTLM"),
    KERBEROS("Kerberos");

    private final String token;

    SipaeScheme(String token) {
        this.token = token;
    }

    /** As written in challenges, credentials and the signature buffer. */
    public String token() {
        return token;
    }

    /**
     * The authentication target for a server FQDN (§3.3.1): the FQDN itself for NTLM, the service
     * principal {@code sip/<fqdn>} for Kerberos.
     */
    public String target(String fqdn) {
        return this == KERBEROS ? "sip/" + fqdn : fqdn;
    }

    public static Optional<SipaeScheme> fromToken(String token) {
        for (SipaeScheme s : values()) {
            if (s.token.equalsIgnoreCase(token)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** A configuration name: ntlm, kerberos. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
