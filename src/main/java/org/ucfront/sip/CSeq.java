package org.ucfront.sip;

import javax.servlet.sip.SipServletRequest;

/** A request's CSeq (RFC 3261 §20.16): a sequence number, then the method. */
public final class CSeq {

    private CSeq() {
    }

    /** The sequence number; a CSeq without one is malformed. */
    public static long number(SipServletRequest req) {
        String value = req.getHeader("CSeq");
        int space = value == null ? -1 : value.indexOf(' ');
        try {
            return Long.parseLong(space < 0 ? "" : value.substring(0, space).trim());
        } catch (NumberFormatException e) {
            throw new MalformedHeaderException("CSeq has no sequence number");
        }
    }
}
