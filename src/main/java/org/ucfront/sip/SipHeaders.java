package org.ucfront.sip;

/** Names of the header fields the registrar reads or writes, with the literal values it emits. */
public final class SipHeaders {
    private SipHeaders() {
    }

    /** ucfront's own bound on any single header value it parses; longer values are rejected. */
    public static final int MAX_HEADER_VALUE_LENGTH = 4096;

    /** MS-SIPREGE §2.2.1.4 (lowercase as in the §4.1.1 example; header names are case-insensitive). */
    public static final String PRESENCE_STATE = "presence-state";
    /** MS-CONMGMT §2.2.1, used by MS-SIPREGE §2.2.1.3. */
    public static final String MS_KEEP_ALIVE = "ms-keep-alive";
    /** MS-SIPREGE §2.2.1.6. */
    public static final String MS_SUBNET = "ms-subnet";
    /** MS-SIPREGE §2.2.1.7. */
    public static final String MS_DEVICE_INFO = "Ms-Device-Info";
    /** MS-SIPREGE §2.2.1.8 (the §4.1.5 example misspells it "P-Preferred-Registrator"). */
    public static final String P_PREFERRED_REGISTRAR = "P-Preferred-Registrar";
    /** MS-OCER §2.2.1.2, required by MS-SIPREGE §2.2.1.11.4 and §3.1.2.5.1. */
    public static final String MS_DIAGNOSTICS_PUBLIC = MsDiagnostics.HEADER;

    /** RFC 3261 §20.35; MS-SIPREGE §2.2.1.9 restricts its value. */
    public static final String SERVER = "Server";
    /** MS-SIPREGE §2.2.1.9: the literal Server value of this protocol version. */
    public static final String SERVER_VALUE = "RTC/4.0";

    /** RFC 3265 §7.2.1; MS-SIPREGE §2.2.1.1 (REGISTER) and §2.2.1.11.2 (NOTIFY). */
    public static final String EVENT = "Event";
    /** RFC 3265 §7.2.2. */
    public static final String ALLOW_EVENTS = "Allow-Events";
    /** RFC 3265 §7.2.4; MS-SIPREGE §2.2.1.11.1 and §2.2.1.12.1. */
    public static final String SUBSCRIPTION_STATE = "subscription-state";
    /** RFC 3261 §20.37; MS-SIPREGE §2.2.1.5 adds option tags. */
    public static final String SUPPORTED = "Supported";
    /** RFC 3261 §20.32; sent with 421 for gruu-10 (MS-SIPREGE §3.1.2.5.1). */
    public static final String REQUIRE = "Require";
    /** RFC 3261 §20.23; sent with 423 (MS-SIPREGE §3.1.2.2 floor of 30 s). */
    public static final String MIN_EXPIRES = "Min-Expires";
    /** RFC 3261 §20.19. */
    public static final String EXPIRES = "Expires";
    /** RFC 3261 §20.10. */
    public static final String CONTACT = "Contact";
    /** RFC 3261 §20.15; MS-SIPREGE §2.2.1.11.3. */
    public static final String CONTENT_TYPE = "Content-Type";
    /** RFC 3261 §20.41; stored per endpoint and read by client version control (§3.4). */
    public static final String USER_AGENT = "User-Agent";
    /** RFC 3261 §20.43; client version control answers (MS-SIPREGE §3.4). */
    public static final String WARNING = "Warning";

    /** RFC 3261 §20.44. */
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    /** RFC 3261 §20.7. */
    public static final String AUTHORIZATION = "Authorization";
    /** RFC 3261 §20.27. */
    public static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
    /** RFC 3261 §20.28. */
    public static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    /** RFC 3261 §20.6. */
    public static final String AUTHENTICATION_INFO = "Authentication-Info";
}
