package org.ucfront.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.ucfront.security.AuthenticationSettings;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.core.StandardServer;
import org.apache.catalina.deploy.ContextEjb;
import org.apache.catalina.deploy.NamingResources;
import org.apache.catalina.loader.WebappLoader;
import org.mobicents.servlet.sip.catalina.SipHostConfig;
import org.mobicents.servlet.sip.catalina.SipStandardManager;
import org.mobicents.servlet.sip.startup.SipContextConfig;
import org.mobicents.servlet.sip.startup.SipStandardContext;
import org.mobicents.servlet.sip.startup.SipStandardEngine;
import org.mobicents.servlet.sip.startup.SipStandardService;
import org.ucfront.sip.ServedHosts;
import org.ucfront.sip.SipStackProperties;
import org.ucfront.sip.stack.EndedRegisterDispatcher;
import org.ucfront.sip.stack.SigningTransactions;

/**
 * The embedded Restcomm SIP Servlets container on Tomcat 7 with the ucfront application deployed
 * from an exploded SAR directory. One SIP connector per transport (UDP, TCP, TLS) and one HTTP
 * connector for the admin API, each bound only to the configured address.
 */
final class SipRuntime implements AutoCloseable {

    static final String SIP_PROTOCOL_HANDLER = "org.mobicents.servlet.sip.startup.SipProtocolHandler";
    static final String ROUTER_PROVIDER_PROPERTY = "javax.servlet.sip.ar.spi.SipApplicationRouterProvider";
    static final String DEFAULT_ROUTER_PROVIDER = "org.mobicents.servlet.sip.router.DefaultApplicationRouterProvider";

    /** An EJB reference a servlet's {@code @EJB(name=...)} field resolves through. */
    record EjbReference(String name, String beanName, Class<?> type) {
    }

    private final StandardServer server;
    private final SipStandardService service;

    private SipRuntime(StandardServer server, SipStandardService service) {
        this.server = server;
        this.service = service;
    }

    static SipRuntime start(UcfrontConfig config, Path home, Path webapp, Path dar, EjbRuntime ejbs,
            List<EjbReference> references) throws Exception {
        System.setProperty("catalina.home", home.toString());
        System.setProperty("catalina.base", home.toString());
        enableNaming();
        // JDK 9+: ServiceLoader would otherwise find no router provider (RUNTIME-RECIPE)
        System.setProperty(ROUTER_PROVIDER_PROPERTY, DEFAULT_ROUTER_PROVIDER);

        StandardServer server = new StandardServer();
        server.setPort(-1); // no shutdown port
        SipStandardService service = new SipStandardService();
        service.setName("ucfront");
        service.setSipApplicationDispatcherClassName(EndedRegisterDispatcher.class.getName());
        service.setSipPathName(SigningTransactions.PATH_NAME);
        service.setDarConfigurationFileLocation(dar.toUri().toString());
        service.setCongestionControlCheckingInterval(-1);
        service.setGatherStatistics(false);
        TlsSettings tls = TlsSettings.load(config).withGeneratedKeyStore(config.dataDir,
                AuthenticationSettings.load(config.domain).fqdn());
        Properties stack = SipStackProperties.standard();
        tls.applyTo(stack);
        service.setSipStackProperties(stack);
        server.addService(service);

        SipStandardEngine engine = new SipStandardEngine();
        engine.setName("ucfront");
        engine.setDefaultHost("localhost");
        service.setContainer(engine);

        StandardHost host = new StandardHost();
        host.setName("localhost");
        host.setAppBase(webapp.getParent().toString());
        host.setAutoDeploy(false);
        host.setDeployOnStartup(false);
        host.addLifecycleListener(new SipHostConfig());
        engine.addChild(host);

        for (String transport : List.of("udp", "tcp")) {
            Connector sip = new Connector(SIP_PROTOCOL_HANDLER);
            sip.setProperty("ipAddress", config.sipAddress);
            sip.setPort(config.sipPort);
            sip.setProperty("signalingTransport", transport);
            service.addConnector(sip);
        }
        if (tls.port() != 0) {
            Connector sips = new Connector(SIP_PROTOCOL_HANDLER);
            sips.setProperty("ipAddress", config.sipAddress);
            sips.setPort(tls.port());
            sips.setProperty("signalingTransport", "tls");
            service.addConnector(sips);
        }
        Connector http = new Connector("HTTP/1.1");
        http.setProperty("address", config.httpAddress);
        http.setPort(config.httpPort);
        service.addConnector(http);

        server.start();
        // the container relays a dialog's request it has no session for unless its host is one of
        // the container's own: the served names are (RequestUriValve refuses the others)
        ServedHosts.configuredNames(config).forEach(service.getSipApplicationDispatcher()::addHostName);
        service.getSipApplicationDispatcher().putInService();

        SipStandardContext context = new SipStandardContext();
        context.setName("ucfront");
        context.setPath("");
        context.setDocBase(webapp.toString());
        context.addLifecycleListener(new SipContextConfig());
        context.setManager(new SipStandardManager());
        // application classes live on the launcher's class path, shared with the EJB container
        WebappLoader loader = new WebappLoader(SipRuntime.class.getClassLoader());
        loader.setDelegate(true);
        context.setLoader(loader);
        context.setParentClassLoader(SipRuntime.class.getClassLoader());
        NamingResources naming = context.getNamingResources();
        if (naming == null) {
            naming = new NamingResources();
            context.setNamingResources(naming);
        }
        for (EjbReference ref : references) {
            ContextEjb ejb = new ContextEjb();
            ejb.setName(ref.name());
            ejb.setType(ref.type().getName());
            ejb.setProperty("openejb.link", ejbs.link(ref.beanName(), ref.type()));
            ejb.setProperty("openejb.factory", EjbRuntime.LOCAL_CONTEXT_FACTORY);
            naming.addEjb(ejb);
        }
        host.addChild(context);
        if (!context.getAvailable()) {
            throw new IllegalStateException("the ucfront application failed to start; see the log above");
        }
        return new SipRuntime(server, service);
    }

    /** What org.apache.catalina.startup.Tomcat#enableNaming does: java:comp/env for servlets. */
    private static void enableNaming() {
        System.setProperty("catalina.useNaming", "true");
        String prefixes = System.getProperty(javax.naming.Context.URL_PKG_PREFIXES);
        System.setProperty(javax.naming.Context.URL_PKG_PREFIXES,
                prefixes == null ? "org.apache.naming" : "org.apache.naming:" + prefixes);
        if (System.getProperty(javax.naming.Context.INITIAL_CONTEXT_FACTORY) == null) {
            System.setProperty(javax.naming.Context.INITIAL_CONTEXT_FACTORY,
                    "org.apache.naming.java.javaURLContextFactory");
        }
    }

    /** The host the application is deployed on; in-process tests deploy their archives beside it. */
    StandardHost host() {
        return (StandardHost) service.getContainer().findChild("localhost");
    }

    @Override
    public void close() throws Exception {
        server.stop();
        server.destroy();
    }
}
