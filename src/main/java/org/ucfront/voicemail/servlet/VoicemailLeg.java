package org.ucfront.voicemail.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.SipURI;
import org.ucfront.management.ServerMetrics;
import org.ucfront.routing.servlet.Legs;
import org.ucfront.voicemail.model.Diversion;
import org.ucfront.voicemail.model.DialPlan;
import org.ucfront.voicemail.model.MultipartBody;
import org.ucfront.voicemail.model.UmHunt;
import org.ucfront.voicemail.model.UmServer;
import org.ucfront.sip.Tokens;

/**
 * The voicemail leg of a call (MS-EUMR §3.1.5): the INVITE to the UM servers of the user's dial
 * plan, one after the other, each with the §3.1.5 headers and the §2.2.2 Request-URI, a 101
 * upstream and a fresh UM server timer per server; 302 followed only under §3.1.5.3; 415 to a
 * multipart body restarts with the SDP part alone (§3.1.5.5); 480 when every server was tried.
 * A B2BUA leg, because a proxy could neither keep a 302 to itself nor send 101 upstream.
 */
public final class VoicemailLeg {

    private static final Logger LOG = Logger.getLogger(VoicemailLeg.class.getName());
    /** MS-EUMR §3.1.5.4 (RFC 3261 §21.1: 101–199 are provisional; 101 is otherwise unassigned). */
    public static final int SC_DIALOG_ESTABLISHMENT = 101;
    public static final String PROGRESS_REASON = "Progress Report";
    /** MS-EUMR §2.2.1. */
    public static final String MS_MRAS_ADDRESS = "Ms-Mras-Address";
    /** MS-EUMR §2.2.6: the option tag of a proxy that follows this protocol. */
    public static final String MS_FE = "ms-fe";
    static final String SUPPORTED = "Supported";
    private static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    /** Session attribute: the FQDN of the UM server a leg was sent to (the 302 must come from it). */
    static final String UM_SERVER = "ucfront.um.server";

    /** The caller's side of the call, which this leg answers through. */
    public interface Upstream {
        void provisional(SipServletResponse resp) throws IOException;

        /** §3.1.5.4: a 101 to the caller. */
        void progress() throws IOException;

        void answered(SipServletResponse resp) throws IOException;

        void voicemailFailed() throws IOException;

        /** Starts a fresh §3.1.2 Unified Messaging server timer. */
        ServletTimer umTimer();
    }

    private final Upstream upstream;
    private final SipServletRequest invite;
    private final SipFactory factory;
    private final String handler;
    private final String mrasUri;
    private final UmHunt hunt;
    private SipServletRequest current;
    private ServletTimer timer;
    /** §3.1.5.5: after a 415, the SDP part replaces the multipart body. */
    private byte[] sdpOnly;
    private boolean ended;

    public VoicemailLeg(Upstream upstream, SipServletRequest invite, DialPlan plan, SipFactory factory, String handler,
            String mrasUri) {
        this.upstream = upstream;
        this.invite = invite;
        this.factory = factory;
        this.handler = handler;
        this.mrasUri = mrasUri;
        this.hunt = new UmHunt(plan);
    }

    /** §3.1.5.7: the next server, or 480 upstream when all were tried. */
    public void tryNext() throws IOException {
        Optional<UmServer> next = hunt.nextServer();
        if (next.isEmpty()) {
            ended = true;
            LOG.info("INVITE " + Tokens.excerpt(invite.getCallId()) + ": every UM server of dial plan " + hunt.dialPlan().name()
                    + " was tried");
            ServerMetrics.VOICEMAIL_ROUTES.inc("failed");
            upstream.voicemailFailed();
            return;
        }
        route(next.get());
    }

    /** §3.1.5 steps 1–8 for one server. */
    private void route(UmServer server) throws IOException {
        try {
            SipServletRequest out = invite.getB2buaHelper().createRequest(invite, false, null);
            out.removeHeader(PROXY_AUTHORIZATION);
            out.removeHeader(Diversion.HEADER); // step 1
            SipURI ruri = (SipURI) invite.getRequestURI();
            SipURI from = (SipURI) invite.getFrom().getURI();
            Diversion.forRequest(ruri.getUser(), ruri.getHost(), from.getUser(), from.getHost())
                    .ifPresent(d -> out.addHeader(Diversion.HEADER, d)); // step 2
            if (mrasUri != null) { // step 4
                out.setHeader(MS_MRAS_ADDRESS, "<" + mrasUri + ">");
            }
            if (!supports(out, MS_FE)) { // step 5
                out.addHeader(SUPPORTED, MS_FE);
            }
            if (sdpOnly != null) {
                out.setContent(sdpOnly, MultipartBody.SDP);
            }
            out.setRequestURI(factory.createURI(server.requestUri(hunt.dialPlan().name()))); // step 6, §2.2.2
            SipSession s = out.getSession();
            s.setHandler(handler);
            s.setAttribute(Legs.ROLE, Legs.VOICEMAIL);
            s.setAttribute(UM_SERVER, server.fqdn());
            current = out;
            upstream.progress(); // §3.1.5.4
            restartTimer(); // step 8, §3.1.5.7
            Legs.send(out, server.connectAddress(), server.connectPort(), server.connectTransport());
            ServerMetrics.VOICEMAIL_UM_INVITES.inc(server.fqdn());
            LOG.fine(() -> "INVITE " + Tokens.excerpt(invite.getCallId()) + " routed to UM server " + server.fqdn());
        } catch (javax.servlet.ServletException | IOException
                | IllegalStateException | ClassCastException e) {
            LOG.log(Level.INFO, "INVITE " + Tokens.excerpt(invite.getCallId()) + " not sent to UM server " + server.fqdn() + ": " + e);
            ServerMetrics.VOICEMAIL_UM_OUTCOMES.inc(server.fqdn(), "unreachable");
            current = null;
            cancelTimer();
            tryNext();
        }
    }

