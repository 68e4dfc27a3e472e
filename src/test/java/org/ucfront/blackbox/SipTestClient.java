package org.ucfront.blackbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal SIP client over a real UDP or TCP socket, for tests that need to look at every byte of
 * an answer. It sends text as given and returns the next message as text. Public for the
 * in-container tests, which add it to their deployment.
 */
public final class SipTestClient implements AutoCloseable {

    private final DatagramSocket udp;
    private final Socket tcp;
    private final int serverPort;

    private SipTestClient(DatagramSocket udp, Socket tcp, int serverPort) {
        this.udp = udp;
        this.tcp = tcp;
        this.serverPort = serverPort;
    }

    static SipTestClient udp(int serverPort) throws IOException {
        DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        s.setSoTimeout(10_000);
        return new SipTestClient(s, null, serverPort);
    }

    public static SipTestClient tcp(int serverPort) throws IOException {
        return tcp(serverPort, InetAddress.getLoopbackAddress());
    }

    /** A TCP client from a given local address (e.g. 127.0.0.2: another source address on loopback). */
    static SipTestClient tcp(int serverPort, InetAddress local) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), serverPort, local, 0);
        s.setSoTimeout(10_000);
        return new SipTestClient(null, s, serverPort);
    }

    /** A TCP client whose connection comes from the given local address (e.g. 127.0.0.2: another source). */
    static SipTestClient tcpFrom(String localAddress, int serverPort) throws IOException {
        Socket s = new Socket();
        s.bind(new java.net.InetSocketAddress(InetAddress.getByName(localAddress), 0));
        s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort), 5_000);
        s.setSoTimeout(10_000);
        return new SipTestClient(null, s, serverPort);
    }

    /** A client over a connected socket of the test's own (a TLS socket after its handshake). */
    static SipTestClient over(Socket connected, int serverPort) throws IOException {
        connected.setSoTimeout(10_000);
        return new SipTestClient(null, connected, serverPort);
    }

    String transport() {
        return udp != null ? "UDP" : tcp instanceof javax.net.ssl.SSLSocket ? "TLS" : "TCP";
    }

    public int localPort() {
        return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
    }

    public void send(String message) throws IOException {
        byte[] bytes = message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        if (udp != null) {
            udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), serverPort));
        } else {
            tcp.getOutputStream().write(bytes);
            tcp.getOutputStream().flush();
        }
    }

    /** Sends bytes exactly as given (torture and fuzz messages: no line-ending repair). */
    void sendBytes(byte[] bytes) throws IOException {
        if (udp != null) {
            udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), serverPort));
        } else {
            tcp.getOutputStream().write(bytes);
            tcp.getOutputStream().flush();
        }
    }

    /**
     * The next final response within the given time, or null if none came (or, over TCP, the server
     * closed the connection: see {@link #closedByServer}).
     */
    Message receiveWithin(int millis) throws IOException {
        int previous = udp != null ? udp.getSoTimeout() : tcp.getSoTimeout();
        setTimeout(millis);
        try {
            while (true) {
                Message m = udp != null ? new Message(readDatagram()) : new Message(readTcpMessage(tcp.getInputStream()));
                if (!m.startLine().matches("SIP/2.0 1\\d\\d .*")) {
                    return m;
                }
            }
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            if (tcp != null) {
                closedByServer = true;
                return null;
            }
            throw e;
        } finally {
            if (!closedByServer) {
                setTimeout(previous);
            }
        }
    }

    /** Over TCP: the server closed the connection (or reset it) while a message was awaited. */
    boolean closedByServer;

    private void setTimeout(int millis) throws IOException {
        if (udp != null) {
            udp.setSoTimeout(millis);
        } else {
            tcp.setSoTimeout(millis);
        }
    }

    private String readDatagram() throws IOException {
        byte[] buf = new byte[65536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        udp.receive(p);
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    /** The next message, skipping provisional responses; fails after 10 s. */
    public Message receive() throws IOException {
        while (true) {
            Message m = receiveAny();
            if (!m.startLine().matches("SIP/2.0 1\\d\\d .*")) {
                return m;
            }
        }
    }

    /** The next message, provisional responses included; fails after 10 s. */
    Message receiveAny() throws IOException {
        try {
            if (udp != null) {
                byte[] buf = new byte[65536];
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                udp.receive(p);
                return new Message(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
            }
            return new Message(readTcpMessage(tcp.getInputStream()));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no SIP message within 10 s", e);
        }
    }

    /**
     * Over TCP: the next {@code count} bytes exactly as the server sent them (a keepalive pong, which
     * {@link #receive} would skip); fewer if the server closed the connection first.
     */
    String receiveBytes(int count) throws IOException {
        return new String(tcp.getInputStream().readNBytes(count), StandardCharsets.UTF_8);
    }

    private static String readTcpMessage(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (head.size() == 0 && (c == '\r' || c == '\n')) {
                continue; // keep-alive CRLFs
            }
            head.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        String text = head.toString(StandardCharsets.UTF_8);
        int length = Integer.parseInt(new Message(text).header("Content-Length", "0").trim());
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (udp != null) {
            udp.close();
        } else {
            tcp.close();
        }
    }

    /** A received SIP message. */
    public record Message(String text) {

        String startLine() {
            return text.substring(0, text.indexOf('\r') > 0 ? text.indexOf('\r') : text.indexOf('\n'));
        }

        public int status() {
            return Integer.parseInt(startLine().split(" ")[1]);
        }

        /** Every value of a header, one per header line, in order. */
        List<String> headers(String name) {
            List<String> out = new ArrayList<>();
            for (String line : text.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    out.add(line.substring(colon + 1).trim());
                }
            }
            return out;
        }

        String header(String name, String fallback) {
            List<String> v = headers(name);
            return v.isEmpty() ? fallback : v.get(0);
        }

        String header(String name) {
            List<String> v = headers(name);
            if (v.isEmpty()) {
                throw new AssertionError("no " + name + " in\n" + text);
            }
            return v.get(0);
        }
    }
}
