package org.ucfront.sip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lexer for comma-separated {@code name=value} lists, the shape shared by Digest credentials
 * (RFC 3261 §25.1 digest-response) and Ms-Device-Info (MS-SIPREGE §2.2.1.7).
 *
 * <pre>
 * list  = SWS param *(SWS "," SWS param) SWS
 * param = token SWS "=" SWS (quoted-string / bare)
 * bare  = 1*(VCHAR except DQUOTE "," "=" ";" "\")
 * </pre>
 *
 * Names are compared case-insensitively and must be unique. Whitespace is SP/HTAB; a folded
 * line (CRLF followed by SP/HTAB) counts as whitespace, any other CR or LF is an error. What a
 * bare value may contain beyond this is for the caller to check.
 */
public final class ParamList {
    private ParamList() {
    }

    /** One parameter; {@code value} is unescaped if it was a quoted-string. */
    public record Param(String name, String value, boolean quoted) {
    }

    /**
     * @param what names the header in exception messages, e.g. "Ms-Device-Info"
     * @return parameters keyed by lowercased name, in input order
     * @throws MalformedHeaderException on any syntax error, duplicate name or over-long input
     */
    public static Map<String, Param> parse(String input, String what) {
        if (input == null) {
            throw new MalformedHeaderException(what + ": missing value");
        }
        if (input.length() > SipHeaders.MAX_HEADER_VALUE_LENGTH) {
            throw new MalformedHeaderException(what + ": value longer than "
                    + SipHeaders.MAX_HEADER_VALUE_LENGTH + " characters");
        }
        return new Lexer(input, what).list();
    }

    private static final class Lexer {
        private final String s;
        private final String what;
        private int pos;

        Lexer(String s, String what) {
            this.s = s;
            this.what = what;
        }

        Map<String, Param> list() {
            Map<String, Param> params = new LinkedHashMap<>();
            skipWhitespace();
            if (pos == s.length()) {
                throw error("no parameters");
            }
            while (true) {
                Param p = param();
                String key = p.name().toLowerCase(Locale.ROOT);
                if (params.putIfAbsent(key, p) != null) {
                    throw error("duplicate parameter '" + p.name() + "'");
                }
                skipWhitespace();
                if (pos == s.length()) {
                    return Collections.unmodifiableMap(params);
                }
                if (s.charAt(pos) != ',') {
                    throw error("expected ',' after parameter '" + p.name() + "'");
                }
                pos++;
                skipWhitespace();
                if (pos == s.length()) {
                    throw error("expected a parameter after ','");
                }
            }
        }

        private Param param() {
            int start = pos;
            while (pos < s.length() && Tokens.isTokenChar(s.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                throw error("expected a parameter name");
            }
            String name = s.substring(start, pos);
            skipWhitespace();
            if (pos == s.length() || s.charAt(pos) != '=') {
                throw error("expected '=' after parameter '" + name + "'");
            }
            pos++;
            skipWhitespace();
            if (pos == s.length()) {
                throw error("missing value of parameter '" + name + "'");
            }
            if (s.charAt(pos) == '"') {
                return new Param(name, quotedString(name), true);
            }
            return new Param(name, bare(name), false);
        }

        private String quotedString(String name) {
            pos++; // opening DQUOTE
            StringBuilder b = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '"') {
                    pos++;
                    return b.toString();
                }
                if (c == '\\') {
                    if (pos + 1 == s.length()) {
                        throw error("unterminated quoted-string in parameter '" + name + "'");
                    }
                    char escaped = s.charAt(pos + 1);
                    if (escaped == '\r' || escaped == '\n') {
                        throw error("CR or LF escaped in parameter '" + name + "'");
                    }
                    b.append(escaped);
                    pos += 2;
                } else if (isFold(pos)) {
                    pos += 2; // keep only the SP/HTAB that follows the CRLF
                } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    throw error("control character in quoted-string of parameter '" + name + "'");
                } else {
                    b.append(c);
                    pos++;
                }
            }
            throw error("unterminated quoted-string in parameter '" + name + "'");
        }

        private String bare(String name) {
            int start = pos;
            while (pos < s.length() && isBareChar(s.charAt(pos))) {
                pos++;
            }
            if (pos == start) {
                throw error("invalid character in value of parameter '" + name + "'");
            }
            return s.substring(start, pos);
        }

        private boolean isBareChar(char c) {
            return c > 0x20 && c < 0x7f && c != '"' && c != ',' && c != '=' && c != ';' && c != '\\';
        }

        private void skipWhitespace() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == ' ' || c == '\t') {
                    pos++;
                } else if (isFold(pos)) {
                    pos += 2;
                } else {
                    return;
                }
            }
        }

        /** CRLF followed by SP/HTAB: a folded line, equivalent to whitespace (RFC 3261 §7.3.1). */
        private boolean isFold(int i) {
            return i + 2 < s.length() && s.charAt(i) == '\r' && s.charAt(i + 1) == '\n'
                    && (s.charAt(i + 2) == ' ' || s.charAt(i + 2) == '\t');
        }

        private MalformedHeaderException error(String problem) {
            return new MalformedHeaderException(what + ": " + problem + " (at index " + pos + ")");
        }
    }
}
