package org.ucfront.sip.flood;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.core.net.SslNetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.util.Properties;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.ucfront.launcher.UcfrontConfig;

/**
 * The stack's network layer (gov.nist.javax.sip.NETWORK_LAYER) with TCP server sockets whose
 * connections are limited per source address and closed when silent too long: the stack's
 * blocking TCP spends a thread per connection, so without these a client that opens connections
 * and sends nothing would exhaust threads and file descriptors. The UDP socket queues compact
 * datagrams (CompactDatagramSocket). Everything else, TLS included (no per-source cap there yet),
 * is jain-sip's own layer's.
 */
public class ConnectionLimitedNetworkLayer implements NetworkLayer {

    private NetworkLayer delegate = DefaultNetworkLayer.SINGLETON;

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        UcfrontConfig config = UcfrontConfig.current();
        return new ConnectionLimitedServerSocket(port, backlog, bindAddress,
                config.tcpMaxConnectionsPerSource, config.tcpIdleTimeoutSeconds * 1000);
    }

    @Override
    public SSLServerSocket createSSLServerSocket(int port, int backlog, InetAddress bindAddress) throws IOException {
        return delegate.createSSLServerSocket(port, backlog, bindAddress);
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
     * TLS sockets come from jain-sip's SSL layer built from the same properties the stack uses
     * when no network layer is named (SipStackImpl: trust store and its type default to the key
     * store's, its password to the key store's).
     */
    @Override
    public void setSipStack(SipStackImpl stack) {
        Properties p = stack.getConfigurationProperties();
        String keyStore = p == null ? null : p.getProperty("javax.net.ssl.keyStore");
        if (keyStore != null) {
            String keyStorePassword = p.getProperty("javax.net.ssl.keyStorePassword");
            String keyStoreType = p.getProperty("javax.net.ssl.keyStoreType");
            String trustStorePassword = p.getProperty("javax.net.ssl.trustStorePassword", keyStorePassword);
            try {
                delegate = new SslNetworkLayer(stack, p.getProperty("javax.net.ssl.trustStore", keyStore), keyStore,
                        keyStorePassword == null ? null : keyStorePassword.toCharArray(),
                        trustStorePassword == null ? null : trustStorePassword.toCharArray(), keyStoreType,
                        p.getProperty("javax.net.ssl.trustStoreType", keyStoreType));
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("TLS key store " + keyStore + " unusable: " + e.getMessage(), e);
            }
        }
        delegate.setSipStack(stack);
    }
}
