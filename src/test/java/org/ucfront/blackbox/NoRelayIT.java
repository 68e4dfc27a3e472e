package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * ucfront is not a relay (RFC 3261 §8.2.2.1, §12.2.2): requests the container would forward by
 * itself (those with a To tag, and INFO, UPDATE, PRACK and BYE) are answered, never sent on to the
 * host their Request-URI names, and no name is looked up for them.
 */
public class NoRelayIT {

    static UcfrontServer server;
    /** Stands for a host an attacker wants ucfront to send to: it must receive nothing. */
    static DatagramSocket victim;
    static DatagramSocket client;

    @BeforeClass
    public static void start() throws Exception {
        server = new UcfrontServer("no-relay", 15194, 18194).start();
        victim = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
        client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client.setSoTimeout(10_000);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (victim != null) {
            victim.close();
        }
        if (client != null) {
            client.close();
        }
    }

    static String request(String method, String requestUri, String toTag, String callId) {
        return request(method, requestUri, toTag, callId, client.getLocalPort());
    }

    /** A request from alice to bob, from a UDP client on the port. */
    static String request(String method, String requestUri, String toTag, String callId, int port) {
        return method + " " + requestUri + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + port + ";branch=z9hG4bK-" + callId + "\r\n"
                + "From: <sip:alice@" + UcfrontServer.DOMAIN + ">;tag=a1\r\n"
                + "To: <sip:bob@" + UcfrontServer.DOMAIN + ">" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 2 " + method + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** Sends a request and returns the first final response's text. */
    static String exchange(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        client.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), server.sipPort));
        byte[] buffer = new byte[65535];
        while (true) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            client.receive(p);
            String r = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
            if (!r.startsWith("SIP/2.0 1")) {
                return r;
            }
        }
    }

    /** What the victim received within a second after ucfront answered, or null. */
    static String relayed() throws IOException {
        victim.setSoTimeout(1000);
        byte[] buffer = new byte[65535];
        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
        try {
            victim.receive(p);
            return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    @Test
    public void aRequestForAnotherHostIsRefusedAndNotRelayed() throws Exception {
        String target = "sip:victim@127.0.0.2:" + victim.getLocalPort();
        for (String method : new String[] {"INFO", "UPDATE", "BYE", "MESSAGE", "OPTIONS", "FOO"}) {
            String answer = exchange(request(method, target, "b2", "relay-" + method));
            assertTrue(method + ": " + answer, answer.startsWith("SIP/2.0 404 "));
            assertTrue(answer, answer.contains("ms-diagnostics-public: 60207;reason=\"Request-URI not served by this server.\""));
            assertNull(method + " was relayed", relayed());
        }
    }

    @Test
    public void dialogRequestsOutsideADialogGet481() throws Exception {
        for (String method : new String[] {"INFO", "UPDATE", "PRACK", "BYE"}) {
            String answer = exchange(request(method, "sip:bob@" + UcfrontServer.DOMAIN, null, "nodialog-" + method));
            assertTrue(method + ": " + answer, answer.startsWith("SIP/2.0 481 "));
            assertTrue(answer, answer.contains("ms-diagnostics-public: 60208;reason=\"" + method + " outside a dialog.\""));
        }
    }

    /** A To tag naming no dialog of ucfront, for its own domain: 481, and the domain is never looked up. */
    @Test
    public void aRequestInAnUnknownDialogOfThisDomainGets481() throws Exception {
        for (String method : new String[] {"INFO", "UPDATE", "BYE"}) {
            String answer = exchange(request(method, "sip:bob@" + UcfrontServer.DOMAIN, "b3", "unknown-" + method));
            assertEquals(method + ": " + answer, "SIP/2.0 481", answer.substring(0, 11));
        }
        String log = server.logText();
        assertFalse(log, log.contains("cannot proxy statelessly"));
        assertFalse(log, log.contains("UnknownHostException"));
    }
}
