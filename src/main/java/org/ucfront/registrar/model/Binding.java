package org.ucfront.registrar.model;

/**
 * The registration of one endpoint (RFC 3261 §10.3), with what the registrar needs to reach the
 * endpoint again: its Contact, the connection it registered over, and the REGISTER's dialog
 * identifiers, which a deregister NOTIFY reuses (§3.2.2.4.1).
 */
public record Binding(
        String contact,
        long expiresAt,
        String transport,
        String remoteAddr,
        int remotePort,
        String callId,
        long cseq,
        String clientTag,
        String registrarTag) {

    /** Seconds left before expiry, at least 0. */
    public int secondsLeft(long now) {
        return (int) Math.max(0, (expiresAt - now + 999) / 1000);
    }

    public boolean isReliable() {
        return !"udp".equalsIgnoreCase(transport);
    }
}
