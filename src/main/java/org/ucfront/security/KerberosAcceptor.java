package org.ucfront.security;

import java.nio.file.Path;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSCredential;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.MessageProp;
import org.ietf.jgss.Oid;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.security.sipae.GssHandshake;

/**
 * Kerberos for MS-SIPAE (§3.3.5.1.2) with the JDK's GSS-API acceptor: the service key of
 * {@code sip/<fqdn>} comes from the configured keytab (JAAS Krb5LoginModule, acceptor only, no KDC
 * contact); each client AP-REQ makes a context whose GSS_GetMIC/GSS_VerifyMIC sign SIP messages
 * (MS-SIP §3.1.4.2, RFC 4121).
 */
final class KerberosAcceptor implements GssHandshake {

    private static final Logger LOG = Logger.getLogger(KerberosAcceptor.class.getName());
    /** RFC 1964: the Kerberos V5 GSS-API mechanism. */
    static final String KRB5_MECHANISM = "1.2.840.113554.1.2.2";
    static final String KRB5_LOGIN_MODULE = "com.sun.security.auth.module.Krb5LoginModule";

    private final Subject service;
    private final Oid krb5;

    private KerberosAcceptor(Subject service) throws GSSException {
        this.service = service;
        this.krb5 = new Oid(KRB5_MECHANISM);
    }

    /** Logs the service in from its keytab once; a keytab without a usable key stops the start. */
    static KerberosAcceptor of(Path keytab, String principal) {
        Configuration jaas = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry(KRB5_LOGIN_MODULE,
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of("useKeyTab", "true", "keyTab", keytab.toString(), "principal", principal,
                                "storeKey", "true", "isInitiator", "false", "doNotPrompt", "true",
                                "refreshKrb5Config", "true"))};
            }
        };
        try {
            LoginContext login = new LoginContext("ucfront-sip", new Subject(), null, jaas);
            login.login();
            LOG.info("Kerberos acceptor for " + principal + " from " + keytab);
            return new KerberosAcceptor(login.getSubject());
        } catch (LoginException | GSSException e) {
            throw new UcfrontConfig.InvalidConfigException(AuthenticationSettings.KEYTAB + "=" + keytab
                    + " gives no key for " + principal + ": " + e.getMessage());
        }
    }

    @Override
    public Result accept(byte[] token) {
        try {
            return Subject.doAs(service, (PrivilegedExceptionAction<Result>) () -> {
                GSSManager manager = GSSManager.getInstance();
                GSSCredential credential = manager.createCredential(null, GSSCredential.INDEFINITE_LIFETIME, krb5,
                        GSSCredential.ACCEPT_ONLY);
                GSSContext context = manager.createContext(credential);
                byte[] reply = context.acceptSecContext(token, 0, token.length);
                if (!context.isEstablished()) {
                    context.dispose();
                    return Result.refused("Kerberos handshake not complete after one token.");
                }
                String client = context.getSrcName().toString();
                int lifetime = context.getLifetime();
                return new Result(client, new ContextSigner(context), reply,
                        lifetime == GSSContext.INDEFINITE_LIFETIME ? Integer.MAX_VALUE : lifetime, null);
            });
        } catch (PrivilegedActionException e) {
            Throwable cause = e.getCause();
            LOG.info(() -> "Kerberos token refused: " + cause);
            return Result.refused("Kerberos ticket refused: " + (cause instanceof GSSException g
                    ? g.getMajorString() : "invalid token"));
        }
    }

    /** GSS_GetMIC / GSS_VerifyMIC on one context; a context is not safe for concurrent use. */
    private static final class ContextSigner implements GssHandshake.Signer {
        private final GSSContext context;

        ContextSigner(GSSContext context) {
            this.context = context;
        }

        @Override
        public synchronized byte[] sign(byte[] buffer) {
            try {
                return context.getMIC(buffer, 0, buffer.length, new MessageProp(0, false));
            } catch (GSSException e) {
                throw new IllegalStateException("GSS_GetMIC failed: " + e.getMajorString(), e);
            }
        }

        @Override
        public synchronized boolean verify(byte[] buffer, byte[] signature) {
            try {
                context.verifyMIC(signature, 0, signature.length, buffer, 0, buffer.length, new MessageProp(0, false));
                return true;
            } catch (GSSException e) {
                return false;
            }
        }

        @Override
        public synchronized void dispose() {
            try {
                context.dispose();
            } catch (GSSException e) {
                // nothing left to free
            }
        }
    }
}
