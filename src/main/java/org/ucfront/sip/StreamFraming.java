package org.ucfront.sip;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts the bytes of a TCP or TLS connection into SIP messages (RFC 3261 §18.3: the header section
 * ends at the first empty line, the body is Content-Length bytes) and RFC 5626 §3.5.1 keepalives,
 * without parsing them: the stack's parser runs later, on a worker thread (FramedReading). Each
 * message keeps its Call-ID, found by name alone, so that messages of one call are processed in
 * order (CallIdOrdering). Not thread-safe: one reading thread per connection feeds it.
 */
public final class StreamFraming {

    /** What the stream carried next. */
    public sealed interface Unit permits Message, Keepalive {
    }

    /** A message's header section (request or status line to the empty line) and body. */
    public record Message(byte[] head, byte[] body, String callId) implements Unit {
    }

    /**
     * RFC 5626 §3.5.1: a double CRLF is a ping, to answer with a single CRLF (pong); a single CRLF
     * is the pong of a ping sent.
     */
    public enum Keepalive implements Unit {
        PING, PONG
    }

    /** A message beyond the connection's size limit: the connection is closed (RFC 3261 §18.3). */
    public static final class TooLarge extends Exception {
        TooLarge(String what) {
            super(what);
        }
    }

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    /** Header names by long and compact form (RFC 3261 §7.3.3, §20.14, §20.8). */
    private static final byte[] CONTENT_LENGTH = bytes("content-length");
    private static final byte[] CONTENT_LENGTH_COMPACT = bytes("l");
    private static final byte[] CALL_ID = bytes("call-id");
    private static final byte[] CALL_ID_COMPACT = bytes("i");

    private final int maxHead;
    private final int maxBody;
    /** A buffer's first size: a REGISTER with Digest credentials takes about 1 KB, NTLM or Kerberos more. */
    private static final int INITIAL_BUFFER = 4096;

    private byte[] buf = new byte[INITIAL_BUFFER];
    /** Unread bytes are buf[start, end). */
    private int start;
    private int end;
    /** Where the search for the empty line goes on (from start), while a header section is incomplete. */
    private int searched;
    /** Length of the current message's header section, or -1 while its empty line is not read. */
    private int headLength = -1;
    private int bodyLength;
    private String callId;
    private boolean afterCrlf;

    /**
     * @param maxMessageSize the stack's limit (gov.nist.javax.sip.MAX_MESSAGE_SIZE; 0: none): like
     *        the stack's own reader, a header section may take half of it, a body all of it
     */
    public StreamFraming(int maxMessageSize) {
        int max = maxMessageSize > 0 ? maxMessageSize : Integer.MAX_VALUE / 4;
        this.maxHead = max / 2;
        this.maxBody = max;
    }

    /**
     * Reads what the connection has, blocking until it has something, into the buffer: the number
     * of bytes read, or -1 at the end of the stream.
     */
    public int readFrom(InputStream in) throws IOException {
        if (end == buf.length) {
            makeRoom();
        }
        int n = in.read(buf, end, buf.length - end);
        if (n > 0) {
            end += n;
        }
        return n;
    }

    /** Moves the unread bytes to the front, and doubles the buffer if they fill it. */
    private void makeRoom() {
        int unread = end - start;
        System.arraycopy(buf, start, buf, 0, unread);
        start = 0;
        end = unread;
        if (end == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // bounded: next() refuses a message beyond the limit
        }
    }

    /** The next complete unit, or null until more bytes are read. */
    public Unit next() throws TooLarge {
        if (headLength < 0) {
            Keepalive keepalive = keepalive();
            if (keepalive != null || start == end || buf[start] == CR && start + 1 == end) {
                return keepalive;
            }
            if (!head()) {
                return null;
            }
        }
        if (end - start < headLength + bodyLength) {
            return null;
        }
        int bodyStart = start + headLength;
        Message message = new Message(Arrays.copyOfRange(buf, start, bodyStart),
                Arrays.copyOfRange(buf, bodyStart, bodyStart + bodyLength), callId);
        start = bodyStart + bodyLength;
        headLength = -1;
        searched = 0;
        callId = null;
        afterCrlf = false;
        if (start == end) {
            start = end = 0;
            if (buf.length > INITIAL_BUFFER) {
                buf = new byte[INITIAL_BUFFER]; // an idle connection keeps a small buffer after a large message
            }
        }
        return message;
    }

