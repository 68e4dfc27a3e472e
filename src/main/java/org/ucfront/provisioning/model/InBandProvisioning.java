package org.ucfront.provisioning.model;

/** Protocol literals of in-band provisioning (MS-SIPREGE §2.2.2, §3.3.2). */
public final class InBandProvisioning {

    /** §2.2.2.1: the Event of the provisioning SUBSCRIBE and of its answer. */
    public static final String EVENT = "vnd-microsoft-provisioning-v2";
    /** §2.2.2.1: Accept and Content-Type of requests and answers. */
    public static final String CONTENT_TYPE = "application/vnd-microsoft-roaming-provisioning-v2+xml";
    /** §2.2.2.4: namespace of the request document (compared case-insensitively, DIGEST §3). */
    public static final String REQUEST_NAMESPACE = "http://schemas.microsoft.com/2006/09/sip/provisioninggrouplist";
    /** §2.2.2.5 as DIGEST §8 reads it: namespace of the answer document. */
    public static final String RESPONSE_NAMESPACE =
            "http://schemas.microsoft.com/2006/09/sip/provisiongrouplist-notification";
    /** §2.2.2.4 element and attribute names. */
    public static final String REQUEST_ROOT = "provisioningGroupList";
    public static final String REQUEST_GROUP = "provisioningGroup";
    public static final String RESPONSE_ROOT = "provisionGroupList";
    public static final String RESPONSE_GROUP = "provisionGroup";
    public static final String NAME = "name";
    public static final String SUBNET = "subnet";
    /** MS-SIP 3.4.4.1: the answer is piggybacked on the 200 when the client supports this. */
    public static final String PIGGYBACK_FIRST_NOTIFY = "ms-piggyback-first-notify";
    /** MS-SIP: the SUBSCRIBE's CSeq the piggybacked answer stands for (§4.2.2). */
    public static final String PIGGYBACK_CSEQ = "ms-piggyback-cseq";
    /** §4.2.1: clients require it of the proxy; accepted, never answered 420 (DIGEST §3). */
    public static final String BENOTIFY = "ms-benotify";
    /** §2.2.2.1: a delegate's request names the delegator in this header. */
    public static final String SESSION_ON_BEHALF_OF = "p-session-on-behalf-of";
    /** §2.2.2.2: the answer's subscription state (the subscription makes no dialog). */
    public static final String TERMINATED = "terminated;expires=0";

    private InBandProvisioning() {
    }
}
