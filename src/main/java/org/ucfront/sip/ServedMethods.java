package org.ucfront.sip;

import java.util.List;

/** The request methods ucfront serves, for Allow (RFC 3261 §20.5); sip.xml maps each to its servlet. */
public final class ServedMethods {

    public static final List<String> METHODS = List.of("REGISTER", "SUBSCRIBE", "OPTIONS", "INVITE", "ACK", "CANCEL", "BYE");

    private ServedMethods() {
    }

    public static String allow() {
        return String.join(", ", METHODS);
    }
}
