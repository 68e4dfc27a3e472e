package org.ucfront.sip;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;

/**
 * The checks every UAS makes before it looks at a request's meaning (RFC 3261 §8.2.2), shared by
 * all of ucfront's servlets: a Request-URI scheme it serves (§8.2.2.1, else 416) and no Require
 * option tag it does not understand (§8.2.2.3, else 420 with Unsupported). Proxy-Require is for
 * proxies and ignored here (MS-SIPREGE provisioning sends {@code Proxy-Require: ms-benotify}).
 */
public final class RequestInspection {

    /** RFC 3261 §19.1: the URI schemes of the requests ucfront serves. */
    static final Set<String> SERVED_SCHEMES = Set.of("sip", "sips");

    /** Require option tags ucfront understands (MS-SIPREGE §2.2.1.5 tags, see {@link OptionTags}). */
    static final Set<String> UNDERSTOOD = caseInsensitive(OptionTags.GRUU_10, OptionTags.ADHOCLIST,
            OptionTags.MSRTC_EVENT_CATEGORIES, OptionTags.MSRTC_PRESENCE,
            OptionTags.MS_USERSERVICES_STATE_NOTIFICATION, OptionTags.MS_CLUSTER_FAILOVER);

    /** RFC 3261 §20.40: the header listing the tags refused with 420. */
    public static final String UNSUPPORTED = "Unsupported";

    private RequestInspection() {
    }

    /** Why a request is refused before its method's processing, with its answer. */
    public enum Refusal {
        /** RFC 3261 §8.2.2.1. */
        UNSUPPORTED_URI_SCHEME(SipServletResponse.SC_UNSUPPORTED_URI_SCHEME, 60201, "Request-URI scheme not served."),
        /** RFC 3261 §8.2.2.3. */
        BAD_EXTENSION(SipServletResponse.SC_BAD_EXTENSION, 60202, "Required extension not supported.");

        public final int status;
        public final int errorId;
        public final String reason;

        Refusal(int status, int errorId, String reason) {
            this.status = status;
            this.errorId = errorId;
            this.reason = reason;
        }
    }

    /**
     * Answers the request if one of the checks refuses it.
     *
     * @return true if an answer was sent (the caller stops there)
     */
    public static boolean refused(SipServletRequest req) throws IOException {
        String scheme = req.getRequestURI().getScheme();
        if (scheme == null || !SERVED_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            send(req, Refusal.UNSUPPORTED_URI_SCHEME, null);
            return true;
        }
        List<String> unknown = notUnderstood(req.getHeaders(SipHeaders.REQUIRE));
        if (!unknown.isEmpty()) {
            send(req, Refusal.BAD_EXTENSION, String.join(", ", unknown));
            return true;
        }
        return false;
    }

    /** The option tags of Require values that ucfront does not understand, in order. */
    static List<String> notUnderstood(java.util.Iterator<String> requireValues) {
        List<String> unknown = new ArrayList<>();
        while (requireValues != null && requireValues.hasNext()) {
            for (String element : requireValues.next().split(",")) {
                String tag = element.strip();
                if (!tag.isEmpty() && !UNDERSTOOD.contains(tag)) {
                    unknown.add(tag);
                }
            }
        }
        return unknown;
    }

    private static void send(SipServletRequest req, Refusal refusal, String unsupported) throws IOException {
        SipServletResponse r = req.createResponse(refusal.status);
        if (unsupported != null) {
            r.setHeader(UNSUPPORTED, unsupported);
        }
        r.setHeader(MsDiagnostics.HEADER, MsDiagnostics.value(refusal.errorId, refusal.reason));
        r.send();
    }

    private static Set<String> caseInsensitive(String... tags) {
        Set<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        s.addAll(List.of(tags));
        return s;
    }
}
