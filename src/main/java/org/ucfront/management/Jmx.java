package org.ucfront.management;

import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.InstanceAlreadyExistsException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * MBeans of the domain {@code org.ucfront} in the platform MBean server (what jconsole and
 * remote JMX see). A name left by an earlier deployment of the application is replaced.
 */
public final class Jmx {

    public static final String DOMAIN = "org.ucfront";
    private static final Logger LOG = Logger.getLogger(Jmx.class.getName());

    private Jmx() {
    }

    /** Returns the registered name, or null when it could not be registered (logged). */
    public static ObjectName register(String name, Object mbean) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName on = new ObjectName(name);
            try {
                server.registerMBean(mbean, on);
            } catch (InstanceAlreadyExistsException e) {
                server.unregisterMBean(on);
                server.registerMBean(mbean, on);
            }
            return on;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "JMX " + name + " not registered", e);
            return null;
        }
    }

    public static void unregister(ObjectName name) {
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (Exception e) {
            LOG.log(Level.FINE, "JMX unregister " + name, e);
        }
    }
}
