package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * UDP server transactions over real datagrams (RFC 3261 §17.2.2): a retransmitted REGISTER gets
 * the answer already sent and is not processed again, although ucfront releases the parsed request
 * as soon as it has answered; and when the transaction table is full (a small
 * ucfront.sip.max.server.transactions here) new requests get 503 with Retry-After instead of
 * silence, admitted ones still get their answer, and new requests are served again once the
 * transactions of the burst have ended (Timer J: 32 s after their answer).
 */
public class UdpTransactionsIT {

    static final int SIP_PORT = 15850;
    static final int HTTP_PORT = 18850;
    static final int MAX_TRANSACTIONS = 100;
    static final String PASSWORD = "pw-udp";
    static final String REGISTER_401 = "ucfront_sip_requests_total{method=\"REGISTER\",code=\"401\"}";
    static final String REGISTER_200 = "ucfront_sip_requests_total{method=\"REGISTER\",code=\"200\"}";

    static UcfrontServer server;
    static int calls;

    @BeforeClass
    public static void startServer() throws Exception {
        server = new UcfrontServer("udp-transactions", SIP_PORT, HTTP_PORT)
                .with("UCFRONT_DIGEST_ALGORITHMS", "MD5")
                .with("UCFRONT_FLOOD_SOURCE_RATE", "0")
                .with("UCFRONT_FLOOD_USER_RATE", "0")
                .with("UCFRONT_SIP_MAX_SERVER_TRANSACTIONS", Integer.toString(MAX_TRANSACTIONS))
                .start();
        AdminClient.of(server).createUser("sip:una@" + UcfrontServer.DOMAIN, PASSWORD);
        AdminClient.of(server).createUser("sip:burst@" + UcfrontServer.DOMAIN, PASSWORD);
    }

    @AfterClass
    public static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    public void aRetransmittedRegisterGetsTheSameAnswerAndIsProcessedOnce() throws Exception {
        try (SipTestClient c = SipTestClient.udp(SIP_PORT)) {
            MetricsScrape before = MetricsScrape.of(server);
            String first = register(c, "una", "una-1", 1, null);
            c.send(first);
            SipTestClient.Message challenge = c.receive();
            assertEquals(challenge.text(), 401, challenge.status());
            for (int i = 0; i < 3; i++) { // T1 retransmissions of the same request (same branch)
                c.send(first);
                SipTestClient.Message again = c.receive();
                assertEquals("a retransmission gets the answer already sent", challenge.text(), again.text());
            }
            String nonce = challenge.header("WWW-Authenticate", "").replaceAll(".*nonce=\"([^\"]+)\".*", "$1");
            // RFC 2617 §3.2.2 (MD5, qop=auth), computed here independently of the server
            String ha1 = md5("una:" + UcfrontServer.DOMAIN + ":" + PASSWORD);
            String ha2 = md5("REGISTER:sip:" + UcfrontServer.DOMAIN);
            String response = md5(ha1 + ":" + nonce + ":00000001:0a4f113b:auth:" + ha2);
            String second = register(c, "una", "una-1", 2, "Digest username=\"una\", realm=\"" + UcfrontServer.DOMAIN
                    + "\", nonce=\"" + nonce + "\", uri=\"sip:" + UcfrontServer.DOMAIN + "\", response=\"" + response
                    + "\", algorithm=MD5, cnonce=\"0a4f113b\", qop=auth, nc=00000001");
            c.send(second);
            SipTestClient.Message ok = c.receive();
            assertEquals(ok.text(), 200, ok.status());
            for (int i = 0; i < 3; i++) {
                c.send(second);
                SipTestClient.Message again = c.receive();
                assertEquals("a retransmission gets the answer already sent", ok.text(), again.text());
            }
            MetricsScrape after = MetricsScrape.of(server);
            assertEquals("each REGISTER reached the registrar once", 1,
                    after.value(REGISTER_401) - before.value(REGISTER_401), 0);
            assertEquals(1, after.value(REGISTER_200) - before.value(REGISTER_200), 0);
        }
    }

    @Test
    public void aFullTransactionTableAnswers503ThenServesAgainOnceItsTransactionsEnd() throws Exception {
        try (SipTestClient c = SipTestClient.udp(SIP_PORT)) {
            int sent = 3 * MAX_TRANSACTIONS;
            List<String> requests = new ArrayList<>();
            List<SipTestClient.Message> answers = new ArrayList<>();
            // one at a time, each answer awaited: the table fills deterministically (requests in
            // flight together could pass the check at once and meet the stack's own random drops)
            for (int i = 0; i < sent; i++) {
                requests.add(register(c, "burst", "burst-" + i, 1, null));
                c.send(requests.get(i));
                answers.add(c.receive());
            }
            long challenged = answers.stream().filter(a -> a.status() == 401).count();
            List<SipTestClient.Message> refused = answers.stream().filter(a -> a.status() == 503).toList();
            // the other tests' transactions (at most 2) may still be in the table
            assertTrue("admitted up to the table's size: " + challenged,
                    challenged >= MAX_TRANSACTIONS - 2 && challenged <= MAX_TRANSACTIONS);
            assertEquals("the first ones admitted, then none", challenged,
                    answers.subList(0, (int) challenged).stream().filter(a -> a.status() == 401).count());
            assertEquals("every other request answered 503", sent - challenged, refused.size());
            SipTestClient.Message a503 = refused.get(0);
            assertTrue(a503.text(), a503.header("Retry-After").matches("[1-9]\\d*"));
            assertEquals("60209;reason=\"Server overloaded.\"", a503.header("ms-diagnostics-public"));

            // an admitted request's retransmission still gets its own answer
            String admittedCallId = answers.stream().filter(a -> a.status() == 401).findFirst().orElseThrow().header("Call-ID");
            String admitted = requests.stream().filter(r -> r.contains("Call-ID: " + admittedCallId + "\n")).findFirst().orElseThrow();
            c.send(admitted);
            SipTestClient.Message again = c.receive();
            assertEquals(again.text(), 401, again.status());
            assertEquals(admittedCallId, again.header("Call-ID"));

            // the burst's transactions end 32 s after their answers (Timer J): new requests are
            // challenged again from then on, asked once a second
            long deadline = System.nanoTime() + 60_000_000_000L;
            SipTestClient.Message later = null;
            int n = 0;
            while (System.nanoTime() < deadline) {
                c.send(register(c, "burst", "after-" + n++, 1, null));
                later = c.receiveWithin(1_000);
                if (later != null && later.status() == 401) {
                    break;
                }
            }
            assertNotNull("no answer after the burst", later);
            assertEquals(later.text(), 401, later.status());
        }
    }

    private static String register(SipTestClient c, String user, String callId, int cseq, String authorization) {
        int n = ++calls;
        String domain = UcfrontServer.DOMAIN;
        return "REGISTER sip:" + domain + " SIP/2.0\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + c.localPort() + ";branch=z9hG4bK-udptx-" + n + "\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:" + user + "@" + domain + ">;tag=u" + n + ";epid=e" + callId.hashCode() + "\n"
                + "To: <sip:" + user + "@" + domain + ">\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " REGISTER\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + c.localPort() + ";transport=udp>\n"
                + (authorization != null ? "Authorization: " + authorization + "\n" : "")
                + "Content-Length: 0\n\n";
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
