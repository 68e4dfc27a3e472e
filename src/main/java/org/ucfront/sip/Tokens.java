package org.ucfront.sip;

/** Character classes of the RFC 3261 §25.1 grammar, and safe excerpts of bad input for messages. */
public final class Tokens {
    private Tokens() {
    }

    /** Longest excerpt of offending input quoted in an exception message. */
    private static final int EXCERPT_LENGTH = 40;

    /** RFC 3261 §25.1: token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~"). */
    private static final String TOKEN_MARKS = "-.!%*_+`'~";

    public static boolean isTokenChar(char c) {
        return isAlphanum(c) || TOKEN_MARKS.indexOf(c) >= 0;
    }

    /** True if {@code s} is a non-empty RFC 3261 token. */
    public static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static boolean isAlphanum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** A short, printable rendering of untrusted input for an exception message. */
    public static String excerpt(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        int n = Math.min(s.length(), EXCERPT_LENGTH);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (s.length() > EXCERPT_LENGTH) {
            b.append("...");
        }
        return b.toString();
    }
}
