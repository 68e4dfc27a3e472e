package org.ucfront.routing.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.management.ObjectName;
import javax.servlet.ServletException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.TimerService;
import org.ucfront.directory.model.SipUser;
import org.ucfront.directory.service.UserService;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.management.Jmx;
import org.ucfront.management.MeasuredSipServlet;
import org.ucfront.provisioning.model.ProvisioningSettings;
import org.ucfront.registrar.model.Endpoint;
import org.ucfront.registrar.model.Gruu;
import org.ucfront.registrar.service.BindingRegistry;
import org.ucfront.routing.model.CallError;
import org.ucfront.routing.model.CallSettings;
import org.ucfront.routing.model.Destination;
import org.ucfront.routing.persistence.CallSettingsStore;
import org.ucfront.security.AuthOutcome;
import org.ucfront.security.SharedAuthentication;
import org.ucfront.security.SipAuthentication;
import org.ucfront.sip.AddressOfRecord;
import org.ucfront.sip.Ejbs;
import org.ucfront.sip.MalformedHeaderException;
import org.ucfront.sip.MsDiagnostics;
import org.ucfront.sip.UnparsedHeaders;
import org.ucfront.voicemail.persistence.DialPlanStore;
import org.ucfront.voicemail.servlet.UserNotifications;
import org.ucfront.sip.Tokens;

/**
 * INVITE to a user of this domain: authenticate the caller (a local user by Digest with the
 * proxy's 407, or a configured trusted server by its address), find the user and their call
 * settings, then ring their destinations or go to voicemail ({@link Call}). Also the dialog
 * requests of calls (ACK, BYE, CANCEL) and the responses of every leg ucfront sends.
 */
