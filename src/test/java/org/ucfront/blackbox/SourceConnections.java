package org.ucfront.blackbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** Connections from a chosen loopback source address, and what the server does with them (FloodIT, TlsFloodIT). */
final class SourceConnections {

    /** One try at being served: the head of the answer, or "closed: …" when the server ended the connection. */
    interface Attempt {
        String answer() throws IOException;
    }

    private SourceConnections() {
    }

    static Socket tcpFrom(String address, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        return s;
    }

    /** The start line and headers of the server's next message, or "closed: …" if it ends the connection first. */
    static String head(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder b = new StringBuilder();
        while (!b.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return "closed: " + b;
            }
            b.append((char) c);
        }
        return b.toString();
    }

    /** The first byte the server sends, or -1 when it closes (or resets) the connection. */
    static int readOrEnd(Socket s) throws IOException {
        try {
            return s.getInputStream().read();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server neither answered nor closed the connection", e);
        } catch (IOException reset) {
            return -1;
        }
    }

    /**
     * The first answer of a connection the server serves, tried again until the deadline: places
     * given back by closed connections are seen by the server's reader threads asynchronously.
     */
    static String servedWithin(Attempt attempt, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (true) {
            String answer;
            try {
                answer = attempt.answer();
            } catch (IOException closed) {
                answer = "closed: " + closed;
            }
            if (!answer.startsWith("closed") || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(50);
        }
    }
}
