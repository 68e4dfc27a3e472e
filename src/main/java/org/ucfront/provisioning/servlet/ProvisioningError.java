package org.ucfront.provisioning.servlet;

/** Refusals of a provisioning SUBSCRIBE (§3.3.2.4.1), each with ucfront's ErrorId and reason. */
enum ProvisioningError {
    /** RFC 3265 §3.1.6.3 / RFC 6665: an event package this servlet does not serve. */
    BAD_EVENT(489, 60101, "Event package not supported."),
    /** §2.2.2.1: the Accept header must name the provisioning document type. */
    NOT_ACCEPTABLE(406, 60102, "Only application/vnd-microsoft-roaming-provisioning-v2+xml is served."),
    /** §2.2.2.4: the body must be a provisioningGroupList. */
    BAD_BODY(400, 60103, "Invalid provisioningGroupList."),
    /** RFC 3261 §21.4.13: a body of another type. */
    UNSUPPORTED_MEDIA_TYPE(415, 60104, "Unsupported body type."),
    /** §2.2.2.1: the requester may not read the target's provisioning. */
    FORBIDDEN(403, 60105, "Forbidden."),
    /** RFC 3261 §8.2.2: malformed request. */
    MALFORMED(400, 60106, "Malformed request.");

    private final int statusCode;
    private final int errorId;
    private final String reason;

    ProvisioningError(int statusCode, int errorId, String reason) {
        this.statusCode = statusCode;
        this.errorId = errorId;
        this.reason = reason;
    }

    int statusCode() {
        return statusCode;
    }

    int errorId() {
        return errorId;
    }

    String reason() {
        return reason;
    }
}
