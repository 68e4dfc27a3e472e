package org.ucfront.routing.servlet;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.servlet.ServletException;
import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.ServletTimer;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import org.ucfront.routing.model.CallError;
import org.ucfront.routing.model.CallSettings;
import org.ucfront.routing.model.Destination;
import org.ucfront.sip.CSeq;
import org.ucfront.sip.MsDiagnostics;
import org.ucfront.voicemail.model.DialPlan;
import org.ucfront.voicemail.model.UserNotification;
import org.ucfront.voicemail.model.UserNotification.MissedReason;
import org.ucfront.voicemail.model.UserNotification.TargetClass;
import org.ucfront.voicemail.servlet.VoicemailLeg;
import org.ucfront.sip.Tokens;

/**
 * One INVITE to a user, as a B2BUA: the caller's dialog upstream, one branch per destination
 * forked in parallel (the first 2xx wins, the others are cancelled, provisional responses are
 * relayed), then, for a UM-enabled user, the voicemail leg (MS-EUMR §3.1). Every method runs with
 * the call's monitor held: responses, timers and the caller's requests arrive on different threads.
 */
public final class Call implements VoicemailLeg.Upstream {

    private static final Logger LOG = Logger.getLogger(Call.class.getName());
    /** MS-SIPRE: calls marked private are not diverted, and no Declined missed call is raised (§3.2.4.1). */
    static final String MS_SENSITIVITY = "Ms-Sensitivity";
    static final String PRIVATE_NO_DIVERSION = "private-no-diversion";
    /** RFC 3325 §9.1: the answerer's identity, copied into AnsweredBy (MS-EUMR §2.2.3.2). */
    static final String P_ASSERTED_IDENTITY = "P-Asserted-Identity";
    /** MS-EUMR §3.2.4.2: besides 200, the codes that count as "answered" (JSR 289 names neither). */
    static final int SC_SEE_OTHER = 303;
    static final int SC_ANSWERED_605 = 605;
    /** Credentials were for ucfront: they never travel further (RFC 3261 §22.3). */
    private static final String AUTHORIZATION = "Authorization";
    private static final String PROXY_AUTHORIZATION = "Proxy-Authorization";
    /** Application sessions of calls outlive the descriptor's one-minute default; ended calls are invalidated. */
    private static final int CALL_SESSION_MINUTES = 24 * 60;

    enum Phase { RINGING, VOICEMAIL, ANSWERED, ENDED }

    private static final class Branch {
        final SipServletRequest request;
        final Destination destination;
        int status;

        Branch(SipServletRequest request, Destination destination) {
            this.request = request;
            this.destination = destination;
        }
    }

    private final CallRouter router;
    private final SipServletRequest invite;
    private final String user;
    private final CallSettings settings;
    private final UserNotification.CallHeaders headers;
    private final Map<String, Branch> branches = new LinkedHashMap<>();
    private Phase phase = Phase.RINGING;
    private ServletTimer ringTimer;
    private VoicemailLeg voicemail;
    private SipSession answeredSession;
    private SipServletResponse answer;
    private boolean acknowledged;
    /** Session id of the side that owes an ACK → the 2xx of the re-INVITE relayed for it. */
    private final Map<String, OwedAck> pendingAcks = new java.util.HashMap<>();

    /** The other side's 2xx to a relayed re-INVITE, owed an ACK when the re-INVITE's own (that CSeq) comes. */
    private record OwedAck(long cseq, SipServletResponse answer) {
    }

    Call(CallRouter router, SipServletRequest invite, String user, CallSettings settings) {
        this.router = router;
        this.invite = invite;
        this.user = user;
        this.settings = settings;
        this.headers = new UserNotification.CallHeaders(invite.getCallId(), uriOf(invite.getFrom()),
                invite.getHeader("Subject"), invite.getHeader("Priority"), invite.getHeader("Ms-Conversation-ID"),
                referredBy(invite));
        invite.getSession().setAttribute(Legs.ROLE, Legs.CALLER);
        invite.getApplicationSession().setAttribute(Legs.CALL, this);
        invite.getApplicationSession().setExpires(CALL_SESSION_MINUTES);
    }

