package org.ucfront.security.ntlm;

/** NegotiateFlags bits (MS-NLMP §2.2.2.5) that the server sets or checks. */
final class NtlmFlags {

    private NtlmFlags() {
    }

    static final int NEGOTIATE_UNICODE = 0x00000001;
    static final int REQUEST_TARGET = 0x00000004;
    static final int NEGOTIATE_SIGN = 0x00000010;
    /** Connectionless NTLM (MS-NLMP §1.3.1.2): no NEGOTIATE_MESSAGE, per-message RC4 keys. */
    static final int NEGOTIATE_DATAGRAM = 0x00000040;
    static final int NEGOTIATE_LM_KEY = 0x00000080;
    static final int NEGOTIATE_NTLM = 0x00000200;
    static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
    static final int TARGET_TYPE_DOMAIN = 0x00010000;
    static final int NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000;
    static final int NEGOTIATE_IDENTIFY = 0x00100000;
    static final int NEGOTIATE_TARGET_INFO = 0x00800000;
    static final int NEGOTIATE_VERSION = 0x02000000;
    static final int NEGOTIATE_128 = 0x20000000;
    static final int NEGOTIATE_KEY_EXCH = 0x40000000;
    static final int NEGOTIATE_56 = 0x80000000;

    /**
     * What ucfront offers in its CHALLENGE_MESSAGE: connectionless signing with extended session
     * security and a client-chosen session key (MS-SIPAE §3.2.5.1.1 uses NTLM in datagram mode).
     */
    static final int SERVER_CHALLENGE = NEGOTIATE_UNICODE | REQUEST_TARGET | NEGOTIATE_SIGN | NEGOTIATE_DATAGRAM
            | NEGOTIATE_NTLM | NEGOTIATE_ALWAYS_SIGN | TARGET_TYPE_DOMAIN | NEGOTIATE_EXTENDED_SESSIONSECURITY
            | NEGOTIATE_IDENTIFY | NEGOTIATE_TARGET_INFO | NEGOTIATE_VERSION | NEGOTIATE_128 | NEGOTIATE_KEY_EXCH
            | NEGOTIATE_56;

    static boolean has(int flags, int flag) {
        return (flags & flag) == flag;
    }
}
