package org.ucfront.sip;

/** Names of header and URI parameters the registrar reads or writes. */
public final class SipParams {
    private SipParams() {
    }

    /** From-header endpoint identifier, MS-SIPRE §3.2 (referenced by MS-SIPREGE §3.1.2.1). */
    public static final String EPID = "epid";
    /** Contact-header instance identifier, MS-SIPRE §3.2 / RFC 5626 §4.1. */
    public static final String SIP_INSTANCE = "+sip.instance";
    /** Contact-header parameter carrying the GRUU in the 200, draft-ietf-sip-gruu-10 §8.2. */
    public static final String GRUU = "gruu";
    /** Contact-header per-binding expiry, RFC 3261 §20.10. */
    public static final String EXPIRES = "expires";
    /** From/To tag, RFC 3261 §19.3. */
    public static final String TAG = "tag";
}
