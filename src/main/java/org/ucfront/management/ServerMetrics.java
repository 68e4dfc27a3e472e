package org.ucfront.management;

/**
 * ucfront's own metric families (docs/management.md lists them). Label values are enum names,
 * status codes, ErrorIds, provision group names and rule ids: bounded sets, never client text.
 */
public final class ServerMetrics {

    private static final MetricRegistry R = MetricRegistry.get();

    /** SIP requests answered, by method and final status code (see {@link MeasuredSipServlet}). */
    public static final Counter SIP_REQUESTS = R.counter("ucfront_sip_requests_total",
            "SIP requests received, by method and the final status code ucfront answered (none: not answered)",
            "method", "code");
    public static final Histogram SIP_LATENCY = R.histogram("ucfront_sip_request_duration_seconds",
            "Time from a SIP request reaching its servlet to the servlet returning (answer sent), by method",
            Histogram.LATENCY_SECONDS, "method");

    /** REGISTERs that bound an endpoint, by presence-state register-action (§2.2.1.2). */
    public static final Counter REGISTRATIONS = R.counter("ucfront_registrations_total",
            "REGISTERs that added or refreshed a binding, by register-action", "action");
    public static final Counter UNREGISTRATIONS = R.counter("ucfront_unregistrations_total",
            "Bindings removed by the client (Expires: 0 or Contact: *)");
    public static final Counter REGISTER_ERRORS = R.counter("ucfront_register_errors_total",
            "REGISTERs refused, by reason and ms-diagnostics-public ErrorId", "reason", "error_id");
    /** REGISTERs received (any outcome), for the JMX rate. */
    public static final Rate REGISTER_RATE = new Rate();
    public static final Rate REGISTER_ERROR_RATE = new Rate();

    public static final Counter DEREGISTER_NOTIFICATIONS = R.counter("ucfront_deregister_notifications_total",
            "Deregister and survivable-mode NOTIFYs sent, by registration event (§2.2.1.13)", "event");

    /** Digest refusals on SIP (registrar, provisioning) and HTTP Basic refusals on the admin port. */
    public static final Counter AUTH_FAILURES = R.counter("ucfront_authentication_failures_total",
            "Authentication refused, by service (sip-registrar, sip-proxy, admin-http) and reason", "service",
            "reason");
    public static final Counter AUTH_CHALLENGES = R.counter("ucfront_authentication_challenges_total",
            "Challenges sent (401/407, every scheme), by whether a Digest nonce was stale", "stale");

    /** Client version policy decisions (§3.4.2.5), by deciding rule (its id, or default) and action. */
    public static final Counter CLIENT_VERSION_DECISIONS = R.counter("ucfront_client_version_decisions_total",
            "Client version policy decisions on REGISTER, by rule (id or default), action and outcome (blocked, allowed)",
            "rule", "action", "outcome");

    public static final Counter PROVISIONING_SUBSCRIPTIONS = R.counter("ucfront_provisioning_subscriptions_total",
            "In-band provisioning SUBSCRIBEs served, by requester (user, delegate, server) and delivery (piggyback, notify)",
            "requester", "delivery");
    public static final Counter PROVISIONING_REFUSALS = R.counter("ucfront_provisioning_refusals_total",
            "In-band provisioning SUBSCRIBEs refused, by reason", "reason");
    public static final Counter PROVISION_GROUPS = R.counter("ucfront_provisioning_groups_served_total",
            "Provision groups served (§2.2.2.5), by group name", "group");

    /** MS-EUMR §3.1: INVITEs to voicemail, by outcome (answered by a UM server, or none took it). */
    public static final Counter VOICEMAIL_ROUTES = R.counter("ucfront_voicemail_routes_total",
            "INVITEs routed to Exchange UM, by outcome (answered, failed)", "outcome");
    /**
     * MS-EUMR §3.1.5: each UM server's share of those calls. The label is the server's FQDN from
     * the dial plans (administrator configuration, a bounded set), never a name from a message.
     */
    public static final Counter VOICEMAIL_UM_INVITES = R.counter("ucfront_voicemail_um_invites_total",
            "Voicemail INVITEs sent, by UM server (its dial plan FQDN)", "um_server");
    public static final Counter VOICEMAIL_UM_OUTCOMES = R.counter("ucfront_voicemail_um_outcomes_total",
            "Voicemail INVITEs to a UM server, by UM server and how it ended (answered, refused, redirected, "
                    + "timeout, unreachable, cancelled)", "um_server", "outcome");
    /** MS-EUMR §3.2: call notifications, delivered (INFO 2xx), refused (INFO error) or lost (no dialog). */
    public static final Counter USER_NOTIFICATIONS = R.counter("ucfront_user_notifications_total",
            "Call notifications to Exchange UM, by outcome (delivered, refused, lost)", "outcome");

    static {
        JvmMetrics.register(R);
    }

    private ServerMetrics() {
    }

    /** The registry with ucfront's families (and the JVM's) declared. */
    public static MetricRegistry registry() {
        return R;
    }
}
