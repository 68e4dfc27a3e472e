package org.ucfront.server;

import java.util.Properties;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.mobicents.servlet.sip.catalina.SipStandardService;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.sip.ServedHosts;
import org.ucfront.sip.SipStackProperties;
import org.ucfront.sip.stack.EndedRegisterDispatcher;
import org.ucfront.sip.stack.SigningTransactions;

/**
 * Gives the standalone server's SIP service (a {@code <Listener>} of it in conf/server.xml) the
 * SIP stack the embedded server runs: {@link SipStackProperties} before the service creates its
 * stack (with the TLS properties of the {@code ucfront.tls.*} settings, {@link StandaloneTls}), so
 * the same flood limits, request framing and Request-URI valves, strict parser and
 * connection-limited TCP apply, read from the same {@code ucfront.*} settings, and the same
 * dispatcher ({@link EndedRegisterDispatcher}); then the served host names, without which the
 * container relays a dialog's request for its own domain.
 */
public final class SipStackSettings implements LifecycleListener {

    /** The stack properties the server start assembled (the TLS ones added); null: the standard ones. */
    private static volatile Properties stack;

    /** Called by {@link StandaloneServer} before Catalina reads server.xml. */
    static void use(Properties properties) {
        stack = properties;
    }

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (!(event.getLifecycle() instanceof SipStandardService)) {
            return;
        }
        SipStandardService service = (SipStandardService) event.getLifecycle();
        if (Lifecycle.BEFORE_INIT_EVENT.equals(event.getType())) {
            Properties p = stack;
            service.setSipStackProperties(p != null ? p : SipStackProperties.standard());
            service.setSipPathName(SigningTransactions.PATH_NAME);
            service.setSipApplicationDispatcherClassName(EndedRegisterDispatcher.class.getName());
        } else if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())) {
            ServedHosts.configuredNames(UcfrontConfig.current()).forEach(service.getSipApplicationDispatcher()::addHostName);
        }
    }
}
