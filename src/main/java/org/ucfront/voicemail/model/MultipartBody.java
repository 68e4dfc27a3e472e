package org.ucfront.voicemail.model;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The multipart MIME body of an INVITE (RFC 2046 §5.1), for MS-EUMR §3.1.5.5: a UM server that
 * answers 415 to a multipart INVITE gets a fresh INVITE with the SDP part alone.
 */
public final class MultipartBody {

    public static final String SDP = "application/sdp";

    private MultipartBody() {
    }

    public static boolean isMultipart(String contentType) {
        return contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The body of the first {@code application/sdp} part, if the multipart body has one. */
    public static Optional<byte[]> sdpPart(String contentType, byte[] body) {
        String boundary = boundary(contentType);
        if (boundary == null || body == null) {
            return Optional.empty();
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        String[] parts = text.split(java.util.regex.Pattern.quote(delimiter), -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("--")) {
                break; // the close delimiter
            }
            int headersEnd = part.indexOf("\r\n\r\n");
            int sep = 4;
            if (headersEnd < 0) {
                headersEnd = part.indexOf("\n\n");
                sep = 2;
            }
            if (headersEnd < 0) {
                continue;
            }
            String partHeaders = part.substring(0, headersEnd).toLowerCase(Locale.ROOT);
            if (partHeaders.contains("content-type: " + SDP) || partHeaders.contains("content-type:" + SDP)) {
                String content = part.substring(headersEnd + sep);
                if (content.endsWith("\r\n")) { // the CRLF before the next delimiter belongs to it
                    content = content.substring(0, content.length() - 2);
                } else if (content.endsWith("\n")) {
                    content = content.substring(0, content.length() - 1);
                }
                if (!content.endsWith("\n")) { // RFC 4566 §5: every SDP line ends with CRLF
                    content += "\r\n";
                }
                return Optional.of(content.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return Optional.empty();
    }

    static String boundary(String contentType) {
        if (!isMultipart(contentType)) {
            return null;
        }
        for (String p : contentType.split(";")) {
            String t = p.trim();
            if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = t.substring("boundary=".length()).trim();
                if (b.length() > 1 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                return b.isEmpty() ? null : b;
            }
        }
        return null;
    }
}
