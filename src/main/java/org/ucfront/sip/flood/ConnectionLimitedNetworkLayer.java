package org.ucfront.sip.flood;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.core.net.SslNetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.stack.PeerSockets;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.function.Consumer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.ucfront.launcher.UcfrontConfig;

/**
 * The stack's network layer (gov.nist.javax.sip.NETWORK_LAYER) with TCP and TLS server sockets
 * whose connections are limited per source address and closed when silent too long: the stack's
 * blocking TCP and TLS spend a thread per connection, so without these a client that opens
 * connections and sends nothing would exhaust threads and file descriptors. TCP and TLS count
 * separately, each with the same limit (ucfront.tcp.max.connections.per.source,
 * ucfront.tcp.idle.timeout). An accepted connection's socket is in the stack's socket table from
 * the start ({@link PeerSockets#accepted}). The UDP socket queues compact datagrams
 * (CompactDatagramSocket). Outgoing connections are jain-sip's own layer's.
 */
public class ConnectionLimitedNetworkLayer implements NetworkLayer {

    /**
     * Connections the kernel completes before they are accepted. jain-sip asks for 0, which Java
     * makes 50: a burst of new connections (clients reconnecting after a restart; the benchmark's
     * connection per registration at 1,500/s) overflowed it, Linux drops the SYNs beyond, and clients
     * retry them after 1, 3, 7… s (registrations answered after up to 69 s). The kernel caps it at
     * net.core.somaxconn.
     */
    static final int ACCEPT_BACKLOG = 1024;

    private NetworkLayer delegate = DefaultNetworkLayer.SINGLETON;
    /** Accepted TLS connections' context, from the same key and trust stores as the delegate's. */
    private SSLContext serverContext;
    private Consumer<Socket> accepted = s -> { };

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return new ConnectionLimitedServerSocket(port, backlog(backlog), bindAddress, perSource(), accepted);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        if (serverContext == null) {
            throw new IOException("no TLS key store configured (javax.net.ssl.keyStore)");
        }
        return new ConnectionLimitedSslServerSocket(port, backlog(backlog), bindAddress, perSource(), serverContext,
                accepted);
    }

    private static int backlog(int asked) {
        return asked > 0 ? asked : ACCEPT_BACKLOG;
    }

    private static PerSourceConnections perSource() {
        UcfrontConfig config = UcfrontConfig.current();
        return new PerSourceConnections(config.tcpMaxConnectionsPerSource, config.tcpIdleTimeoutSeconds * 1000);
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return delegate.createSocket(address, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return delegate.createSocket(address, port, myAddress);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress myAddress, int myPort) throws IOException {
        return delegate.createSocket(address, port, myAddress, myPort);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port) throws IOException {
        return delegate.createSSLSocket(address, port);
    }

    @Override
    public SSLSocket createSSLSocket(InetAddress address, int port, InetAddress myAddress) throws IOException {
        return delegate.createSSLSocket(address, port, myAddress);
    }

    @Override
    public DatagramSocket createDatagramSocket() throws SocketException {
        return delegate.createDatagramSocket();
    }

    @Override
    public DatagramSocket createDatagramSocket(int port, InetAddress laddr) throws SocketException {
        return new CompactDatagramSocket(port, laddr);
    }

    /**
     * Called by the stack once it is configured: with a key store configured (the TLS connector),
     * outgoing TLS sockets come from jain-sip's SSL layer built from the same properties the stack
     * uses when no network layer is named (SipStackImpl: trust store and its type default to the key
     * store's, its password to the key store's), accepted ones from a context made as that layer
     * makes its own.
     */
    @Override
    public void setSipStack(SipStackImpl stack) {
        Properties p = stack.getConfigurationProperties();
        String keyStore = p == null ? null : p.getProperty("javax.net.ssl.keyStore");
        if (keyStore != null) {
            String keyStorePassword = p.getProperty("javax.net.ssl.keyStorePassword");
            String keyStoreType = p.getProperty("javax.net.ssl.keyStoreType");
            String trustStorePassword = p.getProperty("javax.net.ssl.trustStorePassword", keyStorePassword);
            String trustStore = p.getProperty("javax.net.ssl.trustStore", keyStore);
            String trustStoreType = p.getProperty("javax.net.ssl.trustStoreType", keyStoreType);
            char[] ksPassword = keyStorePassword == null ? null : keyStorePassword.toCharArray();
            char[] tsPassword = trustStorePassword == null ? null : trustStorePassword.toCharArray();
            try {
                delegate = new SslNetworkLayer(stack, trustStore, keyStore, ksPassword, tsPassword, keyStoreType,
                        trustStoreType);
                serverContext = context(load(keyStore, keyStoreType, ksPassword), ksPassword,
                        load(trustStore, trustStoreType, tsPassword));
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("TLS key store " + keyStore + " unusable: " + e.getMessage(), e);
            }
        }
        delegate.setSipStack(stack);
        accepted = s -> PeerSockets.accepted(stack, s);
    }

    private static SSLContext context(KeyStore keys, char[] keyPassword, KeyStore trusted)
            throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, keyPassword);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SecureRandom random = new SecureRandom();
        random.nextInt(); // seeded now rather than during the first handshake, which has a deadline
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), random);
        return context;
    }

    private static KeyStore load(String file, String type, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type != null ? type : KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(Paths.get(file))) {
            store.load(in, password);
        }
        return store;
    }
}
