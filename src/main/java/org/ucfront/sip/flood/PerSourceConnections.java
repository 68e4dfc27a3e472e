package org.ucfront.sip.flood;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The accounting of a server socket that accepts at most {@code perSource} open connections from
 * one address: a further one is closed as soon as it is accepted (before the stack gives it a
 * thread). Admitted connections time out after {@code idleMillis} without a byte (the read fails
 * and the stack closes the connection), which also bounds a client that sends a message a byte at
 * a time. Shared by the TCP and the TLS server sockets, each with its own counts.
 */
final class PerSourceConnections {

    private static final Logger LOG = Logger.getLogger(PerSourceConnections.class.getName());

    private final int perSource;
    private final int idleMillis;
    private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();

    PerSourceConnections(int perSource, int idleMillis) {
        this.perSource = perSource;
        this.idleMillis = idleMillis;
    }

    /** An unconnected socket for ServerSocket.implAccept, to be passed to {@link #admit} once accepted. */
    Socket unaccepted() {
        return new CountedSocket();
    }

    /**
     * @param accepted a socket from {@link #unaccepted()}, just accepted
     * @return whether it is admitted (with the idle timeout set); if not, it is closed
     */
    boolean admit(Socket accepted) throws IOException {
        CountedSocket s = (CountedSocket) accepted;
        InetAddress source = s.getInetAddress();
        AtomicInteger count = open.computeIfAbsent(source, a -> new AtomicInteger());
        if (count.incrementAndGet() > perSource) {
            count.decrementAndGet();
            LOG.fine(() -> "connection from " + source.getHostAddress() + " refused: " + perSource + " open already");
            s.closeUncounted();
            return false;
        }
        s.counted = count;
        s.setSoTimeout(idleMillis);
        return true;
    }

    /** A socket that gives its place back when it closes (once). */
    private static final class CountedSocket extends Socket {
        volatile AtomicInteger counted;

        @Override
        public synchronized void close() throws IOException {
            AtomicInteger c = counted;
            counted = null;
            if (c != null) {
                c.decrementAndGet(); // the entry stays: TCP sources are real clients, not spoofable
            }
            super.close();
        }

        void closeUncounted() {
            try {
                super.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
