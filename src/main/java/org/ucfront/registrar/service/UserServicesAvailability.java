package org.ucfront.registrar.service;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.annotation.PostConstruct;
import javax.annotation.PreDestroy;
import javax.annotation.Resource;
import javax.ejb.ConcurrencyManagement;
import javax.ejb.ConcurrencyManagementType;
import javax.ejb.SessionContext;
import javax.ejb.Singleton;
import javax.ejb.Startup;
import javax.ejb.Timeout;
import javax.ejb.TimerConfig;
import javax.ejb.TimerService;
import javax.ejb.TransactionAttribute;
import javax.ejb.TransactionAttributeType;
import javax.management.ObjectName;
import org.ucfront.management.Jmx;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.registrar.model.PoolSettings;
import org.ucfront.registrar.model.UserServicesState;
import org.ucfront.registrar.model.UserServicesState.Transition;

/**
 * §3.1.2.1 Presence-Service-Available of this pool: polled from the configured health URL (an
 * EJB interval timer; none configured, no connection is ever opened) and overridable by the
 * administrator (admin REST and JMX {@code org.ucfront:type=UserServices}). When the services go from available to unavailable, the registered listener
 * (the registrar servlet, which can send SIP) sends the §3.5 NOTIFYs.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UserServicesAvailability {

    private static final Logger LOG = Logger.getLogger(UserServicesAvailability.class.getName());
    private static final String HEALTH_CHECK = "user-services-health";

    /** Told of the loss of user services, outside any lock of this bean. */
    public interface Listener {
        void userServicesLost();
    }

    /** What the admin API shows. */
    public record Status(boolean available, boolean healthy, Boolean override, String healthUrl) {
    }

    @Resource
    private TimerService timers;
    @Resource
    private SessionContext context;

    private PoolSettings settings;
    private UserServicesState state;
    private HttpClient http;
    private volatile Listener listener;
    private ObjectName mbean;

    @PostConstruct
    void start() {
        settings = PoolSettings.load(UcfrontConfig.current().domain);
        state = new UserServicesState(settings.healthFailures());
        if (settings.healthUrl() != null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofMillis(settings.healthTimeoutMillis()))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            long interval = settings.healthIntervalSeconds() * 1000L;
            timers.createIntervalTimer(interval, interval, new TimerConfig(HEALTH_CHECK, false));
            LOG.info("user services health check: " + settings.healthUrl() + " every "
                    + settings.healthIntervalSeconds() + " s");
        }
        mbean = Jmx.register(UserServicesJmx.NAME,
                new UserServicesJmx(context.getBusinessObject(UserServicesAvailability.class)));
    }

    @PreDestroy
    void stop() {
        Jmx.unregister(mbean);
    }

    public boolean available() {
        synchronized (state) {
            return state.available();
        }
    }

    public Status status() {
        synchronized (state) {
            return new Status(state.available(), state.healthy(), state.override(),
                    settings.healthUrl() == null ? null : settings.healthUrl().toString());
        }
    }

    /** Sets (true/false) or clears (null) the admin override; returns the status after it. */
    public Status override(Boolean value) {
        Transition t;
        synchronized (state) {
            t = state.override(value);
        }
        LOG.info("admin: user services override " + value + (t == Transition.NONE ? "" : ": " + t));
        react(t);
        return status();
    }

    /** The one listener (the registrar servlet registers itself at start, null at stop). */
    public void listen(Listener l) {
        listener = l;
    }

    @Timeout
    void onTimer() {
        boolean ok = probe();
        Transition t;
        synchronized (state) {
            t = state.probe(ok);
        }
        if (t != Transition.NONE) {
            LOG.warning("user services health check " + settings.healthUrl() + ": " + t);
        }
        react(t);
    }

    /** A 2xx answer within the timeout is healthy; anything else counts as a failure. */
    private boolean probe() {
        try {
            HttpRequest req = HttpRequest.newBuilder(settings.healthUrl())
                    .timeout(Duration.ofMillis(settings.healthTimeoutMillis())).GET().build();
            int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.log(Level.FINE, "user services health check failed", e);
            return false;
        }
    }

    private void react(Transition t) {
        if (t != Transition.LOST) {
            return;
        }
        Listener l = listener;
        if (l == null) {
            LOG.warning("user services lost, but the registrar is not running: nobody notified");
            return;
        }
        try {
            l.userServicesLost();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notifying the loss of user services failed", e);
        }
    }
}
