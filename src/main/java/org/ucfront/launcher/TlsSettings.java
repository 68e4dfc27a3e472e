package org.ucfront.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The SIP TLS connector (RFC 3261 §26.2, MS-SIPAE clients and Exchange UM use SIP over TLS on 5061):
 * its port, key store and trust store, TLS 1.2+ only with forward-secret AEAD suites, and a handshake
 * deadline (the SIP stack would otherwise wait forever for a client that connects and says nothing).
 * Without a configured key store, a self-signed certificate for this server's FQDN is generated into
 * the data directory at first start and its fingerprint logged, so clients can be told to trust it.
 *
 * @param port              the TLS port, 0 for no TLS connector
 * @param keyStore          PKCS#12 (or JKS) key store with this server's certificate and key
 * @param keyStorePassword  its password
 * @param trustStore        certificates trusted for peers (mutual TLS, outgoing connections); the key store when unset
 * @param trustStorePassword its password
 * @param handshakeTimeoutMillis deadline of a TLS handshake on an accepted connection
 * @param clientAuth        none, want or need: whether a client certificate is asked for on accepted connections
 */
public record TlsSettings(int port, Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword,
        int handshakeTimeoutMillis, ClientAuth clientAuth) {

    private static final Logger LOG = Logger.getLogger(TlsSettings.class.getName());

    /** Client certificates on accepted connections (jain-sip TLS_CLIENT_AUTH_TYPE). */
    public enum ClientAuth {
        NONE("Disabled"), WANT("Want"), NEED("Enabled");

        final String stackValue;

        ClientAuth(String stackValue) {
            this.stackValue = stackValue;
        }
    }

    public static final String PORT = "ucfront.tls.port";
    public static final String KEY_STORE = "ucfront.tls.keystore";
    public static final String KEY_STORE_PASSWORD = "ucfront.tls.keystore.password";
    public static final String TRUST_STORE = "ucfront.tls.truststore";
    public static final String TRUST_STORE_PASSWORD = "ucfront.tls.truststore.password";
    public static final String HANDSHAKE_TIMEOUT = "ucfront.tls.handshake.timeout.ms";
    public static final String CLIENT_AUTH = "ucfront.tls.client.auth";

    /** RFC 3261 §19.1.2: the default port of sips / SIP over TLS. */
    static final int DEFAULT_PORT = 5061;
    static final String PROTOCOLS = "TLSv1.3,TLSv1.2";
    /** TLS 1.3 suites and the TLS 1.2 ECDHE AEAD suites (no RSA key exchange, no CBC, no 3DES). */
    static final List<String> CIPHER_SUITES = List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    static final String GENERATED_DIR = "tls";
    static final String GENERATED_KEY_STORE = "ucfront.p12";
    static final String GENERATED_PASSWORD = "keystore-password";

    public static TlsSettings load(UcfrontConfig config) {
        return load(config, UcfrontConfig::raw);
    }

    /** @throws UcfrontConfig.InvalidConfigException naming the setting that is wrong */
    public static TlsSettings load(UcfrontConfig config, UnaryOperator<String> raw) {
        return load(config.sipPort, raw);
    }

    /**
     * The same without the rest of the configuration (the standalone server, whose class path holds
     * this class but not {@link UcfrontConfig}'s).
     *
     * @param sipPort the UDP/TCP SIP port, which TLS cannot share
     */
    public static TlsSettings load(int sipPort, UnaryOperator<String> raw) {
        int port = integer(raw, PORT, DEFAULT_PORT, 0, 65535);
        if (port != 0 && port == sipPort) {
            // UDP/TCP already use that port number; TCP and TLS cannot share it
            throw new UcfrontConfig.InvalidConfigException(PORT + "=" + port + " is the SIP port (ucfront.sip.port)");
        }
        ClientAuth clientAuth;
        String auth = raw.apply(CLIENT_AUTH);
        try {
            clientAuth = auth == null || auth.isBlank() ? ClientAuth.NONE
                    : ClientAuth.valueOf(auth.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UcfrontConfig.InvalidConfigException(CLIENT_AUTH + "=" + auth + " is not valid; expected none, want or need");
        }
        int timeout = integer(raw, HANDSHAKE_TIMEOUT, 10_000, 100, 600_000);
        String ks = raw.apply(KEY_STORE);
        Path keyStore = ks == null || ks.isBlank() ? null : Paths.get(ks.trim()).toAbsolutePath();
        String ksPassword = raw.apply(KEY_STORE_PASSWORD);
        String ts = raw.apply(TRUST_STORE);
        Path trustStore = ts == null || ts.isBlank() ? null : Paths.get(ts.trim()).toAbsolutePath();
        String tsPassword = raw.apply(TRUST_STORE_PASSWORD);
        if (keyStore != null) {
            check(KEY_STORE, keyStore, ksPassword);
        }
        if (trustStore != null) {
            check(TRUST_STORE, trustStore, tsPassword);
        }
        return new TlsSettings(port, keyStore, ksPassword, trustStore, tsPassword, timeout, clientAuth);
    }

    /** The key store to use: the configured one, else the generated one (made now if missing). */
    public TlsSettings withGeneratedKeyStore(Path dataDir, String fqdn) {
        if (port == 0 || keyStore != null) {
            return this;
        }
        Path dir = dataDir.resolve(GENERATED_DIR);
        Path store = dir.resolve(GENERATED_KEY_STORE);
        Path passwordFile = dir.resolve(GENERATED_PASSWORD);
        try {
            if (!Files.exists(store)) {
                Files.createDirectories(dir);
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                String password = HexFormat.of().formatHex(random);
                Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
                restrict(passwordFile);
                generate(store, password, fqdn);
                restrict(store);
                LOG.warning("generated a self-signed TLS certificate for " + fqdn + " in " + store + " (SHA-256 "
                        + fingerprint(store, password) + "); clients must be told to trust it, or configure "
                        + KEY_STORE + " with a certificate from your CA");
            }
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
            LOG.info("TLS certificate " + store + " (SHA-256 " + fingerprint(store, password) + ")");
            return new TlsSettings(port, store, password, trustStore, trustStorePassword, handshakeTimeoutMillis,
                    clientAuth);
        } catch (IOException | GeneralSecurityException e) {
            throw new UcfrontConfig.InvalidConfigException("cannot create the self-signed TLS certificate in " + store
                    + ": " + e.getMessage() + "; set " + KEY_STORE);
        }
    }

    /** The JDK's keytool makes the key pair and certificate (no cryptographic code of ours). */
    private static void generate(Path store, String password, String fqdn) throws IOException {
        Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "ucfront", "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "825", "-dname", "CN=" + fqdn,
                "-ext", "SAN=dns:" + fqdn, "-ext", "EKU=serverAuth,clientAuth", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + out.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating the certificate");
        }
    }

    private static String fingerprint(Path store, String password) throws IOException, GeneralSecurityException {
        KeyStore ks = open(store, password);
        Certificate cert = ks.getCertificate(ks.aliases().nextElement());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
    }

    static KeyStore open(Path store, String password) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance(store.toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
            ks.load(in, password == null ? null : password.toCharArray());
            return ks;
        }
    }

    private static void check(String key, Path store, String password) {
        try {
            open(store, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new UcfrontConfig.InvalidConfigException(key + "=" + store + " cannot be opened: " + e.getMessage());
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the data directory's own permissions protect it
        }
    }

    private static int integer(UnaryOperator<String> raw, String key, int fallback, int min, int max) {
        String v = raw.apply(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new UcfrontConfig.InvalidConfigException(key + "=" + v + " is out of range " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UcfrontConfig.InvalidConfigException(key + "=" + v + " is not a whole number");
        }
    }

    /**
     * An SSL context with this server's certificate as client certificate and the trust store (else
     * the key store) as trusted peers, TLS 1.2+ only: mutual TLS towards Exchange UM (MS-EUMR §2.1: UM
     * servers accept SIP over mutual TLS only) for connections opened outside the SIP stack. The
     * stack's own outgoing TLS connections use the same key and trust stores.
     */
    public javax.net.ssl.SSLContext clientContext() throws IOException, GeneralSecurityException {
        if (keyStore == null) {
            throw new IllegalStateException("no key store: TLS is off (" + PORT + "=0)");
        }
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(open(keyStore, keyStorePassword), keyStorePassword == null ? null : keyStorePassword.toCharArray());
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore != null ? open(trustStore, trustStorePassword) : open(keyStore, keyStorePassword));
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLSv1.3");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return ctx;
    }

    /** Protocols a socket made from {@link #clientContext()} must be limited to. */
    public static String[] protocols() {
        return PROTOCOLS.split(",");
    }

    /** The SIP stack's TLS properties (jain-sip SipStackImpl); the standalone server's too. */
    public void applyTo(Properties p) {
        if (port == 0) {
            return;
        }
        p.setProperty("javax.net.ssl.keyStore", keyStore.toString());
        p.setProperty("javax.net.ssl.keyStorePassword", keyStorePassword == null ? "" : keyStorePassword);
        p.setProperty("javax.net.ssl.keyStoreType", keyStore.toString().toLowerCase(Locale.ROOT).endsWith(".jks")
                ? "JKS" : "PKCS12");
        if (trustStore != null) {
            p.setProperty("javax.net.ssl.trustStore", trustStore.toString());
            p.setProperty("javax.net.ssl.trustStorePassword", trustStorePassword == null ? "" : trustStorePassword);
            p.setProperty("javax.net.ssl.trustStoreType", trustStore.toString().toLowerCase(Locale.ROOT).endsWith(".jks")
                    ? "JKS" : "PKCS12");
        }
        // the stack applies its "client protocols" to accepted connections too (TLSMessageProcessor)
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", PROTOCOLS);
        p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", CIPHER_SUITES));
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", Integer.toString(handshakeTimeoutMillis));
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", clientAuth.stackValue);
        p.setProperty("gov.nist.javax.sip.SSL_RENEGOTIATION_ENABLED", "false");
    }
}
