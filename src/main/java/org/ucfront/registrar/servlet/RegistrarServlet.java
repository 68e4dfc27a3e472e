package org.ucfront.registrar.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.servlet.ServletException;
import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipURI;
import org.ucfront.clientversion.model.ClientVersionDecision;
import org.ucfront.clientversion.service.ClientVersionService;
import org.ucfront.directory.model.SipUser;
import org.ucfront.directory.service.UserCache;
import org.ucfront.directory.service.UserCacheService;
import org.ucfront.directory.service.UserService;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.management.MeasuredSipServlet;
import org.ucfront.management.ServerMetrics;
import org.ucfront.registrar.model.Binding;
import org.ucfront.registrar.model.DeviceInfo;
import org.ucfront.registrar.model.Endpoint;
import org.ucfront.registrar.model.Expiry;
import org.ucfront.registrar.model.Gruu;
import org.ucfront.registrar.model.HomePool;
import org.ucfront.registrar.model.MsSubnet;
import org.ucfront.registrar.model.PoolSettings;
import org.ucfront.registrar.model.PrimaryClusterType;
import org.ucfront.registrar.model.RegisterAttempt;
import org.ucfront.registrar.model.RegisterError;
import org.ucfront.registrar.model.RegisterRequestCheck;
import org.ucfront.registrar.model.RegisterResult;
import org.ucfront.registrar.model.RegistrationEvent;
import org.ucfront.registrar.model.SipInstance;
import org.ucfront.registrar.model.UserEndpoints;
import org.ucfront.registrar.service.BindingRegistry;
import org.ucfront.registrar.service.UserServicesAvailability;
import org.ucfront.security.AuthOutcome;
import org.ucfront.security.SharedAuthentication;
import org.ucfront.security.SipAuthentication;
import org.ucfront.security.sipae.SipaeAuthenticator;
import org.ucfront.sip.AddressOfRecord;
import org.ucfront.sip.AnsweredRequests;
import org.ucfront.sip.CSeq;
import org.ucfront.sip.ConnectionEvents;
import org.ucfront.sip.Ejbs;
import org.ucfront.sip.MalformedHeaderException;
import org.ucfront.sip.RequestInspection;
import org.ucfront.sip.SipHeaders;
import org.ucfront.sip.SipParams;
import org.ucfront.sip.Tokens;
import org.ucfront.sip.UnparsedHeaders;

/**
 * The registrar (MS-SIPREGE §3.1.2.5.1): authenticate → validate → identify the endpoint → client
 * version policy (§3.4.2.5) → bind → answer. It also receives the answers to its deregister NOTIFYs.
 */
