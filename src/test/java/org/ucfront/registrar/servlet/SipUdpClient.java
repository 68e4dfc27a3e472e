package org.ucfront.registrar.servlet;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A minimal SIP user agent over UDP for tests (its REGISTER's text also for a TCP socket), written from RFC 3261
 * (§7, §8.1, §10.2) without the server's code: it builds REGISTER requests as a Lync client
 * sends them (MS-SIPREGE §4.1.1), waits for the final response of each transaction, and receives
 * and answers the server's requests.
 */
final class SipUdpClient implements AutoCloseable {

    /** How long a transaction may take before the test fails (the wait ends as soon as it arrives). */
    static final int RESPONSE_TIMEOUT_MS = 10_000;

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final String localHost;
    final String callId = UUID.randomUUID() + "@ucfront-it";
    final String fromTag = Long.toHexString(Double.doubleToLongBits(Math.random()));
    final String epid = Integer.toHexString((int) (Math.random() * Integer.MAX_VALUE));
    private long cseq;

    SipUdpClient(String serverAddress, int serverPort) throws IOException {
        InetAddress address = InetAddress.getByName(serverAddress);
        this.server = new InetSocketAddress(address, serverPort);
        this.socket = new DatagramSocket(new InetSocketAddress(address, 0));
        this.socket.setSoTimeout(RESPONSE_TIMEOUT_MS);
        this.localHost = address.getHostAddress();
    }

    int localPort() {
        return socket.getLocalPort();
    }

    /** The Contact URI this agent registers. */
    String contactUri() {
        return "sip:" + localHost + ":" + localPort() + ";transport=udp";
    }

    /** REGISTER of {@code user@domain} for the endpoint {@code instance} (a urn:uuid: URN). */
    Message register(String user, String domain, String instance, int expires) throws IOException {
        long seq = ++cseq;
        return send(registerRequest("UDP", user, domain, instance, expires, seq), seq + " REGISTER");
    }

    /**
     * The text of this agent's next REGISTER for another transport's socket of the test's (e.g. TCP:
     * its Via and Contact then name that transport, and the server answers on the connection).
     */
    String nextRegister(String transport, String user, String domain, String instance, int expires) {
        return registerRequest(transport, user, domain, instance, expires, ++cseq);
    }

    private String registerRequest(String transport, String user, String domain, String instance, int expires,
            long seq) {
        String aor = "sip:" + user + "@" + domain;
        String contact = "sip:" + localHost + ":" + localPort() + ";transport=" + transport.toLowerCase(Locale.ROOT);
        return "REGISTER sip:" + domain + " SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + localHost + ":" + localPort() + ";branch=z9hG4bK"
                + UUID.randomUUID().toString().replace("-", "") + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + aor + ">;tag=" + fromTag + ";epid=" + epid + "\r\n"
                + "To: <" + aor + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + seq + " REGISTER\r\n"
                + "Contact: <" + contact + ">;methods=\"INVITE, MESSAGE, INFO, OPTIONS, BYE, CANCEL, NOTIFY, ACK,"
                + " REFER, BENOTIFY\";proxy=replace;+sip.instance=\"<" + instance + ">\"\r\n"
                + "User-Agent: UCCAPI/4.0.7577.0 OC/4.0.7577.0 (Microsoft Communicator 2010)\r\n"
                + "Supported: gruu-10, adhoclist, msrtc-event-categories\r\n"
                + "Supported: ms-userservices-state-notification\r\n"
                + "Event: registration\r\n"
                + "Expires: " + expires + "\r\n"
                + "Content-Length: 0\r\n"
                + "\r\n";
    }

    /** MS-SIPREGE §4.2.1: a provisioning SUBSCRIBE by {@code user@domain} for itself, answer piggybacked. */
    Message subscribeProvisioning(String user, String domain, String body) throws IOException {
        long seq = ++cseq;
        String aor = "sip:" + user + "@" + domain;
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String request = "SUBSCRIBE " + aor + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + localHost + ":" + localPort() + ";branch=z9hG4bK"
                + UUID.randomUUID().toString().replace("-", "") + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <" + aor + ">;tag=" + fromTag + ";epid=" + epid + "\r\n"
                + "To: <" + aor + ">\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: " + seq + " SUBSCRIBE\r\n"
                + "Contact: <" + contactUri() + ">\r\n"
                + "Event: vnd-microsoft-provisioning-v2\r\n"
                + "Accept: application/vnd-microsoft-roaming-provisioning-v2+xml\r\n"
                + "Supported: ms-piggyback-first-notify\r\n"
                + "Expires: 0\r\n"
                + "Content-Type: application/vnd-microsoft-roaming-provisioning-v2+xml\r\n"
                + "Content-Length: " + content.length + "\r\n"
                + "\r\n" + body;
        return send(request, seq + " SUBSCRIBE");
    }

    /** Sends the request and returns its final response (provisional ones and other traffic skipped). */
    private Message send(String request, String cseqValue) throws IOException {
        byte[] bytes = request.getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, server));
        return receive("final response to CSeq " + cseqValue, m -> !m.isRequest() && m.status >= 200
                && callId.equals(m.header("Call-ID")) && cseqValue.equals(m.header("CSeq")));
    }

    /** Waits for the server to send a request of this method to this agent (other traffic skipped). */
    Message awaitRequest(String method) throws IOException {
        return receive(method + " request", m -> m.isRequest() && method.equals(m.method));
    }

    /** Answers a request the server sent (RFC 3261 §8.2.6: Via, From, To, Call-ID, CSeq copied). */
    void answer(Message request, int status, String reason) throws IOException {
        StringBuilder r = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String via : request.headers("Via")) {
            r.append("Via: ").append(via).append("\r\n");
        }
        r.append("From: ").append(request.header("From")).append("\r\n")
                .append("To: ").append(request.header("To")).append("\r\n")
                .append("Call-ID: ").append(request.header("Call-ID")).append("\r\n")
                .append("CSeq: ").append(request.header("CSeq")).append("\r\n")
                .append("Content-Length: 0\r\n\r\n");
        byte[] bytes = r.toString().getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, request.sender));
    }

    private Message receive(String what, Predicate<Message> wanted) throws IOException {
        byte[] buffer = new byte[65_535];
        long deadline = System.currentTimeMillis() + RESPONSE_TIMEOUT_MS;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new SocketTimeoutException("no " + what + " within " + RESPONSE_TIMEOUT_MS + " ms");
            }
            socket.setSoTimeout((int) left);
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet); // blocks until a datagram arrives (or the deadline passes)
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("no " + what + " within " + RESPONSE_TIMEOUT_MS + " ms");
            }
            Message m = Message.parse(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8),
                    (InetSocketAddress) packet.getSocketAddress());
            if (wanted.test(m)) {
                return m;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }

    /** A SIP request or response: start line, headers by lower-case name (each line kept), body. */
    static final class Message {
        /** RFC 3261 §7.3.3 compact forms. */
        private static final Map<String, String> COMPACT = Map.of("i", "call-id", "m", "contact", "e",
                "content-encoding", "l", "content-length", "c", "content-type", "f", "from", "s", "subject", "k",
                "supported", "t", "to", "v", "via");

        /** Status code of a response; 0 for a request. */
        final int status;
        /** Method of a request; null for a response. */
        final String method;
        /** Request-URI of a request; null for a response. */
        final String requestUri;
        final String body;
        final String text;
        final InetSocketAddress sender;
        private final Map<String, List<String>> headers;

        private Message(String[] startLine, String body, String text, InetSocketAddress sender,
                Map<String, List<String>> headers) {
            boolean response = startLine[0].equals("SIP/2.0");
            this.status = response ? Integer.parseInt(startLine[1]) : 0;
            this.method = response ? null : startLine[0];
            this.requestUri = response ? null : startLine[1];
            this.body = body;
            this.text = text;
            this.sender = sender;
            this.headers = headers;
        }

        boolean isRequest() {
            return method != null;
        }

        static Message parse(String text, InetSocketAddress sender) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            String[] startLine = lines[0].split(" ", 3);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String name = null;
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                if ((line.startsWith(" ") || line.startsWith("\t")) && name != null) { // folded (§7.3.1)
                    List<String> values = headers.get(name);
                    values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.strip());
                    continue;
                }
                int colon = line.indexOf(':');
                name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                name = COMPACT.getOrDefault(name, name);
                headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
            }
            return new Message(startLine, body, text, sender, headers);
        }

        /** The header's lines, in order (empty if absent). */
        List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        /** The value of a header that occurs at most once; null if absent. */
        String header(String name) {
            List<String> values = headers(name);
            if (values.size() > 1) {
                throw new AssertionError(name + " occurs " + values.size() + " times in\n" + text);
            }
            return values.isEmpty() ? null : values.get(0);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
