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
import org.mobicents.servlet.sip.core.SipApplicationDispatcherImpl;
import org.mobicents.servlet.sip.startup.SipContextConfig;
import org.mobicents.servlet.sip.startup.SipStandardContext;
import org.mobicents.servlet.sip.startup.SipStandardEngine;
import org.mobicents.servlet.sip.startup.SipStandardService;
import org.ucfront.sip.ServedHosts;

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
        service.setSipApplicationDispatcherClassName(SipApplicationDispatcherImpl.class.getName());
        service.setDarConfigurationFileLocation(dar.toUri().toString());
        service.setCongestionControlCheckingInterval(-1);
        service.setGatherStatistics(false);
        TlsSettings tls = TlsSettings.load(config).withGeneratedKeyStore(config.dataDir,
                AuthenticationSettings.load(config.domain).fqdn());
        Properties stack = stackProperties();
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

    private static Properties stackProperties() {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "ucfront");
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "64");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        // UDP server transactions live 32 s after their answer (RFC 3261 Timer J) and a Digest
        // registration makes two: the stack's default cap (10,000) refuses new REGISTERs beyond
        // ~150 registrations/s. 25,000 (~390/s) still fits a 512 MB heap; beyond it the stack sheds
        // load (clients retransmit) instead of exhausting the heap, as 150,000 did at 500/s
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "25000");
        p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "20000");
        // Answers go back where the request came from (RFC 3581 rport, added when the client did not
        // ask): over TCP on the request's own connection (RFC 3261 §18.2.2), over UDP to the source
        // port. Without it the stack connects (or resolves names) to whatever host the Via names
        p.setProperty("gov.nist.javax.sip.ALWAYS_ADD_RPORT", "true");
        // floods refused per source and user, requests the parser let through but RFC 3261
        // refuses (wrong version, duplicated single headers), and requests not for this server
        // (which the container would relay), before any transaction
        p.setProperty("gov.nist.javax.sip.SIP_MESSAGE_VALVE",
                "org.ucfront.sip.flood.FloodValve,org.ucfront.sip.RequestFramingValve,org.ucfront.sip.RequestUriValve");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", "org.ucfront.sip.StrictMessageParserFactory");
        // TCP connections limited per source and closed when silent
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", "org.ucfront.sip.flood.ConnectionLimitedNetworkLayer");
        // TCP closes reported so that the bindings registered over them can be removed
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                "org.ucfront.sip.ConnectionWatchingProcessorFactory");
        p.setProperty("org.mobicents.servlet.sip.SERVER_HEADER", "RTC/4.0");
        return p;
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
