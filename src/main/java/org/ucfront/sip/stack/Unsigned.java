package org.ucfront.sip.stack;

import javax.sip.message.Message;

/** Whether a message carries no server signature yet (MS-SIPAE §2.2.4), so that none is added twice. */
final class Unsigned {

    static final String AUTHENTICATION_INFO = "Authentication-Info";
    static final String PROXY_AUTHENTICATION_INFO = "Proxy-Authentication-Info";

    private Unsigned() {
    }

    static boolean is(Message m) {
        return m.getHeader(AUTHENTICATION_INFO) == null && m.getHeader(PROXY_AUTHENTICATION_INFO) == null;
    }
}
