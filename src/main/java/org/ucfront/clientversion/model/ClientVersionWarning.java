package org.ucfront.clientversion.model;

import org.ucfront.sip.QuotedString;

/**
 * The Warning header value of a client version answer (§3.4.2.5.1, RFC 3261 §20.43):
 * {@code warn-code SP warn-agent SP warn-text}, the warn-text always a quoted string, e.g.
 * {@code 310 lcs.microsoft.com "You are currently not using the recommended version of the client"}.
 * Nothing is appended ({@code ;appName=} in the §4.3.7–8 examples is not Warning syntax, DIGEST §8).
 */
public record ClientVersionWarning(int code, String text) {

    /** §3.4.2.5.3–§3.4.2.5.9: the warn-agent of every client version warning. */
    public static final String WARN_AGENT = "lcs.microsoft.com";
    /** §3.4.2.5.3: block with prompt. */
    public static final int PROMPT = 310;
    /** §3.4.2.5.4: block with static URL. */
    public static final int BLOCKED_STATIC_URL = 311;
    /** §3.4.2.5.8 and §3.4.2.5.9: block or allow with dynamic URL. */
    public static final int DYNAMIC_URL = 312;
    /** §3.4.2.5.5: allow with static URL. */
    public static final int ALLOWED_STATIC_URL = 313;
    /** §3.4.2.5.6 and §3.4.2.5.7: block or allow with upgrade. */
    public static final int UPGRADE = 314;
    /** §3.4.2.5.3: the warn-text of 310. */
    public static final String PROMPT_TEXT = "You are currently not using the recommended version of the client";
    /** §3.4.2.5.6: the warn-text of 314. */
    public static final String UPGRADE_TEXT = "Check Microsoft Update for the newest version.";

    public ClientVersionWarning {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("warn-code must be 3 digits: " + code);
        }
        QuotedString.quote(text); // refuses null and control characters
    }

    /** The header value, e.g. {@code 311 lcs.microsoft.com "https://fabrikam.com/ClientUpdate.html"}. */
    public String toHeaderValue() {
        return code + " " + WARN_AGENT + " " + QuotedString.quote(text);
    }

    @Override
    public String toString() {
        return toHeaderValue();
    }
}
