package org.ucfront.registrar.servlet;

import java.util.Map;

/** JMX view of the registrar: {@code org.ucfront:type=Registrar}. */
public interface RegistrarMXBean {

    /** Endpoints with a binding that has not expired. */
    int getRegisteredEndpoints();

    /** Endpoints known without a binding (kept for their next REGISTER's {@code fixed}). */
    int getUnboundEndpoints();

    int getUsersRegistered();

    /** REGISTER requests per second, mean of the last minute. */
    double getRegisterRequestsPerSecond();

    /** REGISTERs refused per second, mean of the last minute. */
    double getRegisterErrorsPerSecond();

    /** REGISTERs that bound an endpoint since the start, by register-action (new, refreshed, fixed…). */
    Map<String, Long> getRegistrations();

    /** REGISTERs refused since the start, by reason and ErrorId, e.g. "BAD_CREDENTIALS 60007". */
    Map<String, Long> getRegisterErrors();

    /** SIP requests since the start, by method and final status, e.g. "REGISTER 200". */
    Map<String, Long> getSipRequests();

    /** Deregister NOTIFYs sent since the start, by registration event. */
    Map<String, Long> getDeregisterNotifications();

    /** The user's endpoints, one line each: endpoint id, GRUU, transport and remote address, seconds left. */
    String[] endpoints(String uri);

    /** Deregisters every endpoint of the user (NOTIFY {@code deregistered;event=unregistered}); returns how many. */
    int deregisterUser(String uri);

    /** Deregisters one endpoint (its id as {@link #endpoints} lists it); false if the user has no such endpoint. */
    boolean deregisterEndpoint(String uri, String endpoint);
}
