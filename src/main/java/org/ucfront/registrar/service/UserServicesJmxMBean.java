package org.ucfront.registrar.service;

/**
 * JMX view of this pool's user services (§3.1.2.1 Presence-Service-Available):
 * {@code org.ucfront:type=UserServices}. The override is the same as the admin REST's.
 */
public interface UserServicesJmxMBean {

    /** Whether the user services count as available (the override if set, else the health check). */
    boolean isAvailable();

    /** The health check's own verdict (true when no check is configured). */
    boolean isHealthy();

    /** {@code available}, {@code unavailable} or {@code none}. */
    String getOverride();

    /** The health check URL, or null. */
    String getHealthUrl();

    /** Overrides the health check; going unavailable sends the §3.5 NOTIFYs. Returns the availability after. */
    boolean override(boolean available);

    /** Hands the availability back to the health check. Returns the availability after. */
    boolean clearOverride();
}