    /** Forks to every destination in parallel and starts the ring timer. */
    synchronized void ring(List<Destination> destinations) throws IOException {
        ringTimer = router.timer(invite.getApplicationSession(), settings.ringSeconds() * 1000L,
                CallRouter.TimerKind.RING);
        for (Destination d : destinations) {
            try {
                SipServletRequest out = invite.getB2buaHelper().createRequest(invite, false, null);
                removeCredentials(out);
                out.setRequestURI(router.factory().createURI(d.requestUri()));
                SipSession s = out.getSession();
                s.setHandler(router.servletName());
                s.setAttribute(Legs.ROLE, Legs.BRANCH);
                Branch b = new Branch(out, d);
                branches.put(s.getId(), b);
                router.signer().sign(out, d);
                Legs.send(out, d.address(), d.port(), d.transport());
                LOG.fine(() -> "INVITE " + Tokens.excerpt(invite.getCallId()) + " forked to "
                        + Tokens.excerpt(d.requestUri()) + " (" + d.kind() + ")");
            } catch (IOException | ServletException
                    | IllegalStateException e) {
                LOG.log(Level.INFO, "INVITE " + Tokens.excerpt(invite.getCallId()) + " not sent to "
                        + Tokens.excerpt(d.requestUri()) + ": " + e);
                branches.values().stream().filter(b -> b.destination == d).forEach(b -> b.status = 503);
            }
        }
        if (branches.isEmpty() || allFinal()) {
            allNegative();
        }
    }

    /** A response on a branch or the voicemail leg. */
    synchronized void response(SipServletResponse resp) throws IOException {
        if (phase == Phase.ANSWERED && relayedResponse(resp)) {
            return;
        }
        String role = Legs.role(resp.getSession());
        if (Legs.VOICEMAIL.equals(role)) {
            if (voicemail != null) {
                voicemail.response(resp);
            }
            return;
        }
        Branch b = branches.get(resp.getSession().getId());
        if (b == null || !"INVITE".equals(resp.getMethod())) {
            return;
        }
        int status = resp.getStatus();
        if (status < 200) {
            if (phase == Phase.RINGING && status > 100) {
                provisional(resp);
            }
            return;
        }
        b.status = status;
        if (status < 300) {
            if (phase == Phase.RINGING) {
                answered(resp);
                if (b.destination.kind().notifiesAnswer()) {
                    notifyUm(UserNotification.answered(user, settings.eumProxyAddress(), Instant.now(), headers,
                            b.destination.target(), targetClass(b.destination), assertedIdentity(resp)));
                }
            } else {
                hangUp(resp); // a second answer, or after the caller left
            }
            return;
        }
        // §3.2.4.2: 303 and 605 also count as answered by that destination
        if ((status == SC_SEE_OTHER || status == SC_ANSWERED_605)
                && b.destination.kind().notifiesAnswer()) {
            notifyUm(UserNotification.answered(user, settings.eumProxyAddress(), Instant.now(), headers,
                    b.destination.target(), targetClass(b.destination), assertedIdentity(resp)));
        }
        // §3.2.4.3: a forwarding destination that refuses (not a team member: SHOULD NOT)
        if (status == SipServletResponse.SC_FORBIDDEN && b.destination.kind() == Destination.Kind.FORWARD) {
            notifyUm(UserNotification.forbidden(user, settings.eumProxyAddress(), Instant.now(), headers,
                    b.destination.target(), TargetClass.PRIMARY));
        }
        if (phase == Phase.RINGING && allFinal()) {
            allNegative();
        }
    }

    /** The caller's ACK for our 2xx: the answerer gets its own (with the caller's SDP if the offer was late). */
    synchronized void ack(SipServletRequest ack) throws IOException {
        OwedAck reInvite = pendingAcks.get(ack.getSession().getId());
        if (reInvite != null && reInvite.cseq() == CSeq.number(ack)) { // the ACK of a relayed re-INVITE's 2xx
            pendingAcks.remove(ack.getSession().getId());
            SipServletRequest a = reInvite.answer().createAck();
            copyBody(ack, a);
            send(a, reInvite.answer().getSession());
        } else if (answer != null && !acknowledged) {
            acknowledged = true;
            SipServletRequest a = answer.createAck();
            copyBody(ack, a);
            send(a, answeredSession);
        }
    }