    public void response(SipServletResponse resp) throws IOException {
        if (ended || current == null || resp.getSession() != current.getSession() || !"INVITE".equals(resp.getMethod())) {
            if (resp.getStatus() >= 200 && resp.getStatus() < 300 && "INVITE".equals(resp.getMethod())) {
                resp.createAck().send(); // a late answer of a server given up on
                resp.getSession().createRequest("BYE").send();
            }
            return;
        }
        int status = resp.getStatus();
        if (status < 200) { // §3.1.5.6: RFC 3261 §13.2.2
            if (status > 100) {
                upstream.provisional(resp);
            }
            return;
        }
        cancelTimer();
        String fromServer = (String) resp.getSession().getAttribute(UM_SERVER);
        ServerMetrics.VOICEMAIL_UM_OUTCOMES.inc(fromServer, status < 300 ? "answered"
                : status == SipServletResponse.SC_MOVED_TEMPORARILY ? "redirected" : "refused");
        if (status < 300) {
            ended = true;
            ServerMetrics.VOICEMAIL_ROUTES.inc("answered");
            upstream.answered(resp);
            return;
        }
        if (status == SipServletResponse.SC_MOVED_TEMPORARILY) { // §3.1.5.3: never relayed
            Optional<UmServer> target = hunt.redirect(fromServer, contactHosts(resp));
            if (target.isPresent()) {
                LOG.fine(() -> "UM server " + fromServer + " redirected to " + target.get().fqdn());
                route(target.get());
                return;
            }
        } else if (status == SipServletResponse.SC_UNSUPPORTED_MEDIA_TYPE && sdpOnly == null
                && MultipartBody.isMultipart(invite.getContentType())) { // §3.1.5.5
            Optional<byte[]> sdp = MultipartBody.sdpPart(invite.getContentType(), invite.getRawContent());
            if (sdp.isPresent()) {
                sdpOnly = sdp.get();
                hunt.restart();
                tryNext();
                return;
            }
        }
        tryNext(); // §3.1.5.6, §3.1.5.7
    }

    /** §3.1.6: the server did not answer in time: CANCEL its branch, next server. */
    public void timeout(ServletTimer expired) throws IOException {
        if (ended || timer == null || !expired.getId().equals(timer.getId())) {
            return;
        }
        LOG.fine(() -> "INVITE " + Tokens.excerpt(invite.getCallId()) + ": UM server " + hunt.current().fqdn() + " timed out");
        ServerMetrics.VOICEMAIL_UM_OUTCOMES.inc(hunt.current().fqdn(), "timeout");
        cancelCurrent();
        tryNext();
    }

    /** The caller hung up. */
    public void cancel() {
        if (!ended && current != null) {
            ServerMetrics.VOICEMAIL_UM_OUTCOMES.inc((String) current.getSession().getAttribute(UM_SERVER), "cancelled");
        }
        ended = true;
        cancelTimer();
        cancelCurrent();
    }

    private void cancelCurrent() {
        if (current != null) {
            try {
                current.createCancel().send();
            } catch (IOException | IllegalStateException e) {
                LOG.fine(() -> "CANCEL to UM server not sent: " + e.getMessage());
            }
            current = null;
        }
    }

    private void restartTimer() {
        cancelTimer();
        timer = upstream.umTimer();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private static boolean supports(SipServletRequest req, String tag) {
        java.util.Iterator<String> it = req.getHeaders(SUPPORTED);
        while (it.hasNext()) {
            for (String t : it.next().split(",")) {
                if (t.trim().equalsIgnoreCase(tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> contactHosts(SipServletResponse resp) {
        List<String> hosts = new ArrayList<>();
        try {
            ListIterator<Address> it = resp.getAddressHeaders("Contact");
            while (it.hasNext()) {
                Address a = it.next();
                hosts.add(a.getURI().isSipURI() ? ((SipURI) a.getURI()).getHost() : "");
            }
        } catch (ServletParseException e) {
            hosts.add(""); // unreadable: not a UM server of the dial plan
        }
        return hosts;
    }
}
