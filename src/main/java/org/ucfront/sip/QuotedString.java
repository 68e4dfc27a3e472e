package org.ucfront.sip;

/** Writing RFC 3261 §25.1 quoted-strings: DQUOTE *(qdtext / quoted-pair) DQUOTE. */
public final class QuotedString {
    private QuotedString() {
    }

    private static final char DQUOTE = '"';
    private static final char BACKSLASH = '\\';

    /**
     * Quotes {@code text}, escaping {@code "} and {@code \} as quoted-pairs.
     *
     * @throws IllegalArgumentException if the text holds CR, LF or another control character
     *         (other than HTAB), which neither qdtext nor quoted-pair can carry safely
     */
    public static String quote(String text) {
        if (text == null) {
            throw new IllegalArgumentException("cannot quote null");
        }
        StringBuilder b = new StringBuilder(text.length() + 2).append(DQUOTE);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isForbidden(c)) {
                throw new IllegalArgumentException("control character 0x" + Integer.toHexString(c)
                        + " at index " + i + " cannot be put in a quoted-string");
            }
            if (c == DQUOTE || c == BACKSLASH) {
                b.append(BACKSLASH);
            }
            b.append(c);
        }
        return b.append(DQUOTE).toString();
    }

    /** Removes the characters {@link #quote} refuses (CR, LF, other controls but HTAB). */
    public static String sanitize(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isForbidden(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isForbidden(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7f;
    }
}
