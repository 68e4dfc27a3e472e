package org.ucfront.sip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Checks of a request's raw header section that the SIP stack's parser does not make: it reads any
 * SIP-Version as SIP/2.0 and keeps one of two Call-IDs without a trace. Run on the bytes before
 * parsing (see {@link StrictMessageParserFactory}); the verdict is answered by
 * {@link RequestFramingValve}.
 */
public final class RequestFraming {

    /** RFC 3261 §7.1: the only version served. */
    static final String SIP_VERSION = "SIP/2.0";
    /** Headers with exactly one value (RFC 3261 §7.3.1, §20), by long and compact name (§7.3.3). */
    static final Map<String, String> SINGLE = Map.of("call-id", "Call-ID", "i", "Call-ID", "cseq", "CSeq",
            "from", "From", "f", "From", "to", "To", "t", "To", "max-forwards", "Max-Forwards",
            "content-length", "Content-Length", "l", "Content-Length");

    /** What is wrong with a request: the status to answer and why. */
    public record Problem(int status, String reason) {
    }

    private RequestFraming() {
    }

    /**
     * The problem of a request's bytes, or null (responses and well-framed requests). Runs on every
     * message the stack parses, so it walks the lines by index: no regular expression, no line array.
     */
    public static Problem check(byte[] message) {
        if (message.length >= RESPONSE_START.length
                && Arrays.equals(message, 0, RESPONSE_START.length, RESPONSE_START, 0, RESPONSE_START.length)) {
            return null;
        }
        String head = new String(message, 0, headerEnd(message), StandardCharsets.ISO_8859_1);
        int lineEnd = lineEnd(head, 0);
        String requestLine = line(head, 0, lineEnd).strip();
        int lastSpace = requestLine.lastIndexOf(' ');
        if (lastSpace > 0 && !requestLine.substring(lastSpace + 1).equalsIgnoreCase(SIP_VERSION)) {
            return new Problem(505, "Only " + SIP_VERSION + " is supported.");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int start = lineEnd + 1; start < head.length(); start = lineEnd + 1) {
            lineEnd = lineEnd(head, start);
            char first = head.charAt(start);
            int colon = head.indexOf(':', start);
            if (first == ' ' || first == '\t' || first == '\r' || first == '\n' || colon < 0 || colon >= lineEnd
                    || colon == start) {
                continue; // a folded continuation (§7.3.1), the blank line, or not a header
            }
            String name = SINGLE.get(head.substring(start, colon).strip().toLowerCase(Locale.ROOT));
            if (name != null && seen.merge(name, 1, Integer::sum) > 1) {
                return new Problem(400, name + " must appear once.");
            }
        }
        return null;
    }

    private static final byte[] RESPONSE_START = "SIP/".getBytes(StandardCharsets.US_ASCII);

    /** Index of the line's LF, or the end of the head. */
    private static int lineEnd(String head, int start) {
        int lf = head.indexOf('\n', start);
        return lf < 0 ? head.length() : lf;
    }

    /** The line from start to its LF, without the CR before it. */
    private static String line(String head, int start, int lineEnd) {
        int end = lineEnd > start && head.charAt(lineEnd - 1) == '\r' ? lineEnd - 1 : lineEnd;
        return head.substring(start, end);
    }

    private static int headerEnd(byte[] m) {
        for (int i = 0; i + 1 < m.length; i++) {
            if (m[i] == '\n' && (m[i + 1] == '\n' || m[i + 1] == '\r' && i + 2 < m.length && m[i + 2] == '\n')) {
                return i + 1;
            }
        }
        return m.length;
    }
}
