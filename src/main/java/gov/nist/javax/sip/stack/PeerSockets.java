package gov.nist.javax.sip.stack;

import java.net.Socket;

/**
 * ucfront's access to the stack's table of open sockets (IOHandler), keyed by peer address and
 * port, through which jain-sip sends every message over TCP and TLS, answers included. A key with no
 * socket makes the stack connect to the peer's address and port, which for a client's connection is
 * its ephemeral port: the answer is lost and the failed connect removes the key again. The table is
 * package-private, hence this class's package.
 */
public final class PeerSockets {

    private PeerSockets() {
    }

    /**
     * Puts an accepted connection's socket in the table at once. The stack adds it only when the
     * first message from it is processed, on one of its worker threads; a second message pipelined
     * behind it was answered first now and then, found no socket, and its failed connect removed the
     * one the first had just put: every later answer on that connection was lost.
     */
    public static void accepted(SIPTransactionStack stack, Socket socket) {
        stack.ioHandler.putSocket(IOHandler.makeKey(socket.getInetAddress(), socket.getPort()), socket);
    }

    /**
     * Puts {@code channel}'s socket back in the table, where closing an older channel to the same peer
     * address and port removed it (the stack removes the key, not that channel's socket).
     */
    public static void restore(ConnectionOrientedMessageChannel channel) {
        Socket socket = channel.mySock;
        if (socket != null && !socket.isClosed()) {
            accepted(channel.sipStack, socket);
        }
    }
}
