package org.ucfront.sip.flood;

import gov.nist.core.net.DefaultNetworkLayer;
import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.ucfront.launcher.UcfrontConfig;

/**
 * The stack's network layer (gov.nist.javax.sip.NETWORK_LAYER) with TCP server sockets whose
 * connections are limited per source address and closed when silent too long: the stack's
 * blocking TCP spends a thread per connection, so without these a client that opens connections
 * and sends nothing would exhaust threads and file descriptors. Everything else is the default
 * layer's.
 */
public class ConnectionLimitedNetworkLayer implements NetworkLayer {

    private final NetworkLayer delegate = DefaultNetworkLayer.SINGLETON;

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
        return delegate.createDatagramSocket(port, laddr);
    }

    @Override
    public void setSipStack(SipStackImpl sipStackImpl) {
        delegate.setSipStack(sipStackImpl);
    }
}
