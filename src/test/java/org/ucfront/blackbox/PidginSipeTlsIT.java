package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The TLS connector: at first start ucfront makes a self-signed certificate for its FQDN in the
 * data directory and serves SIP over TLS 1.2+ with it; pidgin-sipe, told to trust that certificate
 * (libpurple's certificate cache of the account), signs in over TLS with NTLM. Older protocols are
 * refused, and a client that connects and never starts its handshake is dropped at the deadline.
 */
public class PidginSipeTlsIT {

    static final String USER = "tess";
    static final String AOR = "sip:" + USER + "@" + UcfrontServer.DOMAIN;
    static final String PASSWORD = "tls-s3cret";
    static final int SIP_PORT = 15320;
    static final int TLS_PORT = 15321;
    static final int HTTP_PORT = 18320;
    static final int IRC_PORT = 15322;
    static final int HANDSHAKE_TIMEOUT_MS = 1500;
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    static UcfrontServer server;
    static AdminClient admin;
    static Bitlbee bitlbee;

    @BeforeClass
    public static void start() throws Exception {
        Bitlbee.executable();
        server = new UcfrontServer("pidgin-sipe-tls", SIP_PORT, HTTP_PORT)
                .with("UCFRONT_TLS_PORT", Integer.toString(TLS_PORT))
                .with("UCFRONT_TLS_HANDSHAKE_TIMEOUT_MS", Integer.toString(HANDSHAKE_TIMEOUT_MS))
                .with("UCFRONT_AUTH_SCHEMES", "ntlm")
                .start();
        admin = AdminClient.of(server);
        admin.createUser(AOR, PASSWORD);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (bitlbee != null) {
            bitlbee.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    /** The key store the server generated in its data directory (its self-signed certificate). */
    static KeyStore generatedKeyStore(UcfrontServer server) throws Exception {
        Path dir = server.dataDir().resolve("tls");
        String password = Files.readString(dir.resolve("keystore-password")).trim();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("ucfront.p12"))) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    static X509Certificate certificate() throws Exception {
        KeyStore ks = generatedKeyStore(server);
        return (X509Certificate) ks.getCertificate(ks.aliases().nextElement());
    }

    @Test
    public void theGeneratedCertificateNamesTheServerAndIsLogged() throws Exception {
        X509Certificate cert = certificate();
        assertEquals("CN=" + UcfrontServer.DOMAIN, cert.getSubjectX500Principal().getName());
        assertTrue(cert.getSubjectAlternativeNames().toString(), cert.getSubjectAlternativeNames().toString()
                .contains(UcfrontServer.DOMAIN));
        assertTrue(server.logText(), server.logText().contains("generated a self-signed TLS certificate for "
                + UcfrontServer.DOMAIN));
    }

    @Test
    public void tls12IsServedAndTls11Refused() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ucfront", certificate());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), TLS_PORT)) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.startHandshake();
            assertEquals("TLSv1.2", s.getSession().getProtocol());
        }
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), TLS_PORT)) {
            s.setEnabledProtocols(new String[] {"TLSv1.1"});
            s.startHandshake();
            throw new AssertionError("a TLS 1.1 handshake succeeded");
        } catch (SSLHandshakeException | java.net.SocketException expected) {
            // refused (the JDK client may also refuse to offer 1.1 at all: either way no 1.1 session)
        }
    }

    /** A client that connects and sends nothing is disconnected once the handshake deadline passes. */
    @Test
    public void aSilentClientIsDroppedAtTheHandshakeDeadline() throws Exception {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), TLS_PORT), 2000);
            s.setSoTimeout(HANDSHAKE_TIMEOUT_MS * 10);
            long start = System.nanoTime();
            // blocks until ucfront gives up: at most a TLS alert record (content type 21), then the end
            byte[] seen = s.getInputStream().readAllBytes();
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue("received " + seen.length + " bytes", seen.length == 0 || seen[0] == 21);
            assertTrue("closed after " + waited + " ms", waited >= HANDSHAKE_TIMEOUT_MS / 2);
        } catch (java.net.SocketException reset) {
            // closed by a reset: also dropped
        }
    }

    @Test
    public void sipeSignsInOverTlsWithNtlm() throws Exception {
        Path work = server.log().getParent().resolveSibling("pidgin-sipe-tls-bitlbee");
        bitlbee = Bitlbee.start(work, IRC_PORT, USER, TIMEOUT);
        // libpurple trusts a peer certificate it has in the account's cache for that host name
        Path peers = work.resolve("config/purple/" + USER + "/certificates/x509/tls_peers");
        Files.createDirectories(peers);
        Files.writeString(peers.resolve("127.0.0.1"), pem(certificate()), StandardCharsets.US_ASCII);
        bitlbee.command("account add sipe " + USER + "@" + UcfrontServer.DOMAIN + " " + PASSWORD);
        bitlbee.awaitIrc(Pattern.compile("Account successfully added with tag sipe"), null, TIMEOUT);
        bitlbee.command("account sipe set server 127.0.0.1:" + TLS_PORT);
        bitlbee.awaitIrc(Pattern.compile("server = `127\\.0\\.0\\.1:" + TLS_PORT + "'"), null, TIMEOUT);
        bitlbee.command("account sipe set transport tls");
        bitlbee.awaitIrc(Pattern.compile("transport = `tls'"), null, TIMEOUT);
        bitlbee.command("account sipe set authentication ntlm");
        bitlbee.awaitIrc(Pattern.compile("authentication = `ntlm'"), null, TIMEOUT);
        bitlbee.command("account sipe on");
        bitlbee.awaitIrc(Pattern.compile("sipe - Logging in: Logged in"), PidginSipeIT.SIPE_FAILURE, TIMEOUT);
        bitlbee.awaitDebug(Pattern.compile("sip_transport_input: signature of incoming message validated"), TIMEOUT);
        String registrations = admin.registrations(AOR);
        assertTrue(registrations, registrations.matches("(?s).*\"transport\":\"(?i:tls)\".*"));
    }

    static String pem(Certificate cert) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }
}
