package org.ucfront.security.digest;

import org.ucfront.sip.Tokens;

/**
 * Credentials of another scheme than Digest (e.g. NTLM or Kerberos from Microsoft clients,
 * MS-SIPAE): not an error of syntax, but not for this parser either.
 */
public class UnsupportedSchemeException extends MalformedCredentialsException {
    private static final long serialVersionUID = 1L;

    private final String scheme;

    public UnsupportedSchemeException(String scheme) {
        super("not Digest credentials: scheme '" + Tokens.excerpt(scheme) + "'");
        this.scheme = scheme;
    }

    /** The scheme the credentials name, e.g. {@code NTLM}. */
    public String scheme() {
        return scheme;
    }
}
