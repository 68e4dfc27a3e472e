package org.ucfront.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.ObjectName;
import javax.servlet.ServletContext;
import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;
import javax.servlet.ServletException;
import org.ucfront.management.CounterViews;
import org.ucfront.management.Gauge;
import org.ucfront.management.Jmx;
import org.ucfront.management.MetricRegistry;
import org.ucfront.registrar.servlet.DeregisterNotifier;
import org.ucfront.registrar.servlet.RegistrarJmx;
import org.ucfront.registrar.service.BindingRegistry;
import org.ucfront.sip.Ejbs;

/**
 * Starts the application's management: the MBeans of {@code org.ucfront} and the endpoint gauges,
 * for as long as the application is deployed.
 */
public class ManagementListener implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ManagementListener.class.getName());

    private final List<ObjectName> mbeans = new ArrayList<>();
    private final List<Gauge> gauges = new ArrayList<>();

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        BindingRegistry registry;
        try {
            registry = Ejbs.lookup(Ejbs.BINDING_REGISTRY, BindingRegistry.class);
        } catch (ServletException e) {
            LOG.log(Level.WARNING, "management not started: the binding registry is not available", e);
            return;
        }
        MetricRegistry metrics = MetricRegistry.get();
        gauges.add(metrics.gauge("ucfront_endpoints", "Endpoints now, by state: registered (routable) or unbound "
                + "(known, binding expired or removed)", () -> {
                    var c = registry.counts();
                    return Map.of(List.of("registered"), c.registered(), List.of("unbound"), c.unbound());
                }, "state"));
        gauges.add(metrics.gauge("ucfront_persist_durable_before_seconds", "Every registration change acknowledged "
                + "before this time (Unix seconds) is in the database; a crash loses only later ones",
                () -> registry.durableBefore() / 1000.0));
        gauges.add(metrics.gauge("ucfront_users_registered", "Users with at least one registered endpoint",
                () -> registry.counts().usersRegistered()));
        mbeans.add(Jmx.register(RegistrarJmx.NAME, new RegistrarJmx(registry, () -> notifier(context))));
        mbeans.addAll(CounterViews.register());
    }

    /** The registrar servlet's notifier (it may start after this listener). */
    private static DeregisterNotifier notifier(ServletContext context) {
        try {
            return DeregisterNotifier.of(context);
        } catch (ServletException e) {
            return null;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        mbeans.forEach(Jmx::unregister);
        mbeans.clear();
        gauges.forEach(MetricRegistry.get()::remove);
        gauges.clear();
    }
}
