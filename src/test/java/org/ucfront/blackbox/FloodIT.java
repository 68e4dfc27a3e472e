package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ucfront.blackbox.SourceConnections.*;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Floods from one source address are limited without hurting other sources (each test uses its
 * own loopback address, 127.0.0.x, as a distinct source): requests over the per-source or per-user
 * rate get 503 with Retry-After, then are dropped; TCP connections beyond the per-source cap are
 * closed at once; a silent connection is closed after the idle timeout; an oversized message
 * closes its connection. Other sources are answered normally throughout.
 */
public class FloodIT {

    static final int SIP_PORT = 15630;
    static final int HTTP_PORT = 18630;
    static final int SOURCE_RATE = 50;
    static final int USER_RATE = 10;
    static final int MAX_CONNECTIONS = 5;
    static final int IDLE_SECONDS = 5;

    static UcfrontServer server;
    static int calls;

    @BeforeClass
    public static void startServer() throws Exception {
        server = new UcfrontServer("flood", SIP_PORT, HTTP_PORT)
                .with("UCFRONT_FLOOD_SOURCE_RATE", Integer.toString(SOURCE_RATE))
                .with("UCFRONT_FLOOD_USER_RATE", Integer.toString(USER_RATE))
                .with("UCFRONT_TCP_MAX_CONNECTIONS_PER_SOURCE", Integer.toString(MAX_CONNECTIONS))
                .with("UCFRONT_TCP_IDLE_TIMEOUT", Integer.toString(IDLE_SECONDS))
                .start();
        AdminClient.of(server).createUser("sip:flooded@" + UcfrontServer.DOMAIN, "pw");
        AdminClient.of(server).createUser("sip:calm@" + UcfrontServer.DOMAIN, "pw");
    }

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    public void aRegisterAndInviteFloodFromOneSourceIsRefusedThenDroppedWhileAnotherSourceIsServed() throws Exception {
        // over TCP, so that every request reaches the server (a UDP flood also loses datagrams in
        // the kernel, which would hide how many the server refused)
        try (SipTestClient flooder = SipTestClient.tcpFrom("127.0.0.2", SIP_PORT); DatagramSocket other = udpFrom("127.0.0.3")) {
            int sent = 1_000;
            long t0 = System.nanoTime();
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < sent; i++) {
                // a mix of methods, each from its own user: only the source limit applies
                burst.append(request(i % 2 == 0 ? "REGISTER" : "INVITE", "user" + i, flooder.localPort(), "TCP")
                        .replace("127.0.0.1:", "127.0.0.2:"));
            }
            flooder.sendBytes(burst.toString().getBytes(StandardCharsets.US_ASCII));
            List<SipTestClient.Message> answers = new ArrayList<>();
            SipTestClient.Message m;
            while ((m = flooder.receiveWithin(2_000)) != null) {
                answers.add(m);
                lastAnswerAt = System.nanoTime();
            }
            // the server admits by its own clock while it works through the stream: the longest it
            // can have taken is from the first send to the last answer
            double seconds = (lastAnswerAt - t0) / 1e9;
            long ok = answers.stream().filter(a -> a.status() != 503).count();
            long refused = answers.size() - ok;
            double refill = SOURCE_RATE * seconds;
            assertTrue("over " + seconds + " s at most the burst plus the rate may pass: " + ok,
                    ok <= 2 * SOURCE_RATE + refill + 1);
            assertTrue("then a burst's worth is refused with 503: " + refused,
                    refused >= 2 * SOURCE_RATE - 1 && refused <= 2 * SOURCE_RATE + refill + 1);
            assertTrue("and the rest dropped: " + answers.size() + " answers to " + sent, answers.size() <= sent / 2);
            SipTestClient.Message a503 = answers.stream().filter(a -> a.status() == 503).findFirst().orElseThrow();
            assertTrue(a503.text(), a503.header("Retry-After").matches("[1-9]\\d*"));
            assertEquals("60203;reason=\"Request rate limit exceeded.\"", a503.header("ms-diagnostics-public"));

            // meanwhile, another source is served
            send(other, request("OPTIONS", "calm", other));
            String answer = receive(other);
            assertNotNull("no answer to another source", answer);
            assertTrue(answer, answer.startsWith("SIP/2.0 200"));
        }
    }

    @Test
    public void oneUsersRegisterFloodIsRefusedWhileAnotherUserFromTheSameSourceIsServed() throws Exception {
        try (DatagramSocket s = udpFrom("127.0.0.4")) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 3 * USER_RATE; i++) { // within the source rate, over the user rate
                send(s, request("REGISTER", "flooded", s));
            }
            List<String> answers = drain(s);
            double refill = USER_RATE * (lastAnswerAt - t0) / 1e9;
            long refused = answers.stream().filter(a -> a.startsWith("SIP/2.0 503")).count();
            long challenged = answers.stream().filter(a -> a.startsWith("SIP/2.0 401")).count();
            assertTrue(answers.toString(), challenged >= 2 * USER_RATE - 1 && challenged <= 2 * USER_RATE + refill + 1);
            assertTrue(answers.toString(), refused >= 1 && refused + challenged == answers.size());
            send(s, request("REGISTER", "calm", s));
            String answer = receive(s);
            assertNotNull(answer);
            assertTrue(answer, answer.startsWith("SIP/2.0 401"));
        }
    }

    @Test
    public void connectionsBeyondThePerSourceCapAreClosedAndOthersStillConnect() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                held.add(tcpFrom("127.0.0.5"));
            }
            // each held connection is served
            for (Socket s : held) {
                assertTrue(optionsOver(s).startsWith("SIP/2.0 200"));
            }
            try (Socket extra = tcpFrom("127.0.0.5")) {
                extra.setSoTimeout(10_000);
                assertEquals("a connection over the cap is closed", -1, readOrEnd(extra));
            }
            try (Socket other = tcpFrom("127.0.0.6")) {
                assertTrue(optionsOver(other).startsWith("SIP/2.0 200"));
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
        // closed connections give their places back, once the server's reader threads have seen
        // them end (asynchronously, so a connection made at once may still be over the cap)
        assertTrue(servedWithin(() -> {
            try (Socket s = tcpFrom("127.0.0.5")) {
                return optionsOver(s);
            }
        }, 10_000).startsWith("SIP/2.0 200"));
    }

    @Test
    public void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket silent = tcpFrom("127.0.0.7")) {
            silent.setSoTimeout((IDLE_SECONDS + 10) * 1000);
            long t0 = System.nanoTime();
            assertEquals(-1, readOrEnd(silent));
            double waited = (System.nanoTime() - t0) / 1e9;
            assertTrue("closed after " + waited + " s", waited >= IDLE_SECONDS - 1);
        }
    }

    @Test
    public void aSlowClientSendingAByteAtATimeIsClosedOnceItPauses() throws Exception {
        try (Socket slow = tcpFrom("127.0.0.8")) {
            slow.setSoTimeout((IDLE_SECONDS + 10) * 1000);
            slow.getOutputStream().write("OPTIONS sip:x SIP/2.0\r\nVia: SIP/2.0/TCP".getBytes(StandardCharsets.US_ASCII));
            assertEquals(-1, readOrEnd(slow)); // the message never completes: the idle timeout ends it
        }
    }

    @Test
    public void anOversizedMessageClosesItsConnectionAndTheServerServesOn() throws Exception {
        try (Socket big = tcpFrom("127.0.0.9")) {
            big.setSoTimeout(10_000);
            String huge = "X-Padding: " + "a".repeat(200_000) + "\r\n";
            String msg = request("OPTIONS", "big", big.getLocalPort(), "TCP").replace("Content-Length: 0\r\n", huge + "Content-Length: 0\r\n");
            try {
                big.getOutputStream().write(msg.getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedWhileWriting) {
                // the server closed the connection mid-message: that is the expected outcome
            }
            int first = readOrEnd(big);
            if (first != -1) { // an error answer (400, 513) before closing is as good as closing
                byte[] line = big.getInputStream().readNBytes(11);
                String status = (char) first + new String(line, StandardCharsets.US_ASCII);
                assertTrue("an oversized message was answered " + status, status.matches("SIP/2.0 [45]\\d\\d.*"));
            }
        }
        try (Socket next = tcpFrom("127.0.0.9")) {
            assertTrue(optionsOver(next).startsWith("SIP/2.0 200"));
        }
    }

    // --- helpers

    private static DatagramSocket udpFrom(String address) throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
        s.setReceiveBufferSize(1 << 21);
        return s;
    }

    private static Socket tcpFrom(String address) throws IOException {
        return SourceConnections.tcpFrom(address, SIP_PORT);
    }

    private static String request(String method, String user, DatagramSocket from) {
        return request(method, user, from.getLocalPort(), "UDP").replace("127.0.0.1:" + from.getLocalPort(),
                from.getLocalAddress().getHostAddress() + ":" + from.getLocalPort());
    }

    private static String request(String method, String user, int port, String transport) {
        int n = ++calls;
        String domain = UcfrontServer.DOMAIN;
        return method + " sip:" + domain + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " 127.0.0.1:" + port + ";branch=z9hG4bK-flood-" + n + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + domain + ">;tag=f" + n + ";epid=e" + n + "\r\n"
                + "To: <sip:" + user + "@" + domain + ">\r\n"
                + "Call-ID: flood-" + n + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + port + ";transport=" + transport.toLowerCase() + ">\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    private static void send(DatagramSocket s, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), SIP_PORT));
    }

    private static String receive(DatagramSocket s) throws IOException {
        return nextFinal(s, 10_000);
    }

    /** Every final answer until none has come for 2 s (the server answers a flood within that). */
    private static List<String> drain(DatagramSocket s) throws IOException {
        List<String> out = new ArrayList<>();
        for (String a = nextFinal(s, 2_000); a != null; a = nextFinal(s, 2_000)) {
            out.add(a);
            lastAnswerAt = System.nanoTime();
        }
        return out;
    }

    /** The next final answer, or null when none comes within the time. */
    private static String nextFinal(DatagramSocket s, int timeoutMillis) throws IOException {
        s.setSoTimeout(timeoutMillis);
        byte[] buf = new byte[65536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (true) {
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                return null;
            }
            String text = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
            if (!text.startsWith("SIP/2.0 1")) {
                return text;
            }
        }
    }

    private static long lastAnswerAt;

    private static String optionsOver(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        s.getOutputStream().write(request("OPTIONS", "calm", s.getLocalPort(), "TCP")
                .replace("127.0.0.1:" + s.getLocalPort(), s.getLocalAddress().getHostAddress() + ":" + s.getLocalPort())
                .getBytes(StandardCharsets.US_ASCII));
        return head(s);
    }
}
