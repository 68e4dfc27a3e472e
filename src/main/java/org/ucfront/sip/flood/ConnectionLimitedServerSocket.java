package org.ucfront.sip.flood;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** The TCP server socket: connections limited per source and timed out when idle ({@link PerSourceConnections}). */
final class ConnectionLimitedServerSocket extends ServerSocket {

    private final PerSourceConnections connections;

    ConnectionLimitedServerSocket(int port, int backlog, InetAddress bindAddress, PerSourceConnections connections)
            throws IOException {
        super(port, backlog, bindAddress);
        this.connections = connections;
    }

    @Override
    public Socket accept() throws IOException {
        while (true) {
            Socket s = connections.unaccepted();
            implAccept(s);
            if (connections.admit(s)) {
                return s;
            }
        }
    }
}
