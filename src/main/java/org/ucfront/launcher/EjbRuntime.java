package org.ucfront.launcher;

import java.io.File;
import java.util.Properties;
import javax.ejb.embeddable.EJBContainer;
import javax.naming.NamingException;
import org.ucfront.server.JdbcUrls;

/**
 * The EJB container (OpenEJB, embedded through the standard EJBContainer API) that holds the
 * services and the JTA data source. It runs in the same class loader as the SIP container so that
 * servlets and beans share classes.
 */
final class EjbRuntime implements AutoCloseable {

    static final String APP_NAME = "ucfront";
    static final String DATA_SOURCE = "ucfrontDb";
    /** The lookup path servlets' EJB references are linked through (RUNTIME-RECIPE). */
    static final String LOCAL_CONTEXT_FACTORY = "org.apache.openejb.core.LocalInitialContextFactory";

    private final EJBContainer container;
    private final String moduleName;

    private EjbRuntime(EJBContainer container, String moduleName) {
        this.container = container;
        this.moduleName = moduleName;
    }

    static EjbRuntime start(UcfrontConfig config, File module) {
        Properties p = new Properties();
        p.put(EJBContainer.APP_NAME, APP_NAME);
        p.put(EJBContainer.MODULES, module);
        p.put(DATA_SOURCE, "new://Resource?type=DataSource");
        p.put(DATA_SOURCE + ".JdbcDriver", JdbcUrls.driverFor(config.jdbcUrl));
        p.put(DATA_SOURCE + ".JdbcUrl", config.jdbcUrl);
        p.put(DATA_SOURCE + ".UserName", config.jdbcUser);
        p.put(DATA_SOURCE + ".Password", config.jdbcPassword);
        p.put(DATA_SOURCE + ".JtaManaged", "true");
        p.put(DATA_SOURCE + ".MaxTotal", "20");
        // no remote EJB, no JMX connector, no deployment scanning beyond our module
        p.put("openejb.deployments.classpath", "false");
        p.put("openejb.jmx.active", "false");
        // nor the per-call statistics kept for those JMX beans (an interceptor and a reflective lookup on
        // every EJB call; the registrar makes several per REGISTER). The property's value means "active"
        p.put("openejb.stats.interceptor.disable", "false");
        String name = module.getName();
        if (name.endsWith(".jar")) {
            name = name.substring(0, name.length() - 4);
        }
        // pin the module id that link() uses: OpenEJB would name a class directory (target/classes,
        // as in tests) after the project directory instead
        p.put(module.getName() + ".moduleId", name);
        EJBContainer container = EJBContainer.createEJBContainer(p);
        return new EjbRuntime(container, name);
    }

    /** The openejb.link value for a bean's local business interface. */
    String link(String beanName, Class<?> businessInterface) {
        return "openejb:global/global/" + APP_NAME + "/" + moduleName + "/" + beanName + "!"
                + businessInterface.getName();
    }

    Object lookup(String beanName, Class<?> businessInterface) throws NamingException {
        return container.getContext().lookup(
                "java:global/" + APP_NAME + "/" + moduleName + "/" + beanName + "!" + businessInterface.getName());
    }

    @Override
    public void close() {
        container.close();
    }
}