    /** Skips line ends before a message; a CRLF there is a keepalive (the second in a row a ping). */
    private Keepalive keepalive() {
        while (start < end) {
            if (buf[start] == LF) {
                start++; // a bare LF between messages is dropped, as the stack's reader did
            } else if (buf[start] == CR && start + 1 < end && buf[start + 1] == LF) {
                start += 2;
                afterCrlf = !afterCrlf;
                return afterCrlf ? Keepalive.PONG : Keepalive.PING;
            } else {
                return null;
            }
        }
        return null;
    }

    /** Finds the empty line ending the header section from {@code start}; false if not read yet. */
    private boolean head() throws TooLarge {
        for (int i = start + Math.max(searched, 1); i < end; i++) {
            if (buf[i] == LF && (buf[i - 1] == LF || buf[i - 1] == CR && i - 2 >= start && buf[i - 2] == LF)) {
                headLength = i + 1 - start;
                if (headLength > maxHead) {
                    throw new TooLarge("a header section of " + headLength + " bytes (limit " + maxHead + ")");
                }
                readHeaders(start, i + 1);
                return true;
            }
        }
        searched = end - start;
        if (searched > maxHead) {
            throw new TooLarge("a header section of over " + maxHead + " bytes");
        }
        return false;
    }

    /** Content-Length and Call-ID from the header lines of buf[from, to). */
    private void readHeaders(int from, int to) throws TooLarge {
        bodyLength = 0;
        boolean lengthSeen = false;
        for (int line = from; line < to;) {
            int lineEnd = line;
            while (lineEnd < to && buf[lineEnd] != LF) {
                lineEnd++;
            }
            int valueEnd = lineEnd > line && buf[lineEnd - 1] == CR ? lineEnd - 1 : lineEnd;
            int colon = line;
            while (colon < valueEnd && buf[colon] != ':') {
                colon++;
            }
            if (line > from && colon < valueEnd && buf[line] != ' ' && buf[line] != '\t') {
                int nameEnd = trimEnd(line, colon);
                int value = trimStart(colon + 1, valueEnd);
                int valueTo = trimEnd(value, valueEnd);
                if (!lengthSeen && (named(line, nameEnd, CONTENT_LENGTH) || named(line, nameEnd, CONTENT_LENGTH_COMPACT))) {
                    lengthSeen = true;
                    bodyLength = length(value, valueTo);
                } else if (callId == null && (named(line, nameEnd, CALL_ID) || named(line, nameEnd, CALL_ID_COMPACT))) {
                    callId = new String(buf, value, valueTo - value, StandardCharsets.ISO_8859_1);
                }
            }
            line = lineEnd + 1;
        }
        if (callId == null) {
            callId = ""; // the stack answers its absence (RequestFramingValve)
        }
    }

    /**
     * The decimal Content-Length; 0 if it is not a number, which the parser then refuses with the
     * message (RFC 3261 §20.14: over a stream it is mandatory).
     */
    private int length(int from, int to) throws TooLarge {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (buf[i] < '0' || buf[i] > '9') {
                return 0;
            }
            if (n <= maxBody) { // beyond, only "too large" matters: no overflow
                n = n * 10 + (buf[i] - '0');
            }
        }
        if (n > maxBody) {
            throw new TooLarge("a body of over " + maxBody + " bytes");
        }
        return (int) n;
    }

    private boolean named(int from, int to, byte[] lowerName) {
        if (to - from != lowerName.length) {
            return false;
        }
        for (int i = 0; i < lowerName.length; i++) {
            int c = buf[from + i];
            if ((c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    private int trimStart(int from, int to) {
        while (from < to && (buf[from] == ' ' || buf[from] == '\t')) {
            from++;
        }
        return from;
    }

    private int trimEnd(int from, int to) {
        while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) {
            to--;
        }
        return to;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