    /**
     * A request inside the answered call (re-INVITE, INFO, UPDATE, MESSAGE, …): sent on to the
     * other side as a request linked to it (JSR 289 §12.4), whose answer comes back the same way.
     */
    synchronized void relay(SipServletRequest req) throws IOException {
        SipSession other = Legs.CALLER.equals(Legs.role(req.getSession())) ? answeredSession : invite.getSession();
        if (phase != Phase.ANSWERED || other == null || !other.isValid()) {
            send(req.createResponse(SipServletResponse.SC_CALL_LEG_DONE), req.getSession());
            return;
        }
        acknowledgeFor(req.getSession(), false);
        SipServletRequest out = req.getB2buaHelper().createRequest(other, req, null);
        removeCredentials(out);
        copyBody(req, out);
        send(out, other);
    }

    /** The answer to a relayed request goes back to the side that sent it. */
    private boolean relayedResponse(SipServletResponse resp) throws IOException {
        SipServletRequest origin = resp.getRequest().getB2buaHelper().getLinkedSipServletRequest(resp.getRequest());
        if (origin == null || origin.isInitial()) {
            // the container links every branch to the caller's INVITE: a late answer of a branch
            // (e.g. the 487 of a cancelled UM server) is not a relayed request's answer
            return false;
        }
        if (resp.getStatus() > 100) {
            SipServletResponse back = origin.createResponse(resp.getStatus(), resp.getReasonPhrase());
            copyBody(resp, back);
            send(back, origin.getSession());
            if ("INVITE".equals(resp.getMethod()) && resp.getStatus() >= 200 && resp.getStatus() < 300) {
                // the re-INVITE's ACK comes from there
                pendingAcks.put(origin.getSession().getId(), new OwedAck(CSeq.number(origin), resp));
            }
        }
        return true;
    }

    /** BYE from either side: answered here, sent on to the other side. */
    synchronized void bye(SipServletRequest bye) throws IOException {
        send(bye.createResponse(SipServletResponse.SC_OK), bye.getSession());
        SipSession other = Legs.CALLER.equals(Legs.role(bye.getSession())) ? answeredSession : invite.getSession();
        phase = Phase.ENDED;
        acknowledgeFor(bye.getSession(), true);
        if (other != null && other.isValid()) {
            try {
                send(other.createRequest("BYE"), other);
            } catch (IllegalStateException e) {
                LOG.fine(() -> "BYE not relayed: " + e.getMessage());
            }
        }
        invite.getApplicationSession().setInvalidateWhenReady(true);
    }

    /**
     * The stack hands a side's requests to parallel threads, so over UDP a request sent right after
     * an ACK (a re-INVITE, a BYE) can be handled before it: the ACK that side owes is sent on first,
     * so the other side sees them in the order they were sent. Without a body: an ACK carries one
     * only after a late-offer INVITE, and no request may come before that ACK. The caller's late
     * ACK then finds nothing owed. A BYE (ending) also acknowledges the answer for the callee.
     */
    private void acknowledgeFor(SipSession side, boolean ending) throws IOException {
        OwedAck reInvite = pendingAcks.remove(side.getId());
        if (reInvite != null) {
            send(reInvite.answer().createAck(), reInvite.answer().getSession());
        }
        if (answer != null && !acknowledged && (ending || Legs.CALLER.equals(Legs.role(side)))) {
            acknowledged = true;
            send(answer.createAck(), answeredSession);
        }
    }

    /** The caller hung up before an answer (the container already answered 200 and 487). */
    synchronized void cancelled() {
        Phase was = phase;
        phase = Phase.ENDED;
        cancelTimer(ringTimer);
        cancelBranches();
        if (was == Phase.VOICEMAIL && voicemail != null) {
            voicemail.cancel();
        }
        if (was == Phase.RINGING) { // §3.2.4.1: hung up before an answer or voicemail
            notifyUm(UserNotification.missed(user, settings.eumProxyAddress(), Instant.now(), headers,
                    MissedReason.CALLER_RELEASED));
        }
        invite.getApplicationSession().setInvalidateWhenReady(true);
    }

