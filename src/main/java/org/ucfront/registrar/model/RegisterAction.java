package org.ucfront.registrar.model;

/**
 * What a REGISTER did to the SIP endpoint, reported in presence-state (§2.2.1.4, rules in
 * §3.1.2.5.1). Clients that get ADDED or FIXED on a refresh drop their dialogs and sign in
 * again, so the registrar must pick the value precisely.
 */
public enum RegisterAction {
    /** §3.1.2.5.1: the REGISTER created a new SIP endpoint. */
    ADDED("added"),
    /** §3.1.2.5.1: the REGISTER refreshed an existing binding of an existing endpoint. */
    REFRESHED("refreshed"),
    /** §3.1.2.5.1 / §3.2.2.5: an existing endpoint went from non-routable to routable. */
    FIXED("fixed");

    private final String value;

    RegisterAction(String value) {
        this.value = value;
    }

    /** The register-action-value without its quotes. */
    public String value() {
        return value;
    }
}
