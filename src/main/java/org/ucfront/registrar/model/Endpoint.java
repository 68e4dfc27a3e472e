package org.ucfront.registrar.model;

import java.util.Objects;

/**
 * A SIP endpoint of a user (§3.1.2.1): its identifier (epid, sip.instance, GRUU), whether it is
 * routable (has a binding), and what it told us about itself. Immutable: changes make new values.
 *
 * @param id  the endpoint's stored identity (its row key), unique across users, the same for the
 *            endpoint's whole life ({@link EndpointIds})
 * @param key the endpoint's identity within the user: its sip.instance in lower case, or
 *            {@code epid:<epid>} when the REGISTER had no sip.instance
 */
public record Endpoint(
        String id,
        String aor,
        String key,
        String epid,
        String instance,
        String gruu,
        Binding binding,
        String userAgent,
        DeviceInfo device,
        String subnet,
        boolean survivable,
        long firstRegisteredAt,
        long notifyCseq,
        long updatedAt) {

    public boolean routable() {
        return binding != null;
    }

    Endpoint withBinding(Binding b, long now) {
        return new Endpoint(id, aor, key, epid, instance, gruu, b, userAgent, device, subnet, survivable,
                firstRegisteredAt, notifyCseq, now);
    }

    /** {@code before} when equal to {@code fresh} (see {@link Binding#sharing}), else {@code fresh}. */
    static <T> T unchanged(T fresh, T before) {
        return Objects.equals(fresh, before) ? before : fresh;
    }

    /** The next CSeq of the registrar's own requests in this endpoint's REGISTER dialog. */
    Endpoint withNextNotifyCseq(long now) {
        return new Endpoint(id, aor, key, epid, instance, gruu, binding, userAgent, device, subnet, survivable,
                firstRegisteredAt, notifyCseq + 1, now);
    }
}
