package org.ucfront.directory.ldap.service;

/** JMX view of the directory synchronisation: {@code org.ucfront:type=Directory}. */
public interface DirectoryJmxMBean {

    /** Runs a full sync now; returns its outcome. */
    String syncNow();

    /** Runs an incremental sync now (a full one if none has succeeded yet). */
    String syncIncremental();

    /** Deregisters a user's endpoints: rejected, deactivated or preferred-registrar-change; returns how many. */
    int deregister(String uri, String event, String registrar);

    String getLastResult();

    long getFailures();

    long getConsecutiveFailures();
}
