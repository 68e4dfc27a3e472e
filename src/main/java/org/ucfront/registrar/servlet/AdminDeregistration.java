package org.ucfront.registrar.servlet;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.ucfront.registrar.model.Endpoint;
import org.ucfront.registrar.model.RegistrationEvent;
import org.ucfront.registrar.service.BindingRegistry;
import org.ucfront.sip.AddressOfRecord;

/**
 * An administrator removes a user's endpoints or one endpoint (JMX, admin API). The user stays
 * enabled, so the endpoints are told {@code deregistered;event=unregistered} (4140: removed by
 * policy, §2.2.1.13) and may register again.
 */
public final class AdminDeregistration {

    private static final Logger LOG = Logger.getLogger(AdminDeregistration.class.getName());

    private final BindingRegistry registry;
    private final Supplier<DeregisterNotifier> notifier;

    public AdminDeregistration(BindingRegistry registry, Supplier<DeregisterNotifier> notifier) {
        this.registry = registry;
        this.notifier = notifier;
    }

    /** Returns how many routable endpoints were deregistered. */
    public int user(AddressOfRecord aor) {
        List<Endpoint> removed = registry.removeUser(aor.toString());
        int routable = 0;
        for (Endpoint e : removed) {
            if (e.routable()) {
                notify(e);
                routable++;
            }
        }
        LOG.info("admin: user " + aor + " deregistered; " + routable + " endpoint(s) told");
        return routable;
    }

    /** False if the user has no endpoint with that id. */
    public boolean endpoint(AddressOfRecord aor, String endpointKey) {
        Optional<Endpoint> removed = registry.removeEndpoint(aor.toString(), endpointKey);
        removed.filter(Endpoint::routable).ifPresent(this::notify);
        removed.ifPresent(e -> LOG.info("admin: endpoint " + endpointKey + " of " + aor + " deregistered"));
        return removed.isPresent();
    }

    private void notify(Endpoint e) {
        DeregisterNotifier n = notifier.get();
        if (n != null) {
            n.deregister(e, RegistrationEvent.UNREGISTERED);
        }
    }
}
