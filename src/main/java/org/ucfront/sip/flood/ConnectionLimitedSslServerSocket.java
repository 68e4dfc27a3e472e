package org.ucfront.sip.flood;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The TLS server socket: a TCP connection is accepted and admitted as by the TCP server socket
 * ({@link PerSourceConnections}: per-source limit, idle timeout), then TLS is layered on it in server
 * mode with the parameters the stack set on this socket (protocols, suites, client certificates), and
 * the TLS socket handed to {@code accepted}.
 * The handshake itself is the stack's (its thread, its deadline); closing the TLS socket closes the
 * TCP one, which gives the source's place back.
 */
final class ConnectionLimitedSslServerSocket extends SSLServerSocket {

    private final PerSourceConnections connections;
    private final SSLSocketFactory tls;
    private final SSLParameters parameters;
    private final String[] supportedSuites;
    private final String[] supportedProtocols;
    private final Consumer<Socket> accepted;
    private volatile boolean sessionCreation = true;

    ConnectionLimitedSslServerSocket(int port, int backlog, InetAddress bindAddress, PerSourceConnections connections,
            SSLContext context, Consumer<Socket> accepted) throws IOException {
        super(port, backlog, bindAddress);
        this.connections = connections;
        this.accepted = accepted;
        this.tls = context.getSocketFactory();
        this.parameters = context.getDefaultSSLParameters();
        SSLParameters supported = context.getSupportedSSLParameters();
        this.supportedSuites = supported.getCipherSuites();
        this.supportedProtocols = supported.getProtocols();
    }

    @Override
    public Socket accept() throws IOException {
        while (true) {
            Socket tcp = connections.unaccepted();
            implAccept(tcp);
            if (!connections.admit(tcp)) {
                continue;
            }
            try {
                SSLSocket s = (SSLSocket) tls.createSocket(tcp, tcp.getInetAddress().getHostAddress(), tcp.getPort(), true);
                s.setUseClientMode(false);
                synchronized (parameters) {
                    s.setSSLParameters(parameters);
                }
                s.setEnableSessionCreation(sessionCreation);
                accepted.accept(s);
                return s;
            } catch (IOException | RuntimeException e) {
                tcp.close();
                throw e;
            }
        }
    }

    @Override
    public String[] getEnabledCipherSuites() {
        synchronized (parameters) {
            return parameters.getCipherSuites().clone();
        }
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        synchronized (parameters) {
            parameters.setCipherSuites(suites.clone());
        }
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return supportedSuites.clone();
    }

    @Override
    public String[] getSupportedProtocols() {
        return supportedProtocols.clone();
    }

    @Override
    public String[] getEnabledProtocols() {
        synchronized (parameters) {
            return parameters.getProtocols().clone();
        }
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        synchronized (parameters) {
            parameters.setProtocols(protocols.clone());
        }
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        synchronized (parameters) {
            parameters.setNeedClientAuth(need);
        }
    }

    @Override
    public boolean getNeedClientAuth() {
        synchronized (parameters) {
            return parameters.getNeedClientAuth();
        }
    }

    @Override
    public void setWantClientAuth(boolean want) {
        synchronized (parameters) {
            parameters.setWantClientAuth(want);
        }
    }

    @Override
    public boolean getWantClientAuth() {
        synchronized (parameters) {
            return parameters.getWantClientAuth();
        }
    }

    /** Accepted connections are always the server side. */
    @Override
    public void setUseClientMode(boolean client) {
        if (client) {
            throw new IllegalArgumentException("a server socket's connections are the server side");
        }
    }

    @Override
    public boolean getUseClientMode() {
        return false;
    }

    @Override
    public void setEnableSessionCreation(boolean enabled) {
        sessionCreation = enabled;
    }

    @Override
    public boolean getEnableSessionCreation() {
        return sessionCreation;
    }
}
