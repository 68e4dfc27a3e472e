package org.ucfront.sip.flood;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Accepts at most {@code perSource} open connections from one address: a further one is closed
 * as soon as it is accepted (before the stack gives it a thread). Accepted connections time out
 * after {@code idleMillis} without a byte (the read fails and the stack closes the connection),
 * which also bounds a client that sends a message a byte at a time.
 */
final class ConnectionLimitedServerSocket extends ServerSocket {

    private static final Logger LOG = Logger.getLogger(ConnectionLimitedServerSocket.class.getName());

    private final int perSource;
    private final int idleMillis;
    private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();

    ConnectionLimitedServerSocket(int port, int backlog, InetAddress bindAddress, int perSource, int idleMillis)
            throws IOException {
        super(port, backlog, bindAddress);
        this.perSource = perSource;
        this.idleMillis = idleMillis;
    }

    @Override
    public Socket accept() throws IOException {
        while (true) {
            CountedSocket s = new CountedSocket();
            implAccept(s);
            InetAddress source = s.getInetAddress();
            AtomicInteger count = open.computeIfAbsent(source, a -> new AtomicInteger());
            if (count.incrementAndGet() > perSource) {
                count.decrementAndGet();
                LOG.fine(() -> "connection from " + source.getHostAddress() + " refused: " + perSource + " open already");
                s.closeUncounted();
                continue;
            }
            s.counted = count;
            s.setSoTimeout(idleMillis);
            return s;
        }
    }

    /** A socket that gives its place back when it closes (once). */
    private final class CountedSocket extends Socket {
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
