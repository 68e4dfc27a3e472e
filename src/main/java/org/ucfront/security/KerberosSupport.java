package org.ucfront.security;

import org.ucfront.security.sipae.GssHandshake;

/** The Kerberos acceptor of the configured keytab (not built yet: Kerberos is refused at start). */
final class KerberosSupport {

    private KerberosSupport() {
    }

    static GssHandshake acceptor(AuthenticationSettings settings) {
        throw new org.ucfront.launcher.UcfrontConfig.InvalidConfigException(
                AuthenticationSettings.SCHEMES + ": kerberos is not available in this build");
    }
}
