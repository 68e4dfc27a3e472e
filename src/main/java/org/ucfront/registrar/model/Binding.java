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

    /**
     * This binding, holding {@code before}'s values where they are equal. A refresh repeats most of
     * them: the stored binding then keeps the old instances, which are in the old generation
     * already, and the copies parsed from the request die young instead of being promoted.
     */
    public Binding sharing(Binding before) {
        if (before == null) {
            return this;
        }
        return new Binding(Endpoint.unchanged(contact, before.contact), expiresAt,
                Endpoint.unchanged(transport, before.transport), Endpoint.unchanged(remoteAddr, before.remoteAddr),
                remotePort, Endpoint.unchanged(callId, before.callId), cseq,
                Endpoint.unchanged(clientTag, before.clientTag), registrarTag);
    }

    public boolean isReliable() {
        return !"udp".equalsIgnoreCase(transport);
    }
}
