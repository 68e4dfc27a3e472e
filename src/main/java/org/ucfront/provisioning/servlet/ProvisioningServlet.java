package org.ucfront.provisioning.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.servlet.ServletException;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipURI;
import org.ucfront.directory.model.SipUser;
import org.ucfront.directory.service.UserCache;
import org.ucfront.directory.service.UserCacheService;
import org.ucfront.directory.service.UserService;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.management.MeasuredSipServlet;
import org.ucfront.management.ServerMetrics;
import org.ucfront.provisioning.model.HardenedXml;
import org.ucfront.provisioning.model.InBandProvisioning;
import org.ucfront.provisioning.model.ProvisionGroup;
import org.ucfront.provisioning.model.ProvisionGroupList;
import org.ucfront.provisioning.model.ProvisionGroups;
import org.ucfront.provisioning.model.ProvisioningContext;
import org.ucfront.provisioning.model.ProvisioningGroupList;
import org.ucfront.provisioning.model.ProvisioningSettings;
import org.ucfront.provisioning.model.groups.ServerConfiguration;
import org.ucfront.provisioning.service.PolicyService;
import org.ucfront.security.AuthOutcome;
import org.ucfront.security.SharedAuthentication;
import org.ucfront.security.SipAuthentication;
import org.ucfront.security.sipae.SipaeAuthenticator;
import org.ucfront.sip.AddressOfRecord;
import org.ucfront.sip.Ejbs;
import org.ucfront.sip.MalformedHeaderException;
import org.ucfront.sip.MsDiagnostics;
import org.ucfront.sip.RequestInspection;
import org.ucfront.sip.SipHeaders;
import org.ucfront.sip.SipParams;

/**
 * In-band provisioning (§3.3.2.4.1): validate the SUBSCRIBE's headers (§2.2.2.1) and body
 * (§2.2.2.4), authorize the requester, then answer with the requested groups (§2.2.2.5), in the
 * 200 when the client supports ms-piggyback-first-notify, else in a NOTIFY after a bodiless 200.
 */
