package org.ucfront.registrar.servlet;

import java.util.logging.Logger;
import org.ucfront.registrar.model.Endpoint;
import org.ucfront.registrar.model.RegistrationEvent;
import org.ucfront.registrar.model.UserServicesLoss;
import org.ucfront.registrar.service.BindingRegistry;
import org.ucfront.registrar.service.UserServicesAvailability;

/**
 * §3.5 / §3.1.2.5.1: when Presence-Service-Available goes from true to false, endpoints that
 * advertised ms-userservices-state-notification stay registered and get the survivable NOTIFY
 * ({@code registered;event=userservices-unavailable}, {@code active;expires=<seconds left>});
 * the others lose their binding and get {@code deregistered;event=userservices-unavailable}.
 */
final class SurvivableMode implements UserServicesAvailability.Listener {

    private static final Logger LOG = Logger.getLogger(SurvivableMode.class.getName());

    private final BindingRegistry registry;
    private final DeregisterNotifier notifier;

    SurvivableMode(BindingRegistry registry, DeregisterNotifier notifier) {
        this.registry = registry;
        this.notifier = notifier;
    }

    @Override
    public void userServicesLost() {
        UserServicesLoss loss = registry.userServicesLost();
        long now = System.currentTimeMillis();
        for (Endpoint e : loss.survivable()) {
            // §2.2.1.12.1: the subscription stays active for the time left on the registration
            notifier.send(e, RegistrationEvent.SURVIVABLE, null, e.binding().secondsLeft(now));
        }
        for (Endpoint e : loss.deregistered()) {
            notifier.deregister(e, RegistrationEvent.USERSERVICES_UNAVAILABLE);
        }
        LOG.warning("user services unavailable: " + loss.survivable().size() + " endpoint(s) in survivable mode, "
                + loss.deregistered().size() + " deregistered");
    }
}
