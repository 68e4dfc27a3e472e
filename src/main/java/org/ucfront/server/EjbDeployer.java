package org.ucfront.server;

import java.io.File;
import java.io.IOException;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.ejb.embeddable.EJBContainer;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.deploy.ContextEjb;
import org.apache.catalina.deploy.NamingResources;
import org.flywaydb.core.Flyway;
import org.ucfront.launcher.UcfrontConfig;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The EJB container of the standalone server (declared for every application in
 * {@code conf/context.xml}). When an application that declares {@code <ejb-local-ref>}s starts, it
 * brings the application's schema up to date with the Flyway migrations the archive ships
 * ({@code db/migration}), starts OpenEJB (through the standard {@link EJBContainer} API) on the
 * beans in {@code WEB-INF/classes} with the data source of {@code conf/datasource.properties} (the
 * {@code ucfront.db.*} settings, read and checked by {@link UcfrontConfig} when the server started), and
 * links each reference to its bean. When the application stops (undeploy, redeploy, shutdown) the
 * container is closed, so beans write what they hold ({@code @PreDestroy}) before the archive's
 * classes go away.
 */
public final class EjbDeployer implements LifecycleListener {

    private static final Logger LOG = Logger.getLogger(EjbDeployer.class.getName());
    /** The name OpenEJB gives the threads of its stateless pools' executors (StatelessInstanceManager). */
    private static final String POOL_WORKER_PREFIX = "StatelessPool.worker.";
    private static final long POOL_WORKERS_EXIT_MILLIS = 2_000;

    /** The JTA data source the application's persistence unit names ({@code jta-data-source}). */
    static final String DATA_SOURCE = "ucfrontDb";
    /** Geronimo transaction manager's timer thread (ExponentialtIntervalRetryScheduler). */
    static final String TRANSACTION_RETRY_TIMER = "RetryTimer";
    static final String LOCAL_CONTEXT_FACTORY = "org.apache.openejb.core.LocalInitialContextFactory";

    private List<String[]> refs = List.of();
    private EJBContainer container;
    private String summary;

