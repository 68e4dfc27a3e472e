package org.ucfront.sip;

import java.nio.charset.StandardCharsets;
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

    /** The problem of a request's bytes, or null (responses and well-framed requests). */
    public static Problem check(byte[] message) {
        int end = headerEnd(message);
        String head = new String(message, 0, end, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n");
        if (lines.length == 0 || lines[0].startsWith("SIP/")) {
            return null;
        }
        String requestLine = lines[0].strip();
        int lastSpace = requestLine.lastIndexOf(' ');
        if (lastSpace > 0 && !requestLine.substring(lastSpace + 1).equalsIgnoreCase(SIP_VERSION)) {
            return new Problem(505, "Only " + SIP_VERSION + " is supported.");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                continue; // a folded continuation (§7.3.1)
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = SINGLE.get(line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            if (name != null && seen.merge(name, 1, Integer::sum) > 1) {
                return new Problem(400, name + " must appear once.");
            }
        }
        return null;
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
