package org.ucfront.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.deploy.ContextEjb;
import org.apache.catalina.deploy.NamingResources;
import org.apache.catalina.loader.WebappLoader;
import org.apache.catalina.startup.Constants;
import org.apache.catalina.startup.ContextConfig;

/**
 * The launcher as in-process tests use it (the Arquillian adapter in org.ucfront.arquillian):
 * starts ucfront exactly as {@link Main} does, and deploys plain web applications (test archives)
 * beside the SIP application, on the same host and admin HTTP connector, with the same EJB
 * references the SIP servlets get.
 */
public final class InProcessServer {

    private final Server server;

    private InProcessServer(Server server) {
        this.server = server;
    }

    /** Checks ports, data directory and home layout as {@link Main} does, then starts the server. */
    public static InProcessServer start(UcfrontConfig config, Path home) throws Exception {
        Main.checkStartable(config, home);
        return new InProcessServer(Server.start(config, home));
    }

    /**
     * Deploys an exploded web application at {@code path}. Its class loader delegates to
     * {@code parent} first, so that it shares the application's classes (EJB views, SIP API) with
     * the running containers; it may reach the SIP application's ServletContext (cross context).
     *
     * @return the names of the servlets it declares
     */
    public synchronized List<String> deploy(String path, Path docBase, ClassLoader parent) {
        StandardHost host = server.sipRuntime().host();
        if (host.findChild(path) != null) {
            throw new IllegalStateException("a web application is already deployed at " + path);
        }
        StandardContext context = new StandardContext();
        context.setName(path);
        context.setPath(path);
        context.setDocBase(docBase.toString());
        context.setCrossContext(true);
        ContextConfig config = new ContextConfig();
        config.setDefaultWebXml(Constants.NoDefaultWebXml);
        context.addLifecycleListener(config);
        WebappLoader loader = new WebappLoader(parent);
        loader.setDelegate(true);
        context.setLoader(loader);
        context.setParentClassLoader(parent);
        NamingResources naming = new NamingResources();
        context.setNamingResources(naming);
        for (SipRuntime.EjbReference ref : Server.references()) {
            ContextEjb ejb = new ContextEjb();
            ejb.setName(ref.name());
            ejb.setType(ref.type().getName());
            ejb.setProperty("openejb.link", server.ejbRuntime().link(ref.beanName(), ref.type()));
            ejb.setProperty("openejb.factory", EjbRuntime.LOCAL_CONTEXT_FACTORY);
            naming.addEjb(ejb);
        }
        host.addChild(context);
        if (!context.getAvailable()) {
            host.removeChild(context);
            throw new IllegalStateException("web application " + path + " failed to start; see the log above");
        }
        List<String> servlets = new ArrayList<>();
        for (Container child : context.findChildren()) {
            servlets.add(child.getName());
        }
        return servlets;
    }

    public synchronized void undeploy(String path) {
        StandardHost host = server.sipRuntime().host();
        Container context = host.findChild(path);
        if (context instanceof Context) {
            host.removeChild(context);
        }
    }

    public void stop() {
        server.stop();
    }
}
