package org.ucfront.registrar.model;

import java.util.Optional;

import org.ucfront.sip.MsDiagnostics;
import org.ucfront.sip.OptionTags;

/**
 * Error answers to REGISTER, each sent with an ms-diagnostics-public header (§3.1.2.5.1).
 *
 * <p>The first four are the spec's (ErrorIds and reasons verbatim from the §3.1.2.5.1 table
 * and text). The spec gives no ErrorId for the others, so ucfront numbers them from
 * {@link #UCFRONT_ERROR_ID_BASE}, a range Microsoft's servers are not known to use, so that a
 * trace tells ucfront's own rejections apart.
 */
public enum RegisterError {
    /** §3.1.2.5.1: neither epid (From) nor +sip.instance (Contact). */
    MISSING_ENDPOINT_ID(400, "Bad Request", 4010, "Missing endpoint identifier (Epid and SIP.INSTANCE)."),
    /** §2.2.1.1 / §3.1.2.5.1: an Event header other than "registration". */
    BAD_EVENT(489, "Bad Event", 4055, "Event header is not set to \"registration\"."),
    /** §3.1.2.5.1: msrtc-event-categories without gruu-10; answered with Require: gruu-10. */
    GRUU_REQUIRED(421, "Extension Required", 2057,
            "Supported header does not have gruu-10 , but msrtc-event-categories is present."),
    /** §3.1.2.5.1: presence service down and the UAC lacks ms-userservices-state-notification. */
    USER_SERVICES_UNAVAILABLE(503, "Service Unavailable", 4164, "User services unavailable"),
    /** §3.1.2.2 / RFC 3261 §10.3 step 7: expiry below the minimum; answered with Min-Expires. */
    INTERVAL_TOO_BRIEF(423, "Interval Too Brief", 60001, "Requested expiry is below the minimum."),
    /** RFC 3261 §8.2.2: a mandatory header is missing or malformed. */
    MALFORMED(400, "Bad Request", 60002, "Malformed or missing header."),
    /** RFC 3261 §10.3 step 3: the address of record is not a user of this domain. */
    NOT_FOUND(404, "Not Found", 60003, "Unknown user."),
    /** The directory marks the user disabled for SIP. */
    USER_DISABLED(403, "Forbidden", 60004, "User disabled."),
    /** RFC 3261 §10.3 step 3: the authenticated user may not register this address of record. */
    AOR_MISMATCH(403, "Forbidden", 60005, "Authenticated user may not register this address."),
    /** RFC 3261 §10.3 step 7: same Call-ID as the binding but a lower CSeq; the update is aborted. */
    CSEQ_OUT_OF_ORDER(400, "Bad Request", 60006, "CSeq is lower than the binding's for this Call-ID."),
    /** RFC 3261 §22.4: the credentials do not match the user's (or none are stored for them). */
    BAD_CREDENTIALS(403, "Forbidden", 60007, "Invalid credentials."),
    /** §3.4.2.5.3–§3.4.2.5.8: client version control blocks this client; the answer carries the Warning. */
    CLIENT_VERSION_BLOCKED(403, "Forbidden", 60008, "Client version blocked."),
    /** MS-SIPAE §3.3.5.2: a request on a security association with a wrong, missing or replayed signature. */
    BAD_SIGNATURE(403, "Forbidden", 60020, "Message signature invalid."),
    /** Too many failed authentications of this user from this address, or from this address. */
    AUTHENTICATION_THROTTLED(403, "Forbidden", 60021, "Too many failed authentications; try again later.");

    /** First ErrorId of ucfront's own range (ucfront's choice, not from any spec). */
    public static final int UCFRONT_ERROR_ID_BASE = 60000;

    private final int statusCode;
    private final String reasonPhrase;
    private final int errorId;
    private final String reason;

    RegisterError(int statusCode, String reasonPhrase, int errorId, String reason) {
        this.statusCode = statusCode;
        this.reasonPhrase = reasonPhrase;
        this.errorId = errorId;
        this.reason = reason;
    }

    /** The SIP status code of the answer. */
    public int statusCode() {
        return statusCode;
    }

    /** The RFC 3261 §21 / RFC 3265 reason phrase for the status line. */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    /** The ms-diagnostics-public ErrorId. */
    public int errorId() {
        return errorId;
    }

    /** The ms-diagnostics-public reason text. */
    public String reason() {
        return reason;
    }

    /** The ms-diagnostics-public header value, e.g. {@code 4010;reason="Missing endpoint identifier (Epid and SIP.INSTANCE)."}. */
    public String diagnostics() {
        return MsDiagnostics.value(errorId, reason);
    }

    /** The option tag the answer's Require header must name: gruu-10 for {@link #GRUU_REQUIRED}. */
    public Optional<String> requiredOptionTag() {
        return this == GRUU_REQUIRED ? Optional.of(OptionTags.GRUU_10) : Optional.empty();
    }

    /** True if the answer must carry Min-Expires (the value comes from the {@link Expiry} policy). */
    public boolean needsMinExpires() {
        return this == INTERVAL_TOO_BRIEF;
    }
}
