package org.ucfront.sip.flood;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * The TCP server socket: connections limited per source and timed out when idle ({@link PerSourceConnections});
 * each admitted one is handed to {@code accepted} before the stack reads from it.
 */
final class ConnectionLimitedServerSocket extends ServerSocket {

    private final PerSourceConnections connections;
    private final Consumer<Socket> accepted;

    ConnectionLimitedServerSocket(int port, int backlog, InetAddress bindAddress, PerSourceConnections connections,
            Consumer<Socket> accepted) throws IOException {
        super(port, backlog, bindAddress);
        this.connections = connections;
        this.accepted = accepted;
    }

    @Override
    public Socket accept() throws IOException {
        while (true) {
            Socket s = connections.unaccepted();
            implAccept(s);
            if (connections.admit(s)) {
                accepted.accept(s);
                return s;
            }
        }
    }
}