public class RegistrarServlet extends MeasuredSipServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RegistrarServlet.class.getName());

    static final int MAX_EPID_LENGTH = 64;

    private transient BindingRegistry registry;
    private transient UserService users;
    private transient UserCache userCache;
    private transient ClientVersionService clientVersions;
    private transient SharedAuthentication.Authenticators auth;
    private transient SipaeAuthenticator sipae;
    private transient UcfrontConfig config;
    private transient Expiry expiry;
    private transient RegisterResponses responses;
    private transient DeregisterNotifier notifier;
    private transient UserServicesAvailability userServices;
    private transient HomePool ownPool;

    @Override
    public void init() throws ServletException {
        config = UcfrontConfig.current();
        registry = Ejbs.lookup(Ejbs.BINDING_REGISTRY, BindingRegistry.class);
        users = Ejbs.lookup(Ejbs.USER_SERVICE, UserService.class);
        userCache = Ejbs.lookup(Ejbs.USER_CACHE_SERVICE, UserCacheService.class).cache();
        users.preloadCache(); // in the background: the users' first REGISTERs need not reach the store
        clientVersions = Ejbs.lookup(Ejbs.CLIENT_VERSION_SERVICE, ClientVersionService.class);
        expiry = new Expiry(config.expiresDefault, config.expiresMin, config.expiresMax);
        auth = SharedAuthentication.get(config);
        sipae = auth == null ? null : auth.sipae();
        SipFactory factory = (SipFactory) getServletContext().getAttribute(SIP_FACTORY);
        responses = new RegisterResponses();
        notifier = new DeregisterNotifier(factory, getServletName(), sipae);
        getServletContext().setAttribute(DeregisterNotifier.class.getName(), notifier);
        ownPool = PoolSettings.load(config.domain).pool();
        userServices = Ejbs.lookup(Ejbs.USER_SERVICES_AVAILABILITY, UserServicesAvailability.class);
        userServices.listen(new SurvivableMode(registry, notifier)); // the bean cannot send SIP itself
        BindingRegistry bindings = registry;
        ConnectionEvents.listen(closed -> {
            int removed = bindings.connectionClosed(closed.transport(), closed.peerAddress(), closed.peerPort());
            if (removed > 0) {
                LOG.fine(() -> removed + " binding(s) removed: connection " + closed + " closed");
            }
        });
    }

    @Override
    public void destroy() {
        ConnectionEvents.listen(null);
        if (userServices != null) {
            userServices.listen(null);
        }
    }

    @Override
    protected void doRegister(SipServletRequest req) throws ServletException, IOException {
        ServerMetrics.REGISTER_RATE.mark();
        try {
            register(req);
        } catch (MalformedHeaderException | ServletParseException e) {
            reject(req, RegisterError.MALFORMED, e.getMessage());
        } catch (UserEndpoints.RegisterRefusedException e) {
            reject(req, e.error(), null);
        } catch (IOException e) {
            // the client is gone (e.g. closed its connection right after sending)
            LOG.info(() -> "REGISTER from " + req.getRemoteAddr() + ":" + req.getRemotePort() + " not answered: " + e);
        } finally {
            AnsweredRequests.release(req);
            // REGISTER makes no dialog: the sessions would otherwise live until they time out
            req.getApplicationSession().invalidate();
        }
    }

    private void register(SipServletRequest req) throws IOException, ServletParseException {
        if (RequestInspection.refused(req)) {
            return;
        }
        Optional<String> unparsed = UnparsedHeaders.first(req);
        if (unparsed.isPresent()) {
            throw new MalformedHeaderException("Malformed " + unparsed.get() + " header.");
        }
        Optional<AddressOfRecord> storable = addressOfRecord(req);
        if (storable.isEmpty()) { // a well-formed URI no user can have, e.g. escaped nulls (RFC 4475 §3.1.1.4)
            reject(req, RegisterError.NOT_FOUND, null);
            return;
        }
        AddressOfRecord aor = storable.get();
        if (!aor.host().equals(config.domain)) {
            reject(req, RegisterError.NOT_FOUND, "Domain not served by this registrar.");
            return;
        }
        Optional<SipUser> found = userCache.find(aor.toString(), uri -> users.find(aor));
        if (found.isEmpty()) {
            reject(req, RegisterError.NOT_FOUND, null);
            return;
        }
        SipUser user = found.get();
        if (!user.enabled()) {
            reject(req, RegisterError.USER_DISABLED, null);
            return;
        }
        if (!authenticated(req, user, aor)) {
            return;
        }

        List<Address> contacts = contacts(req);
        Long expiresHeader = req.getHeader(SipHeaders.EXPIRES) == null ? null
                : Expiry.parseDeltaSeconds(req.getHeader(SipHeaders.EXPIRES));
        String callId = req.getCallId();
        long cseq = CSeq.number(req);
        if (contacts.isEmpty()) { // a query: RFC 3261 §10.3 step 8
            send(responses.bindings(req, registry.bindings(aor.toString())));
            return;
        }
        if (contacts.get(0).isWildcard()) {
            if (contacts.size() != 1 || expiresHeader == null || expiresHeader != 0) {
                throw new MalformedHeaderException("Contact: * needs Expires: 0 and no other Contact (RFC 3261 §10.3)");
            }
            registry.unregisterAll(aor.toString(), callId, cseq);
            ServerMetrics.UNREGISTRATIONS.inc();
            send(responses.unregistered(req));
            return;
        }
        if (contacts.size() > 1) {
            throw new MalformedHeaderException("one Contact per REGISTER: each endpoint registers its own binding");
        }
        Address contact = contacts.get(0);
        String epid = epid(req);
        String instanceParam = contact.getParameter(SipParams.SIP_INSTANCE);
        SipInstance instance = instanceParam == null ? null : SipInstance.parse(instanceParam);
        Set<String> supported = optionTags(req, SipHeaders.SUPPORTED);
        boolean userServicesAvailable = userServices.available(); // §3.1.2.1 Presence-Service-Available
        Optional<RegisterError> invalid = RegisterRequestCheck.check(epid, instance, req.getHeader(SipHeaders.EVENT),
                supported, userServicesAvailable);
        if (invalid.isPresent()) {
            reject(req, invalid.get(), null);
            return;
        }
        String contactExpires = contact.getParameter(SipParams.EXPIRES);
        Expiry.Decision decision = expiry.decide(
                contactExpires == null ? null : Expiry.parseDeltaSeconds(contactExpires), expiresHeader);
        String key = RegisterAttempt.endpointKey(instance, epid);
        switch (decision.outcome()) {
            case INTERVAL_TOO_BRIEF:
                counted(RegisterError.INTERVAL_TOO_BRIEF);
                send(responses.tooBrief(req, decision.seconds()));
                return;
            case UNREGISTER:
                registry.unregister(aor.toString(), key, callId, cseq);
                ServerMetrics.UNREGISTRATIONS.inc();
                send(responses.unregistered(req));
                return;
            default:
                break;
        }

        // §3.4.2.5.1 (DIGEST §1 order): the version policy decides before anything is bound
        String userAgent = bounded(req.getHeader(SipHeaders.USER_AGENT));
        ClientVersionDecision clientVersion = clientVersions.decide(userAgent);
        LOG.fine(() -> "REGISTER " + aor + " User-Agent '" + Tokens.excerpt(userAgent) + "': "
                + clientVersion.action().code() + " by " + clientVersion.decidedBy());
        ServerMetrics.CLIENT_VERSION_DECISIONS.inc(clientVersion.byDefault() ? "default" : clientVersion.ruleId(),
                clientVersion.action().code(), clientVersion.blocked() ? "blocked" : "allowed");
        if (clientVersion.blocked()) {
            counted(RegisterError.CLIENT_VERSION_BLOCKED);
            send(responses.clientVersionBlocked(req, clientVersion.warning().orElseThrow()));
            return;
        }

        SipServletResponse ok = req.createResponse(SipServletResponse.SC_OK);
        clientVersion.warning().ifPresent(warning -> RegisterResponses.warning(ok, warning));
        long now = System.currentTimeMillis();
        Binding binding = new Binding(contact.getURI().toString(), now + decision.seconds() * 1000L,
                req.getTransport().toLowerCase(Locale.ROOT), req.getRemoteAddr(), req.getRemotePort(), callId, cseq,
                req.getFrom().getParameter(SipParams.TAG), ok.getTo().getParameter(SipParams.TAG));
        String deviceInfo = req.getHeader(SipHeaders.MS_DEVICE_INFO);
        String subnet = req.getHeader(SipHeaders.MS_SUBNET);
        RegisterAttempt attempt = new RegisterAttempt(aor.toString(), epid, instance,
                Gruu.of(aor.user(), aor.host(), instance != null ? instance : Gruu.instanceForEpid(epid)),
                userAgent,
                deviceInfo == null ? null : DeviceInfo.parse(deviceInfo),
                subnet == null ? null : MsSubnet.parse(subnet).value(),
                supported.contains(org.ucfront.sip.OptionTags.MS_USERSERVICES_STATE_NOTIFICATION.toLowerCase(Locale.ROOT)),
                binding);
        RegisterResult result = registry.register(attempt);
        ServerMetrics.REGISTRATIONS.inc(result.action().value());
        HomePool home = HomePool.of(user.homePool(),
                user.primaryClusterType() == null ? null : PrimaryClusterType.parse(user.primaryClusterType()), ownPool);
        send(responses.registered(ok, req, result, supported, now,
                home.presenceState(result.action(), ownPool, userServicesAvailable)));
        LOG.fine(() -> "REGISTER " + aor + " " + key + ": " + result.action().value());
        for (Endpoint old : result.displaced()) {
            notifier.deregister(old, RegistrationEvent.UNREGISTERED);
        }
    }

    /**
     * Every offered scheme (Digest, MS-SIPAE NTLM/Kerberos); false when the request was answered
     * instead (a challenge, or a refusal).
     */
    private boolean authenticated(SipServletRequest req, SipUser user, AddressOfRecord aor) throws IOException {
        AuthOutcome outcome = SipAuthentication.REGISTRAR.authenticate(auth, req, user, () -> users.ntHash(aor));
        if (outcome instanceof AuthOutcome.Refused refused) {
            LOG.info(() -> "REGISTER refused for " + user.uri() + " from " + req.getRemoteAddr() + ": "
                    + refused.reason() + (refused.detail() == null ? "" : " (" + refused.detail() + ")"));
            switch (refused.reason()) {
                case MALFORMED:
                    reject(req, RegisterError.MALFORMED, refused.detail() != null ? refused.detail()
                            : "Malformed Authorization header.");
                    break;
                case OTHER_USER:
                    reject(req, RegisterError.AOR_MISMATCH, null);
                    break;
                case BAD_SIGNATURE:
                    reject(req, RegisterError.BAD_SIGNATURE, refused.detail());
                    break;
                case THROTTLED:
                    reject(req, RegisterError.AUTHENTICATION_THROTTLED, null);
                    break;
                default:
                    reject(req, RegisterError.BAD_CREDENTIALS, refused.detail());
                    break;
            }
            return false;
        }
        return outcome instanceof AuthOutcome.Authenticated; // else a challenge was answered
    }

    /** Every answer goes out signed when the endpoint has a security association (MS-SIPAE §3.3.5.3). */
    private void send(SipServletResponse response) throws IOException {
        if (sipae != null) {
            sipae.sign(response);
        }
        response.send();
    }

    private void reject(SipServletRequest req, RegisterError error, String detail) throws IOException {
        LOG.fine(() -> "REGISTER rejected by " + error + ": " + (detail != null ? detail : error.reason()));
        counted(error);
        send(responses.error(req, error, detail));
    }

    private static void counted(RegisterError error) {
        ServerMetrics.REGISTER_ERRORS.inc(error.name(), Integer.toString(error.errorId()));
        ServerMetrics.REGISTER_ERROR_RATE.mark();
    }

    @Override
    protected void doResponse(SipServletResponse resp) throws ServletException, IOException {
        // answers to our deregister NOTIFYs: nothing more to do with that transaction
        if (resp.getStatus() >= 200) {
            if (resp.getStatus() >= 300) {
                LOG.info(() -> "deregister NOTIFY to " + resp.getTo() + " answered " + resp.getStatus());
            }
            try {
                resp.getApplicationSession().invalidate();
            } catch (IllegalStateException alreadyGone) {
                LOG.log(Level.FINEST, "session already invalidated", alreadyGone);
            }
        }
    }

    /** The To's address of record; empty when its user or host is outside what ucfront stores. */
    private static Optional<AddressOfRecord> addressOfRecord(SipServletRequest req) {
        if (!(req.getTo().getURI() instanceof SipURI to) || to.getUser() == null) {
            throw new MalformedHeaderException("To must be the sip: address of a user");
        }
        try {
            return Optional.of(new AddressOfRecord(to.getUser(), to.getHost()));
        } catch (MalformedHeaderException e) {
            return Optional.empty();
        }
    }

    private static List<Address> contacts(SipServletRequest req) throws ServletParseException {
        List<Address> out = new ArrayList<>();
        ListIterator<Address> it = req.getAddressHeaders(SipHeaders.CONTACT);
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    private static String epid(SipServletRequest req) {
        String epid = req.getFrom().getParameter(SipParams.EPID);
        if (epid != null && (epid.length() > MAX_EPID_LENGTH || !Tokens.isToken(epid))) {
            throw new MalformedHeaderException("epid must be a token of at most " + MAX_EPID_LENGTH + " characters");
        }
        return epid;
    }

    /** Option tags of every header line of that name, lower case. */
    static Set<String> optionTags(SipServletRequest req, String header) {
        Set<String> tags = new TreeSet<>();
        Iterator<String> it = req.getHeaders(header);
        while (it.hasNext()) {
            for (String tag : it.next().split(",")) {
                String t = tag.trim().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) {
                    tags.add(t);
                }
            }
        }
        return tags;
    }

    private static String bounded(String value) {
        if (value != null && value.length() > SipHeaders.MAX_HEADER_VALUE_LENGTH / 8) {
            throw new MalformedHeaderException("User-Agent longer than " + SipHeaders.MAX_HEADER_VALUE_LENGTH / 8);
        }
        return value;
    }
}
