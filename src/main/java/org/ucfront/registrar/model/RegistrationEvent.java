package org.ucfront.registrar.model;

import org.ucfront.sip.MsDiagnostics;

/**
 * The deregister and survivable-mode NOTIFYs (§2.2.1.11–§2.2.1.13): the exact
 * text/registration-event body, its ms-diagnostics-public ErrorId and reason, and whether the
 * NOTIFY ends the implicit subscription.
 *
 * <p>Reasons for 4165, 4166 and 4141 are the §4.1.3–§4.1.5 literals; the spec shows none for
 * 4140 and 4142, so those are ucfront's wording. Of the two ErrorIds §2.2.1.13 allows for
 * preferred-registrar-change (4166 or 4167), 4166 is used, as in §4.1.5.
 */
public enum RegistrationEvent {
    /** §2.2.1.13: endpoint removed by policy, e.g. the per-user endpoint quota. */
    UNREGISTERED("deregistered;event=unregistered", 4140,
            "Endpoint deregistered: the user's endpoint quota was exceeded", false),
    /** §2.2.1.13 / §4.1.3: the user is disabled for SIP. */
    REJECTED("deregistered;event=rejected", 4141, "User disabled", false),
    /** §2.2.1.13: the user is being moved to another server. */
    DEACTIVATED("deregistered;event=deactivated", 4142, "User is being moved to another server", false),
    /** §2.2.1.13: presence service down and the endpoint cannot run in survivable mode. */
    USERSERVICES_UNAVAILABLE("deregistered;event=userservices-unavailable", 4165,
            "User Services Pool is unavailable.", false),
    /** §2.2.1.13 / §4.1.5: the user moved to another registrar; the NOTIFY carries P-Preferred-Registrar. */
    PREFERRED_REGISTRAR_CHANGE("deregistered;event=preferred-registrar-change", 4166,
            "Preferred Registrar Change.", false),
    /** §2.2.1.13 / §4.1.4: presence service down, endpoint stays registered in survivable mode. */
    SURVIVABLE("registered;event=userservices-unavailable", 4165, "User Services Pool is unavailable.", true);

    /** §2.2.1.11.2 / §2.2.1.12.2: the Event header's event-type. */
    public static final String EVENT_TYPE = "registration-notify";
    /** §2.2.1.11.3 / §2.2.1.12.3: the Content-Type of the body. */
    public static final String CONTENT_TYPE = "text/registration-event";
    /** §2.2.1.11.1 / RFC 3265 §7.2.4: substate-value of a deregister NOTIFY. */
    public static final String TERMINATED = "terminated";
    /** §2.2.1.12.1 / RFC 3265 §7.2.4: substate-value of a survivable-mode NOTIFY. */
    public static final String ACTIVE = "active";
    /** RFC 3265 §7.2.4: the subscription-state expires parameter. */
    public static final String EXPIRES_PARAM = "expires";

    private final String body;
    private final int errorId;
    private final String reason;
    private final boolean keepsSubscription;

    RegistrationEvent(String body, int errorId, String reason, boolean keepsSubscription) {
        this.body = body;
        this.errorId = errorId;
        this.reason = reason;
        this.keepsSubscription = keepsSubscription;
    }

    /** The message body, exactly (no trailing CRLF: §4.1.3's Content-Length 27 counts none). */
    public String body() {
        return body;
    }

    public int errorId() {
        return errorId;
    }

    public String reason() {
        return reason;
    }

    /** True only for {@link #SURVIVABLE}: the registration stays and the subscription stays active. */
    public boolean keepsSubscription() {
        return keepsSubscription;
    }

    /** True for {@link #PREFERRED_REGISTRAR_CHANGE}, whose NOTIFY must name the new registrar (§2.2.1.8). */
    public boolean needsPreferredRegistrar() {
        return this == PREFERRED_REGISTRAR_CHANGE;
    }

    /** The ms-diagnostics-public value, e.g. {@code 4141;reason="User disabled"}. */
    public String diagnostics() {
        return MsDiagnostics.value(errorId, reason);
    }

    /**
     * The subscription-state value: {@code terminated;expires=0} for a deregistration
     * (§2.2.1.11.1), {@code active;expires=<secondsLeft>} for survivable mode (§2.2.1.12.1).
     *
     * @param secondsLeft time remaining on the registration; ignored when terminating
     * @throws IllegalArgumentException if negative for survivable mode
     */
    public String subscriptionState(int secondsLeft) {
        if (!keepsSubscription) {
            return TERMINATED + ";" + EXPIRES_PARAM + "=0";
        }
        if (secondsLeft < 0) {
            throw new IllegalArgumentException("seconds left must not be negative: " + secondsLeft);
        }
        return ACTIVE + ";" + EXPIRES_PARAM + "=" + secondsLeft;
    }
}
