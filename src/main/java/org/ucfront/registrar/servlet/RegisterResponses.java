package org.ucfront.registrar.servlet;

import java.util.List;
import java.util.Set;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import org.ucfront.provisioning.model.InBandProvisioning;
import org.ucfront.registrar.model.Endpoint;
import org.ucfront.registrar.model.PresenceState;
import org.ucfront.registrar.model.RegisterError;
import org.ucfront.registrar.model.RegisterResult;
import org.ucfront.sip.MsDiagnostics;
import org.ucfront.sip.OptionTags;
import org.ucfront.sip.OwnLineHeaders;
import org.ucfront.sip.SipHeaders;
import org.ucfront.sip.SipParams;

/** The registrar's answers, with the headers MS-SIPREGE clients check (§2.2.1.2, §4.1.1). */
final class RegisterResponses {

    /** The UAS answer to {@code ms-keep-alive: UAC;hop-hop=yes} (MS-CONMGMT 2.2.1, §4.1.1). */
    static final String KEEP_ALIVE_UAS = "UAS; tcp=no; hop-hop=yes; end-end=no; timeout=300";
    static final String KEEP_ALIVE_UAC = "uac";
    /** Events this server serves, for Allow-Events (§4.1.1 lists Lync's; we list only our own). */
    static final List<String> SERVED_EVENTS = List.of(InBandProvisioning.EVENT);
    /**
     * Option tags of the REGISTER that this server implements, echoed one per line when the client
     * offered them (§2.2.1.5, §4.1.1). msrtc-event-categories tells a client the server is OCS 2007
     * or later, which is what makes it send the provisioning-v2 SUBSCRIBE (pidgin-sipe 1.25 checks it).
     */
    static final List<String> SUPPORTED_TAGS = List.of(OptionTags.GRUU_10, OptionTags.MSRTC_EVENT_CATEGORIES);

    SipServletResponse error(SipServletRequest req, RegisterError error, String detail) {
        SipServletResponse r = req.createResponse(error.statusCode(), error.reasonPhrase());
        r.setHeader(MsDiagnostics.HEADER, MsDiagnostics.value(error.errorId(), detail != null ? detail : error.reason()));
        error.requiredOptionTag().ifPresent(tag -> r.setHeader(SipHeaders.REQUIRE, tag));
        return r;
    }

    SipServletResponse tooBrief(SipServletRequest req, int minExpires) {
        SipServletResponse r = error(req, RegisterError.INTERVAL_TOO_BRIEF, null);
        r.setHeader(SipHeaders.MIN_EXPIRES, Integer.toString(minExpires));
        return r;
    }

    /** §3.4.2.5.3–§3.4.2.5.8: a client blocked by its version gets 403 with the Warning and no binding. */
    SipServletResponse clientVersionBlocked(SipServletRequest req, String warning) {
        SipServletResponse r = error(req, RegisterError.CLIENT_VERSION_BLOCKED, null);
        warning(r, warning);
        return r;
    }

    /**
     * §3.4.2.5.1: the client version Warning, written as given rather than parsed and re-encoded
     * by the stack, so the bytes sent are exactly the value the model built.
     */
    static void warning(SipServletResponse r, String value) {
        OwnLineHeaders.add(r, SipHeaders.WARNING, value);
    }

    /** §4.1.2: the answer to an unregistration carries Expires: 0 and no presence-state. */
    SipServletResponse unregistered(SipServletRequest req) {
        SipServletResponse r = req.createResponse(SipServletResponse.SC_OK);
        r.setHeader(SipHeaders.EXPIRES, "0");
        return r;
    }

    /** A query (no Contact): the current bindings (RFC 3261 §10.3 step 8). */
    SipServletResponse bindings(SipServletRequest req, List<Endpoint> bindings) {
        SipServletResponse r = req.createResponse(SipServletResponse.SC_OK);
        long now = System.currentTimeMillis();
        for (Endpoint e : bindings) {
            r.addHeader(SipHeaders.CONTACT, contact(e, now));
        }
        return r;
    }

    /**
     * §3.1.2.5.1 / §4.1.1: the 200 OK of a binding that was added, fixed or refreshed. Its Contact,
     * Expires and presence-state values are built here and go out as written: through the servlet API
     * the stack parsed each again (3.5 % of the CPU samples of a REGISTER load).
     *
     * @param state its presence-state (§2.2.1.4): action, the user's home pool, user services
     */
    SipServletResponse registered(SipServletResponse r, SipServletRequest req, RegisterResult result,
            Set<String> supported, long now, PresenceState state) {
        StringBuilder contacts = new StringBuilder();
        for (Endpoint e : result.bindings()) {
            // one line, separated as the stack writes a list of Contacts (RFC 3261 §7.3.1)
            contacts.append(contacts.length() == 0 ? "" : ",").append(contact(e, now));
        }
        OwnLineHeaders.add(r, SipHeaders.CONTACT, contacts.toString());
        OwnLineHeaders.add(r, SipHeaders.EXPIRES, Integer.toString(result.endpoint().binding().secondsLeft(now)));
        OwnLineHeaders.add(r, SipHeaders.PRESENCE_STATE, state.toHeaderValue());
        if (!SERVED_EVENTS.isEmpty()) {
            OwnLineHeaders.add(r, SipHeaders.ALLOW_EVENTS, String.join(",", SERVED_EVENTS));
        }
        for (String tag : SUPPORTED_TAGS) {
            if (supported.contains(tag)) {
                OwnLineHeaders.add(r, SipHeaders.SUPPORTED, tag);
            }
        }
        String keepAlive = req.getHeader(SipHeaders.MS_KEEP_ALIVE);
        if (keepAlive != null && keepAlive.trim().toLowerCase(java.util.Locale.ROOT).startsWith(KEEP_ALIVE_UAC)) {
            r.setHeader(SipHeaders.MS_KEEP_ALIVE, KEEP_ALIVE_UAS);
        }
        return r;
    }

    /** {@code <uri>;expires=N;+sip.instance="<urn:uuid:…>";gruu="sip:…;gruu"} (§4.1.1). */
    static String contact(Endpoint e, long now) {
        StringBuilder b = new StringBuilder();
        b.append('<').append(e.binding().contact()).append(">;").append(SipParams.EXPIRES).append('=')
                .append(e.binding().secondsLeft(now));
        if (e.instance() != null) {
            b.append(';').append(SipParams.SIP_INSTANCE).append("=\"<").append(e.instance()).append(">\"");
        }
        b.append(';').append(SipParams.GRUU).append("=\"").append(e.gruu()).append('"');
        return b.toString();
    }
}
