package org.ucfront.sip;

/**
 * A header value (or a parameter of one) that does not follow its grammar.
 * Unchecked so that parsers can be used in expressions; the message says what was wrong
 * and where, and is safe to log (the offending input is never echoed in full).
 */
public class MalformedHeaderException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public MalformedHeaderException(String message) {
        super(message);
    }

    public MalformedHeaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
