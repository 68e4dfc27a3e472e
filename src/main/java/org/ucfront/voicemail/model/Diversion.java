package org.ucfront.voicemail.model;

import java.util.Locale;
import java.util.Optional;

/** The Diversion header of an INVITE routed to Exchange UM (MS-EUMR §3.1.5 steps 1–2). */
public final class Diversion {

    /** draft-levy-sip-diversion-08, named by MS-EUMR §3.1.5 step 1. */
    public static final String HEADER = "Diversion";

    private Diversion() {
    }

    /**
     * Step 2: {@code <sip:user@host>} of the Request-URI (no parameters or headers) when its user
     * and host differ from the From's; empty when they are the same (a user calling their own
     * voicemail).
     */
    public static Optional<String> forRequest(String requestUser, String requestHost, String fromUser, String fromHost) {
        boolean same = eq(requestUser, fromUser, false) && eq(requestHost, fromHost, true);
        if (same) {
            return Optional.empty();
        }
        return Optional.of("<sip:" + (requestUser == null ? "" : requestUser + "@") + requestHost + ">");
    }

    private static boolean eq(String a, String b, boolean ignoreCase) {
        if (a == null || b == null) {
            return a == b;
        }
        return ignoreCase ? a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT)) : a.equals(b);
    }
}
