package org.ucfront.registrar.servlet;

import java.util.Map;
import java.util.function.Supplier;
import org.ucfront.management.ServerMetrics;
import org.ucfront.registrar.model.EndpointCounts;
import org.ucfront.registrar.service.BindingRegistry;
import org.ucfront.sip.AddressOfRecord;

/** The registrar MBean over the binding registry, the metrics and the admin deregistrations. */
public final class RegistrarJmx implements RegistrarMXBean {

    public static final String NAME = "org.ucfront:type=Registrar";

    private final BindingRegistry registry;
    private final AdminDeregistration deregistration;

    /** @param notifier the registrar servlet's notifier, once it has started */
    public RegistrarJmx(BindingRegistry registry, Supplier<DeregisterNotifier> notifier) {
        this.registry = registry;
        this.deregistration = new AdminDeregistration(registry, notifier);
    }

    private EndpointCounts counts() {
        return registry.counts();
    }

    @Override
    public int getRegisteredEndpoints() {
        return counts().registered();
    }

    @Override
    public int getUnboundEndpoints() {
        return counts().unbound();
    }

    @Override
    public int getUsersRegistered() {
        return counts().usersRegistered();
    }

    @Override
    public double getRegisterRequestsPerSecond() {
        return ServerMetrics.REGISTER_RATE.perSecond();
    }

    @Override
    public double getRegisterErrorsPerSecond() {
        return ServerMetrics.REGISTER_ERROR_RATE.perSecond();
    }

    @Override
    public Map<String, Long> getRegistrations() {
        return ServerMetrics.REGISTRATIONS.byLabels();
    }

    @Override
    public Map<String, Long> getRegisterErrors() {
        return ServerMetrics.REGISTER_ERRORS.byLabels();
    }

    @Override
    public Map<String, Long> getSipRequests() {
        return ServerMetrics.SIP_REQUESTS.byLabels();
    }

    @Override
    public Map<String, Long> getDeregisterNotifications() {
        return ServerMetrics.DEREGISTER_NOTIFICATIONS.byLabels();
    }

    @Override
    public String[] endpoints(String uri) {
        long now = System.currentTimeMillis();
        return registry.bindings(AddressOfRecord.parse(uri).toString()).stream()
                .map(e -> e.key() + " " + e.gruu() + " " + e.binding().transport() + " " + e.binding().remoteAddr()
                        + ":" + e.binding().remotePort() + " " + e.binding().secondsLeft(now) + "s")
                .toArray(String[]::new);
    }

    @Override
    public int deregisterUser(String uri) {
        return deregistration.user(AddressOfRecord.parse(uri));
    }

    @Override
    public boolean deregisterEndpoint(String uri, String endpoint) {
        return deregistration.endpoint(AddressOfRecord.parse(uri), endpoint);
    }

}
