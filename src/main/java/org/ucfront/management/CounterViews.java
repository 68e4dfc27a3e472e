package org.ucfront.management;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.management.ObjectName;

/** The MBeans that only show counters: authentication, client version policy, provisioning, voicemail routing. */
public final class CounterViews {

    static final String AUTHENTICATION = Jmx.DOMAIN + ":type=Authentication";
    static final String CLIENT_VERSION_POLICY = Jmx.DOMAIN + ":type=ClientVersionPolicy";
    static final String PROVISIONING = Jmx.DOMAIN + ":type=Provisioning";
    static final String VOICEMAIL_ROUTING = Jmx.DOMAIN + ":type=VoicemailRouting";

    private CounterViews() {
    }

    /** Registers the four; returns the names registered. */
    public static List<ObjectName> register() {
        return java.util.stream.Stream.of(Jmx.register(AUTHENTICATION, new Authentication()),
                Jmx.register(CLIENT_VERSION_POLICY, new ClientVersionPolicy()),
                Jmx.register(PROVISIONING, new Provisioning()),
                Jmx.register(VOICEMAIL_ROUTING, new VoicemailRouting())).filter(Objects::nonNull).toList();
    }

    static final class Authentication implements AuthenticationMXBean {
        @Override
        public Map<String, Long> getFailures() {
            return ServerMetrics.AUTH_FAILURES.byLabels();
        }

        @Override
        public long getFailureTotal() {
            return ServerMetrics.AUTH_FAILURES.total();
        }

        @Override
        public Map<String, Long> getChallenges() {
            return ServerMetrics.AUTH_CHALLENGES.byLabels();
        }
    }

    static final class ClientVersionPolicy implements ClientVersionPolicyMXBean {
        @Override
        public Map<String, Long> getBlocked() {
            return outcome("blocked");
        }

        @Override
        public Map<String, Long> getAllowed() {
            return outcome("allowed");
        }

        @Override
        public long getBlockedTotal() {
            return getBlocked().values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public long getAllowedTotal() {
            return getAllowed().values().stream().mapToLong(Long::longValue).sum();
        }

        /** "rule action outcome" keys of that outcome, as "rule action". */
        private static Map<String, Long> outcome(String outcome) {
            Map<String, Long> out = new LinkedHashMap<>();
            String suffix = " " + outcome;
            ServerMetrics.CLIENT_VERSION_DECISIONS.byLabels().forEach((k, v) -> {
                if (k.endsWith(suffix)) {
                    out.put(k.substring(0, k.length() - suffix.length()), v);
                }
            });
            return out;
        }
    }

    static final class Provisioning implements ProvisioningMXBean {
        @Override
        public Map<String, Long> getSubscriptions() {
            return ServerMetrics.PROVISIONING_SUBSCRIPTIONS.byLabels();
        }

        @Override
        public Map<String, Long> getRefusals() {
            return ServerMetrics.PROVISIONING_REFUSALS.byLabels();
        }

        @Override
        public Map<String, Long> getGroupsServed() {
            return ServerMetrics.PROVISION_GROUPS.byLabels();
        }
    }

    static final class VoicemailRouting implements VoicemailRoutingMXBean {
        @Override
        public Map<String, Long> getRoutedByServer() {
            return ServerMetrics.VOICEMAIL_UM_INVITES.byLabels();
        }

        @Override
        public Map<String, Long> getOutcomesByServer() {
            return ServerMetrics.VOICEMAIL_UM_OUTCOMES.byLabels();
        }

        @Override
        public long getCallsAnswered() {
            return ServerMetrics.VOICEMAIL_ROUTES.value("answered");
        }

        @Override
        public long getCallsFailed() {
            return ServerMetrics.VOICEMAIL_ROUTES.value("failed");
        }

        @Override
        public long getNotificationsSent() {
            return ServerMetrics.USER_NOTIFICATIONS.value("delivered");
        }

        @Override
        public long getNotificationsFailed() {
            return ServerMetrics.USER_NOTIFICATIONS.value("refused") + ServerMetrics.USER_NOTIFICATIONS.value("lost");
        }
    }
}
