package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Load shedding over TCP (OverloadValve): requests pipelined on one connection faster than they
 * are served wait in the stack's queue; once its oldest has waited beyond ucfront.sip.max.queue.delay.ms
 * (a short bound here) new requests without credentials get 503 with Retry-After and ms-diagnostics 60209
 * instead of waiting, every request gets exactly one answer, and once the queue has drained
 * requests are served again. And the first requests of a new connection, arriving together, are
 * each answered on it; a keepalive ping gets its pong.
 */
public class TcpBacklogIT {

    static final int SIP_PORT = 15870;
    static final int HTTP_PORT = 18870;
    static final int MAX_QUEUE_DELAY_MS = 20;
    static final int BURST = 2000;
    static final int PARALLEL_CLIENTS = 6;
    static final int FRESH_CONNECTIONS = 60;
    static final int FIRST_BURST = 16;

    static UcfrontServer server;

    @BeforeClass
    public static void startServer() throws Exception {
        server = new UcfrontServer("tcp-backlog", SIP_PORT, HTTP_PORT)
                .with("UCFRONT_FLOOD_SOURCE_RATE", "0")
                .with("UCFRONT_FLOOD_USER_RATE", "0")
                .with("UCFRONT_SIP_MAX_QUEUE_DELAY_MS", Integer.toString(MAX_QUEUE_DELAY_MS))
                .start();
        AdminClient.of(server).createUser("sip:piled@" + UcfrontServer.DOMAIN, "pw-backlog");
    }

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    public void aBacklogBeyondTheBoundIsAnswered503AndEveryRequestOnce() throws Exception {
        try (SipTestClient c = SipTestClient.tcp(SIP_PORT)) {
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < BURST; i++) {
                burst.append(register(c, "piled-" + i));
            }
            // written by another thread while this one reads: the answers must not fill the socket
            CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
                try {
                    c.send(burst.toString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<SipTestClient.Message> answers = new ArrayList<>();
            Set<String> answered = new HashSet<>();
            for (int i = 0; i < BURST; i++) {
                SipTestClient.Message m = c.receive();
                answers.add(m);
                assertTrue("answered twice: " + m.header("Call-ID"), answered.add(m.header("Call-ID")));
            }
            written.get();
            long challenged = answers.stream().filter(a -> a.status() == 401).count();
            List<SipTestClient.Message> refused = answers.stream().filter(a -> a.status() == 503).toList();
            assertEquals("every request answered 401 or 503", BURST, challenged + refused.size());
            assertTrue("the queue's delay went beyond " + MAX_QUEUE_DELAY_MS + " ms: some were refused", refused.size() > 0);
            assertTrue("requests were served while the backlog lasted: " + challenged, challenged > 0);
            SipTestClient.Message a503 = refused.get(0);
            assertTrue(a503.text(), a503.header("Retry-After").matches("[1-9]\\d*"));
            assertEquals("60209;reason=\"Server overloaded.\"", a503.header("ms-diagnostics-public"));

            c.send(register(c, "after-the-burst"));
            SipTestClient.Message after = c.receive();
            assertEquals(after.text(), 401, after.status());
        }
    }

    /**
     * The stack handles a connection's requests on several threads, and put the connection's socket in
     * its table of sockets (through which it sends every answer) only while handling the first: an
     * answer to a later one sent before that found no socket, tried to connect to the client's port,
     * and the failed connect took the socket out of the table again, so every later answer on the
     * connection was lost (seen in the benchmark as a step failing at its start).
     */
    @Test
    public void everyRequestOfAConnectionsFirstBurstIsAnsweredOnIt() throws Exception {
        // clients in parallel keep the server's threads busy, as a load does, so that the first
        // messages' threads interleave
        ExecutorService clients = Executors.newFixedThreadPool(PARALLEL_CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < PARALLEL_CLIENTS; t++) {
                String client = "fresh-" + t;
                done.add(clients.submit(() -> {
                    for (int k = 0; k < FRESH_CONNECTIONS; k++) {
                        firstBurstAnswered(client + "-" + k);
                    }
                    return null;
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static void firstBurstAnswered(String connection) throws Exception {
        try (SipTestClient c = SipTestClient.tcp(SIP_PORT)) {
            StringBuilder first = new StringBuilder();
            for (int i = 0; i < FIRST_BURST; i++) {
                first.append(register(c, connection + "-" + i));
            }
            c.send(first.toString());
            for (int i = 0; i < FIRST_BURST; i++) {
                SipTestClient.Message m = c.receiveWithin(5_000);
                assertTrue("connection " + connection + ": " + i + " of " + FIRST_BURST + " requests answered", m != null);
                assertTrue(m.text(), m.status() == 401 || m.status() == 503);
            }
        }
    }

    /**
     * RFC 5626 §3.5.1 (Lync clients ping their connection once registered, ms-keep-alive): a double
     * CRLF is answered with a single CRLF, on the connection, which then serves requests as before.
     */
    @Test
    public void aDoubleCrlfPingIsAnsweredWithAPongAndTheConnectionServesOn() throws Exception {
        try (SipTestClient c = SipTestClient.tcp(SIP_PORT)) {
            c.send(register(c, "ping-1"));
            SipTestClient.Message first = c.receive();
            assertEquals(first.text(), 401, first.status());
            c.sendBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals("\r\n", c.receiveBytes(2));
            c.send(register(c, "ping-2"));
            SipTestClient.Message after = c.receive();
            assertEquals(after.text(), 401, after.status());
        }
    }

    private static String register(SipTestClient c, String callId) {
        String domain = UcfrontServer.DOMAIN;
        return "REGISTER sip:" + domain + " SIP/2.0\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:" + c.localPort() + ";branch=z9hG4bK-" + callId + "\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:piled@" + domain + ">;tag=" + callId + ";epid=e" + Math.abs(callId.hashCode()) + "\n"
                + "To: <sip:piled@" + domain + ">\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: 1 REGISTER\n"
                + "Contact: <sip:piled@127.0.0.1:" + c.localPort() + ";transport=tcp>\n"
                + "Content-Length: 0\n\n";
    }
}
