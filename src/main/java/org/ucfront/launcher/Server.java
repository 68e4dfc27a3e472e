package org.ucfront.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ucfront.clientversion.service.ClientVersionService;
import org.ucfront.directory.ldap.service.DirectorySync;
import org.ucfront.directory.service.UserCacheService;
import org.ucfront.directory.service.UserService;
import org.ucfront.provisioning.service.PolicyService;
import org.ucfront.registrar.service.BindingRegistry;
import org.ucfront.registrar.service.UserServicesAvailability;
import org.ucfront.routing.persistence.CallSettingsStore;
import org.ucfront.sip.Ejbs;
import org.ucfront.voicemail.persistence.DialPlanStore;

/** The running server: database, EJB container and SIP container, stopped in reverse order. */
public final class Server {

    private static final Logger LOG = Logger.getLogger(Server.class.getName());

    private final EjbRuntime ejbs;
    private final SipRuntime sip;

    private Server(EjbRuntime ejbs, SipRuntime sip) {
        this.ejbs = ejbs;
        this.sip = sip;
    }

    public static Server start(UcfrontConfig config, Path home) throws Exception {
        UcfrontConfig.install(config);
        Database.migrate(config);
        EjbRuntime ejbs = EjbRuntime.start(config, Main.applicationModule());
        try {
            SipRuntime sip = SipRuntime.start(config, home, home.resolve("webapps/ucfront"),
                    home.resolve("conf/dar.properties"), ejbs, references());
            return new Server(ejbs, sip);
        } catch (Exception e) {
            ejbs.close();
            throw e;
        }
    }

    /** The EJBs the application's servlets reach through {@code @EJB(name=...)}. */
    static List<SipRuntime.EjbReference> references() {
        return List.of(
                new SipRuntime.EjbReference(Ejbs.BINDING_REGISTRY, "BindingRegistry", BindingRegistry.class),
                new SipRuntime.EjbReference(Ejbs.USER_SERVICES_AVAILABILITY, "UserServicesAvailability",
                        UserServicesAvailability.class),
                new SipRuntime.EjbReference(Ejbs.CLIENT_VERSION_SERVICE, "ClientVersionService", ClientVersionService.class),
                new SipRuntime.EjbReference(Ejbs.USER_SERVICE, "UserService", UserService.class),
                new SipRuntime.EjbReference(Ejbs.USER_CACHE_SERVICE, "UserCacheService", UserCacheService.class),
                new SipRuntime.EjbReference(Ejbs.DIRECTORY_SYNC, "DirectorySync", DirectorySync.class),
                new SipRuntime.EjbReference(Ejbs.POLICY_SERVICE, "PolicyService", PolicyService.class),
                new SipRuntime.EjbReference(Ejbs.CALL_SETTINGS_STORE, "CallSettingsStore", CallSettingsStore.class),
                new SipRuntime.EjbReference(Ejbs.DIAL_PLAN_STORE, "DialPlanStore", DialPlanStore.class));
    }

    /** For in-process tests in this package (the Arquillian adapter deploys test archives beside the application). */
    SipRuntime sipRuntime() {
        return sip;
    }

    EjbRuntime ejbRuntime() {
        return ejbs;
    }

    public synchronized void stop() {
        try {
            sip.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "SIP container did not stop cleanly", e);
        }
        ejbs.close();
    }
}