    synchronized void timeout(ServletTimer timer, CallRouter.TimerKind kind) {
        try {
            if (kind == CallRouter.TimerKind.RING && phase == Phase.RINGING) {
                LOG.fine(() -> "INVITE " + Tokens.excerpt(invite.getCallId()) + ": ring time of "
                        + settings.ringSeconds() + " s elapsed");
                cancelBranches();
                if (settings.umEnabled()) {
                    toVoicemail();
                } else {
                    fail(CallError.NO_ANSWER);
                }
            } else if (kind == CallRouter.TimerKind.UM_SERVER && phase == Phase.VOICEMAIL && voicemail != null) {
                voicemail.timeout(timer);
            }
        } catch (IOException e) {
            LOG.log(Level.INFO, "INVITE " + Tokens.excerpt(invite.getCallId()) + ": " + e);
        }
    }

    /** Sends the call to the user's voicemail (MS-EUMR §3.1.5); 480 when the dial plan has no server. */
    synchronized void toVoicemail() throws IOException {
        cancelTimer(ringTimer);
        DialPlan plan = router.dialPlans().find(settings.dialPlan()).orElse(null);
        if (plan == null) {
            LOG.warning("user " + user + " has dial plan " + settings.dialPlan() + ", which has no UM server");
            fail(CallError.VOICEMAIL_UNAVAILABLE);
            return;
        }
        phase = Phase.VOICEMAIL;
        voicemail = new VoicemailLeg(this, invite, plan, router.factory(), router.servletName(), router.mrasUri());
        voicemail.tryNext();
    }

    // VoicemailLeg.Upstream

    @Override
    public void provisional(SipServletResponse resp) throws IOException {
        if (phase == Phase.ENDED || phase == Phase.ANSWERED) {
            return;
        }
        SipServletResponse up = invite.createResponse(resp.getStatus(), resp.getReasonPhrase());
        copyBody(resp, up);
        send(up, invite.getSession());
    }

    @Override
    public void progress() throws IOException {
        if (phase == Phase.VOICEMAIL) {
            send(invite.createResponse(VoicemailLeg.SC_DIALOG_ESTABLISHMENT, VoicemailLeg.PROGRESS_REASON),
                    invite.getSession());
        }
    }

    @Override
    public void answered(SipServletResponse resp) throws IOException {
        if (phase == Phase.ENDED || phase == Phase.ANSWERED) {
            hangUp(resp);
            return;
        }
        phase = Phase.ANSWERED;
        cancelTimer(ringTimer);
        answeredSession = resp.getSession();
        answer = resp;
        for (Branch b : branches.values()) {
            if (b.request.getSession() != answeredSession && b.status == 0) {
                cancel(b);
            }
        }
        SipServletResponse up = invite.createResponse(resp.getStatus(), resp.getReasonPhrase());
        copyBody(resp, up);
        send(up, invite.getSession());
    }

    @Override
    public void voicemailFailed() throws IOException {
        fail(CallError.VOICEMAIL_UNAVAILABLE);
    }

    @Override
    public ServletTimer umTimer() {
        return router.timer(invite.getApplicationSession(), router.config().umTimerSeconds * 1000L,
                CallRouter.TimerKind.UM_SERVER);
    }

    /** Answers the caller with an error (with its ms-diagnostics-public) and ends the call. */
    synchronized void fail(CallError error) throws IOException {
        if (phase == Phase.ENDED || phase == Phase.ANSWERED) {
            return;
        }
        phase = Phase.ENDED;
        cancelTimer(ringTimer);
        LOG.fine(() -> "INVITE " + Tokens.excerpt(invite.getCallId()) + " to " + user + ": " + error.status() + " " + error.reason());
        SipServletResponse r = invite.createResponse(error.status());
        r.setHeader(MsDiagnostics.HEADER, MsDiagnostics.value(error.errorId(), error.reason()));
        send(r, invite.getSession());
        invite.getApplicationSession().setInvalidateWhenReady(true);
    }

