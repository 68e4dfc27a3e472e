package org.ucfront.sip;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.servlet.ServletException;

/**
 * The EJB references servlets use, under java:comp/env. The embedded launcher declares them on
 * the context; in a SIP Servlet application server they come from the deployment descriptors.
 */
public final class Ejbs {

    public static final String BINDING_REGISTRY = "ejb/BindingRegistry";
    public static final String USER_SERVICE = "ejb/UserService";
    public static final String USER_CACHE_SERVICE = "ejb/UserCacheService";
    public static final String POLICY_SERVICE = "ejb/PolicyService";
    public static final String CLIENT_VERSION_SERVICE = "ejb/ClientVersionService";
    public static final String DIRECTORY_SYNC = "ejb/DirectorySync";
    public static final String USER_SERVICES_AVAILABILITY = "ejb/UserServicesAvailability";
    public static final String CALL_SETTINGS_STORE = "ejb/CallSettingsStore";
    public static final String DIAL_PLAN_STORE = "ejb/DialPlanStore";

    private Ejbs() {
    }

    public static <T> T lookup(String name, Class<T> type) throws ServletException {
        try {
            return type.cast(new InitialContext().lookup("java:comp/env/" + name));
        } catch (NamingException | ClassCastException e) {
            throw new ServletException("EJB reference " + name + " (" + type.getName() + ") is not available", e);
        }
    }
}