    @Override
    public void lifecycleEvent(LifecycleEvent event) {
        if (!(event.getLifecycle() instanceof Context)) {
            return;
        }
        Context context = (Context) event.getLifecycle();
        if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
            link(context);
        } else if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
            start(context);
        } else if (Lifecycle.AFTER_START_EVENT.equals(event.getType()) && summary != null) {
            LOG.info("application " + name(context) + " started: " + summary);
        } else if (Lifecycle.CONFIGURE_STOP_EVENT.equals(event.getType())) {
            stop(context);
        }
    }

    /**
     * Before Tomcat reads the descriptors: declares each {@code <ejb-local-ref>} of the archive's
     * web.xml as a reference linked to its bean, so the naming context the application's servlets
     * see is built with them (Tomcat then skips its own, unlinked, declaration of the same name).
     */
    private void link(Context context) {
        refs = localEjbRefs(webXml(context));
        String app = name(context);
        NamingResources naming = context.getNamingResources();
        for (String[] ref : refs) {
            ContextEjb ejb = new ContextEjb();
            ejb.setName(ref[0]);
            ejb.setType(ref[1]);
            ejb.setProperty("openejb.link", "openejb:global/global/" + app + "/" + app + "/" + ref[2] + "!" + ref[1]);
            ejb.setProperty("openejb.factory", LOCAL_CONTEXT_FACTORY);
            naming.addEjb(ejb);
        }
    }

    /** Once the application's class loader exists: its schema, then its beans. */
    private void start(Context context) {
        if (refs.isEmpty()) {
            return; // not an application with EJBs
        }
        String app = name(context);
        ClassLoader loader = context.getLoader().getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            UcfrontConfig db = UcfrontConfig.current(); // validated when the server started
            String version = migrate(loader, db);
            File classes = new File(context.getServletContext().getRealPath("/WEB-INF/classes"));
            container = createContainer(containerProperties(app, classes, db));
            releaseServerThreads(loader);
            summary = refs.size() + " EJB reference(s) linked, database " + JdbcUrls.withoutParameters(db.jdbcUrl)
                    + " at schema version " + version;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "application " + app + " not started: " + e.getMessage(), e);
            close();
            context.setConfigured(false); // Tomcat then marks the application unavailable
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static File webXml(Context context) {
        File docBase = new File(context.getDocBase());
        if (!docBase.isAbsolute()) {
            File appBase = new File(((Host) context.getParent()).getAppBase());
            if (!appBase.isAbsolute()) {
                appBase = new File(System.getProperty("catalina.base"), appBase.getPath());
            }
            docBase = new File(appBase, docBase.getPath());
        }
        return new File(docBase, "WEB-INF/web.xml");
    }

    /** name, local interface, bean name of each {@code <ejb-local-ref>}; none without a web.xml. */
    static List<String[]> localEjbRefs(File webXml) {
        List<String[]> refs = new ArrayList<>();
        if (!webXml.isFile()) {
            return refs;
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList list = f.newDocumentBuilder().parse(webXml).getElementsByTagName("ejb-local-ref");
            for (int i = 0; i < list.getLength(); i++) {
                Element ref = (Element) list.item(i);
                refs.add(new String[] {text(ref, "ejb-ref-name"), text(ref, "local"), text(ref, "ejb-link")});
            }
            return refs;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException(webXml + " is not readable: " + e.getMessage(), e);
        }
    }

    private static String text(Element parent, String name) {
        NodeList n = parent.getElementsByTagName(name);
        if (n.getLength() == 0) {
            throw new IllegalArgumentException("an ejb-local-ref without " + name);
        }
        return n.item(0).getTextContent().trim();
    }

    /**
     * OpenEJB points the JVM's JNDI settings at its own naming when it starts; the server's
     * applications resolve {@code java:comp/env} through Tomcat's, so those are put back.
     */
    private static EJBContainer createContainer(Properties properties) {
        String urlPackages = System.getProperty(javax.naming.Context.URL_PKG_PREFIXES);
        String initialFactory = System.getProperty(javax.naming.Context.INITIAL_CONTEXT_FACTORY);
        try {
            return EJBContainer.createEJBContainer(properties);
        } finally {
            restore(javax.naming.Context.URL_PKG_PREFIXES, urlPackages);
            restore(javax.naming.Context.INITIAL_CONTEXT_FACTORY, initialFactory);
        }
    }

    /**
     * The transaction manager's retry timer is a thread of the server (it outlives the application)
     * started while the application's loader was the context loader: it would keep the undeployed
     * application's classes in memory, and Tomcat reports it as a leak at every redeploy.
     */
    private static void releaseServerThreads(ClassLoader applicationLoader) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (TRANSACTION_RETRY_TIMER.equals(t.getName()) && t.getContextClassLoader() == applicationLoader) {
                t.setContextClassLoader(EjbDeployer.class.getClassLoader());
            }
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    /** Applies the archive's pending migrations; returns the schema version reached. */
    private static String migrate(ClassLoader loader, UcfrontConfig db) {
        Flyway flyway = Flyway.configure(loader)
                .dataSource(db.jdbcUrl, db.jdbcUser, db.jdbcPassword)
                .locations("classpath:db/migration")
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        String version = String.valueOf(flyway.info().current().getVersion());
        LOG.info("database " + JdbcUrls.withoutParameters(db.jdbcUrl) + " at schema version " + version + ", " + applied
                + " migration(s) applied");
        return version;
    }

    private static Properties containerProperties(String app, File classes, UcfrontConfig db) {
        Properties p = new Properties();
        p.put(EJBContainer.APP_NAME, app);
        p.put(EJBContainer.MODULES, classes);
        // the module id the links above use (OpenEJB would name a class directory after its parent)
        p.put(classes.getName() + ".moduleId", app);
        p.put(DATA_SOURCE, "new://Resource?type=DataSource");
        p.put(DATA_SOURCE + ".JdbcDriver", JdbcUrls.driverFor(db.jdbcUrl));
        p.put(DATA_SOURCE + ".JdbcUrl", db.jdbcUrl);
        p.put(DATA_SOURCE + ".UserName", db.jdbcUser);
        p.put(DATA_SOURCE + ".Password", db.jdbcPassword);
        p.put(DATA_SOURCE + ".JtaManaged", "true");
        p.put(DATA_SOURCE + ".MaxTotal", "20");
        // no remote EJB, no JMX connector, no scanning beyond the application's classes
        p.put("openejb.deployments.classpath", "false");
        p.put("openejb.jmx.active", "false");
        // nor the per-call statistics kept for those JMX beans (an interceptor and a reflective lookup on
        // every EJB call; the registrar makes several per REGISTER). The property's value means "active"
        p.put("openejb.stats.interceptor.disable", "false");
        return p;
    }

    private void stop(Context context) {
        if (container != null) {
            close();
            LOG.info("application " + name(context) + " stopped: EJB container closed");
        }
    }

    private void close() {
        if (container != null) {
            try {
                container.close();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "EJB container did not close cleanly", e);
            }
            container = null;
            awaitPoolWorkers();
        }
        summary = null;
    }

    /**
     * OpenEJB terminates its stateless pools' executors when the container closes, but their worker
     * threads can still be on their way out when Tomcat, right after the context stops, looks for
     * threads the application left running (and reports each as a SEVERE leak): they are awaited,
     * briefly, since they are already ending.
     */
    private static void awaitPoolWorkers() {
        long deadline = System.nanoTime() + POOL_WORKERS_EXIT_MILLIS * 1_000_000;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (t.getName().startsWith(POOL_WORKER_PREFIX) && left > 0) {
                try {
                    t.join(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The application's name as Tomcat names its archive: ROOT for the root context. */
    private static String name(Context context) {
        String path = context.getPath();
        return path.isEmpty() ? "ROOT" : path.substring(1).replace('/', '#');
    }
}