public class ProvisioningServlet extends MeasuredSipServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ProvisioningServlet.class.getName());

    private transient UcfrontConfig config;
    private transient UserService users;
    private transient UserCache userCache;
    private transient PolicyService policies;
    private transient SharedAuthentication.Authenticators auth;
    private transient SipaeAuthenticator sipae;
    private transient ProvisioningSettings settings;
    private transient ProvisionGroups groups;

    @Override
    public void init() throws ServletException {
        config = UcfrontConfig.current();
        users = Ejbs.lookup(Ejbs.USER_SERVICE, UserService.class);
        userCache = Ejbs.lookup(Ejbs.USER_CACHE_SERVICE, UserCacheService.class).cache();
        policies = Ejbs.lookup(Ejbs.POLICY_SERVICE, PolicyService.class);
        auth = SharedAuthentication.get(config);
        sipae = auth == null ? null : auth.sipae();
        settings = ProvisioningSettings.load(config.domain);
        groups = ProvisionGroups.standard();
    }

    @Override
    protected void doSubscribe(SipServletRequest req) throws ServletException, IOException {
        boolean notifying = false;
        try {
            notifying = subscribe(req);
        } catch (MalformedHeaderException e) {
            reject(req, ProvisioningError.MALFORMED, e.getMessage());
        } finally {
            if (!notifying) { // else the NOTIFY's answer ends the session (doResponse)
                req.getApplicationSession().invalidate();
            }
        }
    }

    /** Returns whether a NOTIFY was sent, whose answer is still to come. */
    private boolean subscribe(SipServletRequest req) throws IOException, ServletException {
        if (RequestInspection.refused(req)) {
            return false;
        }
        String event = req.getHeader(SipHeaders.EVENT);
        if (event == null || !eventType(event).equals(InBandProvisioning.EVENT)) {
            SipServletResponse r = error(req, ProvisioningError.BAD_EVENT, null);
            r.setHeader(SipHeaders.ALLOW_EVENTS, InBandProvisioning.EVENT);
            send(r);
            return false;
        }
        if (!acceptable(req)) {
            SipServletResponse r = error(req, ProvisioningError.NOT_ACCEPTABLE, null);
            r.setHeader("Accept", InBandProvisioning.CONTENT_TYPE);
            send(r);
            return false;
        }
        Requester requester = requester(req);
        if (requester == null) {
            return false; // answered
        }
        String contentType = req.getContentType();
        if (contentType != null && !mediaType(contentType).equals(InBandProvisioning.CONTENT_TYPE)) {
            SipServletResponse r = error(req, ProvisioningError.UNSUPPORTED_MEDIA_TYPE, null);
            r.setHeader("Accept", InBandProvisioning.CONTENT_TYPE);
            send(r);
            return false;
        }
        ProvisioningGroupList requested;
        try {
            requested = ProvisioningGroupList.parse(req.getRawContent());
        } catch (HardenedXml.RefusedXmlException e) {
            reject(req, ProvisioningError.BAD_BODY, "Invalid provisioningGroupList: " + e.getMessage());
            return false;
        }
        List<ProvisionGroup> served = requester.serverEntity()
                ? groups.select(requested.groupNames()).stream().filter(g -> g instanceof ServerConfiguration).toList()
                : groups.select(requested.groupNames());
        byte[] answer = ProvisionGroupList.render(ProvisionGroupList.build(served,
                requester.context(settings, policies)));
        boolean piggyback = optionTags(req, SipHeaders.SUPPORTED).contains(InBandProvisioning.PIGGYBACK_FIRST_NOTIFY);
        LOG.fine(() -> "provisioning SUBSCRIBE " + requester + " answered 200 (" + (piggyback ? "piggybacked" : "NOTIFY")
                + "): " + served.stream().map(ProvisionGroup::name).toList());
        SipServletResponse ok = req.createResponse(SipServletResponse.SC_OK);
        ok.setHeader(SipHeaders.EXPIRES, "0");
        ServerMetrics.PROVISIONING_SUBSCRIPTIONS.inc(requester.kind(), piggyback ? "piggyback" : "notify");
        served.forEach(g -> ServerMetrics.PROVISION_GROUPS.inc(g.name()));
        if (piggyback) {
            ok.setHeader(SipHeaders.EVENT, InBandProvisioning.EVENT);
            ok.setHeader(SipHeaders.SUBSCRIPTION_STATE, InBandProvisioning.TERMINATED);
            ok.setHeader(InBandProvisioning.PIGGYBACK_CSEQ, cseqNumber(req));
            ok.setContent(answer, InBandProvisioning.CONTENT_TYPE);
            send(ok);
            return false;
        }
        send(ok);
        SipServletRequest notify = req.getSession().createRequest("NOTIFY");
        notify.setHeader(SipHeaders.EVENT, InBandProvisioning.EVENT);
        notify.setHeader(SipHeaders.SUBSCRIPTION_STATE, InBandProvisioning.TERMINATED);
        notify.setContent(answer, InBandProvisioning.CONTENT_TYPE);
        if (sipae != null && !requester.serverEntity()) {
            sipae.sign(notify, req.getFrom().getParameter(SipParams.EPID), requester.asker().toString());
        }
        notify.send();
        return true;
    }

    /**
     * Who asks (§2.2.2.1): the user themself; a delegate for a delegator (From = delegate, To =
     * delegator, p-session-on-behalf-of = delegator), only with an administered delegation; or a
     * server entity (no user part, host = its FQDN), only a configured trusted server from its
     * configured address. Returns null when the request was answered with a refusal.
     */
    private Requester requester(SipServletRequest req) throws IOException {
        SipURI from = sipUri(req.getFrom().getURI(), "From");
        SipURI to = sipUri(req.getTo().getURI(), "To");
        if (from.getUser() == null && to.getUser() == null) {
            String fqdn = from.getHost();
            if (!fqdn.equalsIgnoreCase(to.getHost()) || !config.trustedServers.trusts(fqdn, req.getRemoteAddr())) {
                reject(req, ProvisioningError.FORBIDDEN, "Server entity is not a trusted server.");
                return null;
            }
            return new Requester(null, null, fqdn.toLowerCase(Locale.ROOT));
        }
        AddressOfRecord asker = aor(from, "From");
        AddressOfRecord target = aor(to, "To");
        Optional<SipUser> askerUser = userCache.find(asker.toString(), uri -> users.find(asker));
        if (askerUser.isEmpty() || !askerUser.get().enabled()) {
            reject(req, ProvisioningError.FORBIDDEN, "Requester is not an enabled user.");
            return null;
        }
        if (!authenticated(req, askerUser.get(), asker)) {
            return null;
        }
        if (!asker.equals(target)) {
            String onBehalfOf = req.getHeader(InBandProvisioning.SESSION_ON_BEHALF_OF);
            boolean named = onBehalfOf != null && target.equals(onBehalfOfAor(onBehalfOf));
            if (!named || !users.isDelegate(target, asker)) {
                reject(req, ProvisioningError.FORBIDDEN, "Requester is not a delegate of this user.");
                return null;
            }
        }
        return new Requester(asker, target, null);
    }

    /** The requester of an accepted SUBSCRIBE: a user (for a target user) or a trusted server. */
    private record Requester(AddressOfRecord asker, AddressOfRecord target, String serverFqdn) {
        boolean serverEntity() {
            return serverFqdn != null;
        }

        String kind() {
            return serverEntity() ? "server" : asker.equals(target) ? "user" : "delegate";
        }

        ProvisioningContext context(ProvisioningSettings settings, PolicyService policies) {
            return serverEntity() ? new ProvisioningContext(null, settings)
                    : new ProvisioningContext(target, settings, policies.effective(target.toString()));
        }

        @Override
        public String toString() {
            return serverEntity() ? "from server " + serverFqdn
                    : asker.equals(target) ? "for " + target : "for " + target + " by delegate " + asker;
        }
    }

    private static AddressOfRecord onBehalfOfAor(String header) {
        String v = header.trim();
        if (v.startsWith("<") && v.indexOf('>') > 0) {
            v = v.substring(1, v.indexOf('>'));
        }
        try {
            return AddressOfRecord.parse(v);
        } catch (MalformedHeaderException e) {
            return null;
        }
    }

    /**
     * The proxy's challenge (407), as Lync clients authenticate SUBSCRIBE (§4.2.1); a client with a
     * security association signs it instead (MS-SIPAE §3.3.5.2).
     */
    private boolean authenticated(SipServletRequest req, SipUser user, AddressOfRecord asker) throws IOException {
        AuthOutcome outcome = SipAuthentication.PROXY.authenticate(auth, req, user, () -> users.ntHash(asker));
        if (outcome instanceof AuthOutcome.Refused refused) {
            reject(req, refused.reason() == AuthOutcome.Reason.MALFORMED ? ProvisioningError.MALFORMED
                    : ProvisioningError.FORBIDDEN, "Authentication failed: " + refused.reason()
                    + (refused.detail() == null ? "" : " (" + refused.detail() + ")"));
            return false;
        }
        return outcome instanceof AuthOutcome.Authenticated; // else a challenge was answered
    }

    /** Signed when the requester has a security association (MS-SIPAE §3.3.5.3). */
    private void send(SipServletResponse r) throws IOException {
        if (sipae != null) {
            sipae.sign(r);
        }
        r.send();
    }

    @Override
    protected void doResponse(SipServletResponse resp) throws ServletException, IOException {
        // the answer to our NOTIFY: the (dialog-less) subscription is over
        if (resp.getStatus() >= 200) {
            resp.getApplicationSession().invalidate();
        }
    }

    private void reject(SipServletRequest req, ProvisioningError error, String detail) throws IOException {
        LOG.fine(() -> "provisioning SUBSCRIBE rejected: " + error + " " + (detail == null ? "" : detail));
        send(error(req, error, detail));
    }

    private static SipServletResponse error(SipServletRequest req, ProvisioningError error, String detail) {
        ServerMetrics.PROVISIONING_REFUSALS.inc(error.name());
        SipServletResponse r = req.createResponse(error.statusCode());
        r.setHeader(MsDiagnostics.HEADER, MsDiagnostics.value(error.errorId(), detail != null ? detail : error.reason()));
        return r;
    }

    /** DIGEST §3: another Accept value is 406; no Accept is fine. */
    private static boolean acceptable(SipServletRequest req) {
        Iterator<String> it = req.getHeaders("Accept");
        boolean any = false;
        while (it.hasNext()) {
            for (String v : it.next().split(",")) {
                if (v.isBlank()) {
                    continue;
                }
                any = true;
                if (mediaType(v).equals(InBandProvisioning.CONTENT_TYPE)) {
                    return true;
                }
            }
        }
        return !any;
    }

    private static String mediaType(String value) {
        int semi = value.indexOf(';');
        return (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static String eventType(String event) {
        return mediaType(event);
    }

    private static SipURI sipUri(javax.servlet.sip.URI uri, String header) {
        if (!(uri instanceof SipURI sip)) {
            throw new MalformedHeaderException(header + " must be a sip: URI");
        }
        return sip;
    }

    private static AddressOfRecord aor(SipURI sip, String header) {
        if (sip.getUser() == null) {
            throw new MalformedHeaderException(header + " must be the sip: address of a user");
        }
        return new AddressOfRecord(sip.getUser(), sip.getHost());
    }

    private static String cseqNumber(SipServletRequest req) {
        String cseq = req.getHeader("CSeq");
        return cseq.substring(0, cseq.indexOf(' ')).trim();
    }

    private static List<String> optionTags(SipServletRequest req, String header) {
        List<String> tags = new ArrayList<>();
        req.getHeaders(header).forEachRemaining(v -> {
            for (String t : v.split(",")) {
                tags.add(t.trim().toLowerCase(Locale.ROOT));
            }
        });
        return tags;
    }
}