    /** Every destination answered negatively: MS-EUMR §3.2.4.1 Declined, then voicemail or an error. */
    private void allNegative() throws IOException {
        boolean privateCall = PRIVATE_NO_DIVERSION.equalsIgnoreCase(trim(invite.getHeader(MS_SENSITIVITY)));
        if (!branches.isEmpty() && !privateCall) {
            notifyUm(UserNotification.missed(user, settings.eumProxyAddress(), Instant.now(), headers,
                    MissedReason.DECLINED));
        }
        if (settings.umEnabled() && !privateCall) {
            toVoicemail();
            return;
        }
        boolean busy = !branches.isEmpty() && branches.values().stream().allMatch(b -> b.status == 486
                || b.status == 600 || b.status == 603);
        fail(busy ? CallError.BUSY : CallError.UNAVAILABLE);
    }

    private boolean allFinal() {
        return branches.values().stream().allMatch(b -> b.status >= 200);
    }

    private void cancelBranches() {
        for (Branch b : branches.values()) {
            if (b.status == 0) {
                cancel(b);
            }
        }
    }

    private void cancel(Branch b) {
        try {
            SipServletRequest cancel = b.request.createCancel();
            router.signer().sign(cancel, b.destination);
            cancel.send();
        } catch (IOException | IllegalStateException e) {
            LOG.fine(() -> "CANCEL not sent: " + e.getMessage());
        }
    }

    /** A 2xx that lost the race (or came after the caller left): acknowledged and hung up. */
    private void hangUp(SipServletResponse resp) throws IOException {
        try {
            send(resp.createAck(), resp.getSession());
            send(resp.getSession().createRequest("BYE"), resp.getSession());
        } catch (IllegalStateException e) {
            LOG.fine(() -> "late 2xx not hung up: " + e.getMessage());
        }
    }

    /**
     * Sends a request or response of ucfront on one side of the call, signed for that side's
     * endpoint (MS-SIPAE): the caller's session, or a rung branch's; the voicemail leg goes to a
     * server and is not signed.
     */
    private void send(SipServletRequest m, SipSession side) throws IOException {
        sign(m, side);
        m.send();
    }

    private void send(SipServletResponse m, SipSession side) throws IOException {
        sign(m, side);
        m.send();
    }

    private void sign(SipServletMessage m, SipSession side) {
        if (side.getId().equals(invite.getSession().getId())) {
            router.signer().sign(m, invite);
            return;
        }
        Branch b = branches.get(side.getId());
        if (b != null) {
            router.signer().sign(m, b.destination);
        }
    }

    private void notifyUm(UserNotification n) {
        if (settings.umEnabled()) { // §3.2: never for users who are not UM-enabled
            router.notifications().send(settings.dialPlan(), n);
        }
    }

    private static TargetClass targetClass(Destination d) {
        return d.kind() == Destination.Kind.TEAM ? TargetClass.SECONDARY : TargetClass.PRIMARY;
    }

    private static void cancelTimer(ServletTimer t) {
        if (t != null) {
            t.cancel();
        }
    }

    private static void copyBody(SipServletMessage from, SipServletMessage to)
            throws IOException {
        byte[] body = from.getRawContent();
        if (body != null && body.length > 0) {
            to.setContent(body, from.getContentType());
        }
    }

    static String uriOf(Address a) {
        return a == null ? null : a.getURI().toString();
    }

    private static String assertedIdentity(SipServletResponse resp) {
        try {
            Address a = resp.getAddressHeader(P_ASSERTED_IDENTITY);
            return a == null ? null : a.getURI().toString();
        } catch (ServletParseException e) {
            return null;
        }
    }

    /** RFC 3892 referrer-uri of Referred-By. */
    private static String referredBy(SipServletRequest req) {
        String v = req.getHeader("Referred-By");
        if (v == null) {
            return null;
        }
        int lt = v.indexOf('<');
        int gt = v.indexOf('>', lt + 1);
        return lt >= 0 && gt > lt ? v.substring(lt + 1, gt) : v.split(";")[0].trim();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    /** The caller's credentials and MS-SIPAE signature are for ucfront, never for the callee. */
    private static void removeCredentials(SipServletRequest out) {
        out.removeHeader(PROXY_AUTHORIZATION);
        out.removeHeader(AUTHORIZATION);
    }
}