public class CallServlet extends MeasuredSipServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CallServlet.class.getName());
    /** MS-SIPRE §2.2.2 voice-mail-gruu: {@code sip:<user>@<host>;opaque=app:voicemail}. */
    static final String VOICEMAIL_OPAQUE = "app:voicemail";
    static final String OPAQUE = "opaque";
    static final String GRUU = "gruu";
    private static final String MBEAN = "org.ucfront:type=UserNotifications";
    private static final int DEFAULT_SIP_PORT = 5060;

    private transient CallRouter router;
    private transient SharedAuthentication.Authenticators auth;
    private transient ObjectName mbean;

    @Override
    public void init() throws ServletException {
        UcfrontConfig config = UcfrontConfig.current();
        SipFactory factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
        TimerService timers = (TimerService) getServletContext().getAttribute(TIMER_SERVICE);
        DialPlanStore dialPlans = Ejbs.lookup(Ejbs.DIAL_PLAN_STORE, DialPlanStore.class);
        UserNotifications notifications = new UserNotifications(factory, timers, getServletName(), dialPlans,
                config.notificationInactivitySeconds, config.sipAddress, CallRouter.TimerKind.NOTIFICATION_INACTIVITY);
        router = new CallRouter(getServletName(), factory, timers, config,
                Ejbs.lookup(Ejbs.BINDING_REGISTRY, BindingRegistry.class), Ejbs.lookup(Ejbs.USER_SERVICE, UserService.class),
                Ejbs.lookup(Ejbs.CALL_SETTINGS_STORE, CallSettingsStore.class), dialPlans, notifications,
                ProvisioningSettings.load(config.domain).mrasUri(),
                new LegSigner(SharedAuthentication.sipae(config)));
        auth = SharedAuthentication.get(config);
        mbean = Jmx.register(MBEAN, notifications);
    }

    @Override
    protected void doInvite(SipServletRequest req) throws ServletException, IOException {
        if (!req.isInitial()) { // a re-INVITE inside a call
            inDialog(req);
            return;
        }
        try {
            route(req);
        } catch (MalformedHeaderException | ClassCastException e) {
            reject(req, CallError.MALFORMED, e.getMessage());
        }
    }

    private void route(SipServletRequest req) throws IOException, ServletException {
        if (UnparsedHeaders.first(req).isPresent() || !req.getRequestURI().isSipURI() || !req.getFrom().getURI().isSipURI()) {
            reject(req, CallError.MALFORMED, null);
            return;
        }
        SipURI ruri = (SipURI) req.getRequestURI();
        if (ruri.getUser() == null || !router.config().domain.equalsIgnoreCase(ruri.getHost())) {
            reject(req, CallError.NOT_FOUND, "Domain not served by this server.");
            return;
        }
        if (!callerAllowed(req)) {
            return;
        }
        AddressOfRecord aor = new AddressOfRecord(ruri.getUser(), ruri.getHost());
        Optional<SipUser> callee = router.users().find(aor);
        if (callee.isEmpty() || !callee.get().enabled()) {
            reject(req, CallError.NOT_FOUND, null);
            return;
        }
        CallSettings settings = router.settings().settings(aor.toString());
        Call call = new Call(router, req, aor.toSipUri(), settings);
        String opaque = ruri.getParameter(OPAQUE);
        if (VOICEMAIL_OPAQUE.equalsIgnoreCase(opaque)) { // MS-EUMR §3.1: the voicemail URI itself
            if (settings.umEnabled()) {
                call.toVoicemail();
            } else {
                call.fail(CallError.UNAVAILABLE);
            }
            return;
        }
        List<Destination> destinations;
        if (ruri.getParameter(GRUU) != null) { // a GRUU reaches only its own endpoint
            destinations = gruuDestination(aor, ruri.toString());
            if (destinations.isEmpty()) {
                call.fail(CallError.ENDPOINT_GONE);
                return;
            }
        } else {
            destinations = destinations(aor, settings);
        }
        if (destinations.isEmpty()) {
            if (settings.umEnabled()) {
                call.toVoicemail();
            } else {
                call.fail(CallError.UNAVAILABLE);
            }
            return;
        }
        call.ring(destinations);
    }

    /** A local user authenticated by Digest (407), or a trusted server from its configured address. */
    private boolean callerAllowed(SipServletRequest req) throws IOException {
        SipURI from = (SipURI) req.getFrom().getURI();
        String host = from.getHost() == null ? "" : from.getHost().toLowerCase(Locale.ROOT);
        if (router.config().trustedServers.trusts(host, req.getRemoteAddr())) {
            return true;
        }
        if (!host.equals(router.config().domain) || from.getUser() == null) {
            reject(req, CallError.CALLER_NOT_ALLOWED, null);
            return false;
        }
        Optional<SipUser> caller = router.users().find(new AddressOfRecord(from.getUser(), host));
        if (caller.isEmpty() || !caller.get().enabled()) {
            reject(req, CallError.CALLER_NOT_ALLOWED, null);
            return false;
        }
        AddressOfRecord callerAor = new AddressOfRecord(from.getUser(), host);
        AuthOutcome outcome = SipAuthentication.PROXY.authenticate(auth, req, caller.get(),
                () -> router.users().ntHash(callerAor));
        if (outcome instanceof AuthOutcome.Refused refused) {
            LOG.info(() -> "INVITE refused for " + caller.get().uri() + " from " + req.getRemoteAddr() + ": "
                    + refused.reason());
            reject(req, refused.reason() == AuthOutcome.Reason.MALFORMED ? CallError.MALFORMED
                    : CallError.BAD_CREDENTIALS, null);
            return false;
        }
        if (!(outcome instanceof AuthOutcome.Authenticated)) {
            req.getApplicationSession().invalidate(); // challenged: the next INVITE starts afresh
            return false;
        }
        return true;
    }

    /** The user's destinations: the forward target alone, else every endpoint, simultaneous ring and team. */
    private List<Destination> destinations(AddressOfRecord aor, CallSettings s) {
        List<Destination> out = new ArrayList<>();
        if (s.forwardUri() != null) {
            resolve(s.forwardUri(), Destination.Kind.FORWARD, out);
            return out;
        }
        for (Endpoint e : router.registry().bindings(aor.toString())) {
            out.add(endpoint(e, aor.toSipUri(), Destination.Kind.ENDPOINT));
        }
        if (s.simultaneousRingUri() != null) {
            resolve(s.simultaneousRingUri(), Destination.Kind.SIMULTANEOUS, out);
        }
        s.teamMembers().forEach(m -> resolve(m, Destination.Kind.TEAM, out));
        return out;
    }

    /**
     * A target URI: a user of this domain rings their endpoints; a configured trusted server
     * (gateway) is reached at its configured address; anything else is not routed (the server opens
     * no connection its administrator did not configure).
     */
    private void resolve(String uri, Destination.Kind kind, List<Destination> out) {
        AddressOfRecord t = AddressOfRecord.parse(uri);
        if (t.host().equals(router.config().domain)) {
            router.registry().bindings(t.toString()).forEach(e -> out.add(endpoint(e, uri, kind)));
            return;
        }
        String address = router.config().trustedServers.addressByFqdn().get(t.host());
        if (address != null) {
            out.add(Destination.server(uri, address, DEFAULT_SIP_PORT, "udp", kind, uri));
        } else {
            LOG.warning(kind + " target " + uri + " is neither a user of " + router.config().domain
                    + " nor a trusted server: not rung");
        }
    }

    private List<Destination> gruuDestination(AddressOfRecord aor, String uri) {
        Gruu gruu = Gruu.parse(uri);
        for (Endpoint e : router.registry().bindings(aor.toString())) {
            if (e.gruu() != null && Gruu.parse(e.gruu()).epidToken().equals(gruu.epidToken())) {
                return List.of(endpoint(e, aor.toSipUri(), Destination.Kind.ENDPOINT));
            }
        }
        return List.of();
    }

    private static Destination endpoint(Endpoint e, String target, Destination.Kind kind) {
        return new Destination(e.binding().contact(), e.binding().remoteAddr(), e.binding().remotePort(),
                e.binding().transport(), kind, target, e.epid(), e.aor());
    }

    @Override
    protected void doInfo(SipServletRequest req) throws ServletException, IOException {
        inDialog(req);
    }

    @Override
    protected void doUpdate(SipServletRequest req) throws ServletException, IOException {
        inDialog(req);
    }

    @Override
    protected void doMessage(SipServletRequest req) throws ServletException, IOException {
        inDialog(req);
    }

    @Override
    protected void doRefer(SipServletRequest req) throws ServletException, IOException {
        inDialog(req);
    }

    @Override
    protected void doNotify(SipServletRequest req) throws ServletException, IOException {
        inDialog(req);
    }

    /** A request inside a call goes to the other side; one of no call of ours is 481 (RFC 3261 §12.2.2). */
    private void inDialog(SipServletRequest req) throws IOException {
        Call call = call(req);
        if (call != null) {
            call.relay(req);
        } else {
            SipServletResponse r = req.createResponse(SipServletResponse.SC_CALL_LEG_DONE);
            router.signer().sign(r, req);
            r.send();
        }
    }

    @Override
    protected void doAck(SipServletRequest req) throws ServletException, IOException {
        Call call = call(req);
        if (call != null) {
            call.ack(req);
        }
    }

    @Override
    protected void doBye(SipServletRequest req) throws ServletException, IOException {
        Call call = call(req);
        if (call != null) {
            call.bye(req);
        } else {
            SipServletResponse r = req.createResponse(SipServletResponse.SC_OK); // e.g. a UM server ending a notification dialog
            router.signer().sign(r, req);
            r.send();
        }
    }

    @Override
    protected void doCancel(SipServletRequest req) throws ServletException, IOException {
        Call call = call(req);
        if (call != null) {
            call.cancelled();
        }
    }

    @Override
    protected void doResponse(SipServletResponse resp) throws ServletException, IOException {
        if (Legs.NOTIFICATION.equals(Legs.role(resp.getSession()))) {
            router.notifications().response(resp);
            return;
        }
        Call call = call(resp);
        if (call != null) {
            call.response(resp);
        }
    }

    private static Call call(javax.servlet.sip.SipServletMessage m) {
        return m.getApplicationSession().isValid() ? (Call) m.getApplicationSession().getAttribute(Legs.CALL) : null;
    }

    private void reject(SipServletRequest req, CallError error, String detail) throws IOException {
        LOG.fine(() -> "INVITE " + Tokens.excerpt(req.getCallId()) + " rejected: " + error + (detail == null ? "" : " " + detail));
        SipServletResponse r = req.createResponse(error.status());
        r.setHeader(MsDiagnostics.HEADER, MsDiagnostics.value(error.errorId(), detail != null ? detail : error.reason()));
        router.signer().sign(r, req);
        try {
            r.send();
        } catch (IOException clientGone) { // its connection closed, or its Via names no reachable host (TortureIT)
            LOG.fine(() -> "INVITE " + req.getCallId() + " not answered: " + clientGone);
        }
        req.getApplicationSession().invalidate();
    }

    @Override
    public void destroy() {
        Jmx.unregister(mbean);
    }

}
