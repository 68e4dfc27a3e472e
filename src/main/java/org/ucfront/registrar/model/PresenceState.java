package org.ucfront.registrar.model;

import java.util.Objects;

/**
 * The presence-state header of a REGISTER 200 OK (§2.2.1.4, filled per §3.1.2.5.1), e.g.
 * {@code register-action="added";primary-cluster-type="central";is-connected-to-primary="yes"}.
 * The full form is always written: the short form of the second ABNF is for older servers.
 */
public record PresenceState(RegisterAction registerAction, PrimaryClusterType primaryClusterType,
        boolean connectedToPrimary, boolean userServicesAvailable) {

    /** §2.2.1.4: name of the register-action field. */
    public static final String REGISTER_ACTION = "register-action";
    /** §2.2.1.4: name of the primary-cluster-type field. */
    public static final String PRIMARY_CLUSTER_TYPE = "primary-cluster-type";
    /** §2.2.1.4: name of the is-connected-to-primary field. */
    public static final String IS_CONNECTED_TO_PRIMARY = "is-connected-to-primary";
    /** §2.2.1.4: yes-no-value for true. */
    public static final String YES = "yes";
    /** §2.2.1.4: yes-no-value for false. */
    public static final String NO = "no";
    /** §2.2.1.4: the whole user-services-state-unavailable element (its value is unquoted). */
    public static final String USER_SERVICES_STATE_UNAVAILABLE = "user-services-state=unavailable";

    public PresenceState {
        Objects.requireNonNull(registerAction, "registerAction");
        Objects.requireNonNull(primaryClusterType, "primaryClusterType");
    }

    /** The header value; user-services-state=unavailable is appended only when they are (§3.1.2.5.1). */
    public String toHeaderValue() {
        StringBuilder b = new StringBuilder()
                .append(REGISTER_ACTION).append("=\"").append(registerAction.value()).append('"')
                .append(';').append(PRIMARY_CLUSTER_TYPE).append("=\"").append(primaryClusterType.value()).append('"')
                .append(';').append(IS_CONNECTED_TO_PRIMARY).append("=\"").append(connectedToPrimary ? YES : NO).append('"');
        if (!userServicesAvailable) {
            b.append(';').append(USER_SERVICES_STATE_UNAVAILABLE);
        }
        return b.toString();
    }
}
