package org.ucfront.registrar.model;

/** An accepted REGISTER that adds or refreshes one binding, as the registrar's rules see it. */
public record RegisterAttempt(
        String aor,
        String epid,
        SipInstance instance,
        Gruu gruu,
        String userAgent,
        DeviceInfo device,
        String subnet,
        boolean survivable,
        Binding binding) {

    /** Bindings are replaced using sip.instance as the primary key (§3.1.2.5.1). */
    public String endpointKey() {
        return endpointKey(instance, epid);
    }

    public static String endpointKey(SipInstance instance, String epid) {
        return instance != null ? instance.urn() : "epid:" + epid.toLowerCase(java.util.Locale.ROOT);
    }
}
