package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ucfront.blackbox.SourceConnections.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The TLS connector limits connections per source address and closes silent ones as the TCP one
 * does (FloodIT), with the same settings: from one source (a loopback address, 127.0.0.x), as many
 * connections as the cap complete a handshake and are served; one more is closed before its
 * handshake; another source still connects; closed connections give their places back; a
 * connection that completed its handshake and then says nothing is closed after the idle timeout.
 * The client trusts the self-signed certificate the server generated.
 */
public class TlsFloodIT {

    static final int SIP_PORT = 15860;
    static final int TLS_PORT = 15861;
    static final int HTTP_PORT = 18860;
    static final int MAX_CONNECTIONS = 4;
    static final int IDLE_SECONDS = 5;

    static UcfrontServer server;
    static SSLContext client;
    static int calls;

    @BeforeClass
    public static void startServer() throws Exception {
        server = new UcfrontServer("tls-flood", SIP_PORT, HTTP_PORT)
                .with("UCFRONT_TLS_PORT", Integer.toString(TLS_PORT))
                .with("UCFRONT_TCP_MAX_CONNECTIONS_PER_SOURCE", Integer.toString(MAX_CONNECTIONS))
                .with("UCFRONT_TCP_IDLE_TIMEOUT", Integer.toString(IDLE_SECONDS))
                .start();
        KeyStore generated = PidginSipeTlsIT.generatedKeyStore(server);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ucfront", generated.getCertificate(generated.aliases().nextElement()));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
    }

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    public void connectionsBeyondThePerSourceCapAreClosedAndOthersStillConnect() throws Exception {
        List<SSLSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                held.add(tlsFrom("127.0.0.21"));
            }
            for (SSLSocket s : held) {
                String answer = optionsOver(s);
                assertTrue(answer, answer.startsWith("SIP/2.0 200"));
            }
            try (Socket extra = tcpFrom("127.0.0.21")) {
                extra.setSoTimeout(10_000);
                try (SSLSocket tls = layer(extra)) {
                    tls.startHandshake();
                    throw new AssertionError("a connection over the cap completed a TLS handshake");
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("the server neither answered nor closed the connection", e);
                } catch (IOException closed) {
                    // closed before the handshake: expected
                }
            }
            try (SSLSocket other = tlsFrom("127.0.0.22")) {
                String answer = optionsOver(other);
                assertTrue(answer, answer.startsWith("SIP/2.0 200"));
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
        // closed connections give their places back, once the server's reader threads have seen
        // them end (asynchronously, so a connection made at once may still be over the cap)
        String answer = servedWithin(() -> {
            try (SSLSocket s = tlsFrom("127.0.0.21")) {
                return optionsOver(s);
            }
        }, 15_000);
        assertTrue(answer, answer.startsWith("SIP/2.0 200"));
    }

    @Test
    public void aSilentConnectionIsClosedAfterTheIdleTimeoutOnceItsHandshakeIsDone() throws Exception {
        try (SSLSocket silent = tlsFrom("127.0.0.23")) {
            silent.setSoTimeout((IDLE_SECONDS + 10) * 1000);
            long t0 = System.nanoTime();
            assertEquals(-1, readOrEnd(silent));
            double waited = (System.nanoTime() - t0) / 1e9;
            assertTrue("closed after " + waited + " s", waited >= IDLE_SECONDS - 1);
        }
    }

    // --- helpers

    private static Socket tcpFrom(String address) throws IOException {
        return SourceConnections.tcpFrom(address, TLS_PORT);
    }

    private static SSLSocket layer(Socket tcp) throws IOException {
        SSLSocket tls = (SSLSocket) client.getSocketFactory().createSocket(tcp,
                InetAddress.getLoopbackAddress().getHostAddress(), TLS_PORT, true);
        tls.setUseClientMode(true);
        return tls;
    }

    /** A TLS connection from the address whose handshake completed. */
    private static SSLSocket tlsFrom(String address) throws IOException {
        Socket tcp = tcpFrom(address);
        tcp.setSoTimeout(10_000);
        SSLSocket tls = layer(tcp);
        try {
            tls.startHandshake();
        } catch (IOException e) {
            tls.close();
            throw e;
        }
        return tls;
    }

    private static String optionsOver(SSLSocket s) throws IOException {
        s.setSoTimeout(10_000);
        int n = ++calls;
        String domain = UcfrontServer.DOMAIN;
        String via = s.getLocalAddress().getHostAddress() + ":" + s.getLocalPort();
        String request = "OPTIONS sip:" + domain + " SIP/2.0\r\n"
                + "Via: SIP/2.0/TLS " + via + ";branch=z9hG4bK-tls-flood-" + n + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:calm@" + domain + ">;tag=f" + n + "\r\n"
                + "To: <sip:calm@" + domain + ">\r\n"
                + "Call-ID: tls-flood-" + n + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Contact: <sip:calm@" + via + ";transport=tls>\r\n"
                + "Content-Length: 0\r\n\r\n";
        s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return head(s);
    }
}
