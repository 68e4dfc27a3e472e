package org.ucfront.routing.model;

/**
 * Error answers to an INVITE, each with an ms-diagnostics-public header. No spec gives these
 * ErrorIds; ucfront numbers its own from 60100 (the registrar's are 60001–60008).
 */
public enum CallError {
    /** RFC 3261 §8.2.2: a mandatory header is missing or malformed. */
    MALFORMED(400, 60101, "Malformed or missing header."),
    /** The caller is neither an authenticated local user nor a trusted server. */
    CALLER_NOT_ALLOWED(403, 60102, "Caller is not a user of this domain or a trusted server."),
    /** RFC 3261 §22.4: the caller's credentials do not match. */
    BAD_CREDENTIALS(403, 60103, "Invalid credentials."),
    /** The Request-URI is not a user of this domain. */
    NOT_FOUND(404, 60104, "Unknown user."),
    /** No registered endpoint answers and the user has no voicemail. */
    UNAVAILABLE(480, 60105, "User is not reachable and has no voicemail."),
    /** MS-EUMR §3.1.5.7: every UM server of the dial plan was tried. */
    VOICEMAIL_UNAVAILABLE(480, 60106, "No Unified Messaging server took the call."),
    /** Every destination answered busy. */
    BUSY(486, 60107, "Every endpoint of the user is busy."),
    /** A GRUU Request-URI names no routable endpoint of the user. */
    ENDPOINT_GONE(480, 60108, "The endpoint of this GRUU is not registered."),
    /** The ring time elapsed without an answer and the user has no voicemail. */
    NO_ANSWER(480, 60109, "No answer.");

    private final int status;
    private final int errorId;
    private final String reason;

    CallError(int status, int errorId, String reason) {
        this.status = status;
        this.errorId = errorId;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    public int errorId() {
        return errorId;
    }

    public String reason() {
        return reason;
    }
}
