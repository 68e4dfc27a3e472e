package org.ucfront.sip;

import java.util.Objects;

/** The ms-diagnostics-public header: {@code <ErrorId>;reason="<text>"}. */
public final class MsDiagnostics {
    private MsDiagnostics() {
    }

    /** MS-OCER §2.2.1.2: the header name (the public variant carries no "source" parameter). */
    public static final String HEADER = "ms-diagnostics-public";
    /** MS-OCER §2.2.1.2: the parameter carrying the human-readable reason. */
    public static final String REASON_PARAM = "reason";

    /**
     * Formats a header value such as {@code 4141;reason="User disabled"}. CR, LF and other control
     * characters are dropped from the reason so that it can never break the header; {@code "} and
     * {@code \} are escaped as quoted-pairs.
     */
    public static String value(int errorId, String reason) {
        if (errorId < 0) {
            throw new IllegalArgumentException("ErrorId must not be negative: " + errorId);
        }
        Objects.requireNonNull(reason, "reason");
        return errorId + ";" + REASON_PARAM + "=" + QuotedString.quote(QuotedString.sanitize(reason));
    }
}
