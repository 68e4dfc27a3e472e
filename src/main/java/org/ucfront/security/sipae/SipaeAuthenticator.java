package org.ucfront.security.sipae;

import gov.nist.javax.sip.header.SIPHeader;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import javax.servlet.sip.SipServletMessage;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.ucfront.security.AuthOutcome;
import org.ucfront.security.AuthenticationSettings;
import org.ucfront.security.ntlm.AuthenticateMessage;
import org.ucfront.security.ntlm.ChallengeMessage;
import org.ucfront.security.ntlm.MalformedNtlmMessageException;
import org.ucfront.security.ntlm.NtlmAcceptor;
import org.ucfront.security.ntlm.NtlmSession;
import org.ucfront.sip.OwnLineHeaders;
import org.ucfront.sip.QuotedString;
import org.ucfront.sip.SipParams;

/**
 * The server side of MS-SIPAE for NTLM (and, through {@link GssHandshake}, Kerberos): challenges,
 * the handshake that creates a security association (§3.3.5.1), verification of the signed requests
 * of an established one (§3.3.5.2), and the signature ucfront adds to every message it sends on one
 * (§3.3.5.3: Authentication-Info with rspauth, srand, snum).
 */
public final class SipaeAuthenticator {

    private static final Logger LOG = Logger.getLogger(SipaeAuthenticator.class.getName());

    /** §2.2.1: the realm every MS-SIPAE challenge names. */
    public static final String REALM = "SIP Communications Service";
    /** §2.2.3: qop is always "auth". */
    static final String QOP_AUTH = "auth";
    /** RFC 3261 §20.6 / MS-SIPAE §2.2.4: the server signature on a response to Authorization credentials. */
    public static final String AUTHENTICATION_INFO = "Authentication-Info";
    /** MS-SIPAE §2.2.4: the same for Proxy-Authorization credentials. */
    public static final String PROXY_AUTHENTICATION_INFO = "Proxy-Authentication-Info";
    /** How long a client has to answer a challenge. */
    static final Duration HANDSHAKE_LIFETIME = Duration.ofSeconds(60);
    private static final String SA_ATTRIBUTE = SecurityAssociation.class.getName();
    private static final String INFO_HEADER_ATTRIBUTE = SecurityAssociation.class.getName() + ".header";

    /** What the request's MS-SIPAE credentials lead to. */
    public sealed interface Step permits NotSipae, Done, Continue, Restart {
    }

    /** No MS-SIPAE credentials of an offered scheme: another scheme decides. */
    public record NotSipae() implements Step {
    }

    /** Authenticated or refused. */
    public record Done(AuthOutcome outcome) implements Step {
    }

    /** The handshake goes on: answer 401/407 with this one challenge value. */
    public record Continue(String challenge) implements Step {
    }

    /** Unknown or expired association or handshake: answer with the full challenge (§3.3.5.2). */
    public record Restart() implements Step {
    }

    /** The user's NT hash, or null when none is stored. */
    @FunctionalInterface
    public interface NtHashSource {
        byte[] ntHash();
    }

    /** What an NTLM handshake keeps between the CHALLENGE and the AUTHENTICATE. */
    record NtlmPending(ChallengeMessage challenge, String epid) {
    }

    private final AuthenticationSettings settings;
    private final SecurityAssociations associations;
    private final GssHandshake kerberos;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SipaeAuthenticator(AuthenticationSettings settings, SecurityAssociations associations,
            GssHandshake kerberos, Clock clock) {
        this.settings = settings;
        this.associations = associations;
        this.kerberos = kerberos;
        this.clock = clock;
    }

    public SecurityAssociations associations() {
        return associations;
    }

    private boolean offered(SipaeScheme s) {
        return settings.offers(s == SipaeScheme.NTLM ? AuthenticationSettings.Scheme.NTLM
                : AuthenticationSettings.Scheme.KERBEROS);
    }

    /** The first challenge of each offered scheme (§3.3.5.1, §4.1 step 2). */
    public List<String> challenges() {
        List<String> out = new ArrayList<>();
        for (SipaeScheme s : SipaeScheme.values()) {
            if (offered(s)) {
                out.add(s.token() + " realm=" + QuotedString.quote(REALM) + ", targetname="
                        + QuotedString.quote(s.target(settings.fqdn())) + ", version=" + settings.version());
            }
        }
        return out;
    }

    /**
     * @param credentialsHeader Authorization or Proxy-Authorization
     * @param aor       the addressed user, {@code user@host}
     */
    public Step authenticate(SipServletRequest req, String credentialsHeader, String aor, NtHashSource ntHashes) {
        SipaeCredentials creds = null;
        Iterator<String> values = req.getHeaders(credentialsHeader);
        while (values.hasNext()) {
            Optional<SipaeCredentials> c = SipaeCredentials.parse(values.next());
            if (c.isPresent() && offered(c.get().scheme()) && REALM.equals(c.get().realm())) {
                creds = c.get();
                break;
            }
        }
        if (creds == null) {
            return new NotSipae();
        }
        String epid = req.getFrom().getParameter(SipParams.EPID);
        if (epid == null) {
            // §3.3.1: the association is the endpoint's; without an epid there is none to make
            return new Done(new AuthOutcome.Refused(AuthOutcome.Reason.MALFORMED,
                    "MS-SIPAE authentication needs an epid on From."));
        }
        if (creds.signed() && creds.gssapiData() == null) {
            return established(req, creds, epid, aor, credentialsHeader);
        }
        if (creds.scheme() == SipaeScheme.NTLM) {
            return ntlm(req, creds, epid, aor, ntHashes, credentialsHeader);
        }
        return kerberos(req, creds, epid, aor, credentialsHeader);
    }

    /** §3.3.5.2: a request signed on an existing association. */
    private Step established(SipServletRequest req, SipaeCredentials creds, String epid, String aor, String header) {
        Optional<SecurityAssociation> found = associations.byOpaque(creds.opaque());
        if (found.isEmpty() || !found.get().epid().equals(epid) || found.get().scheme() != creds.scheme()) {
            return new Restart(); // e.g. lost in a restart, or expired: the client authenticates again
        }
        SecurityAssociation sa = found.get();
        if (!sa.aor().equalsIgnoreCase(aor)) {
            return new Done(new AuthOutcome.Refused(AuthOutcome.Reason.OTHER_USER, null));
        }
        Optional<AuthOutcome> bad = verify(req, creds, sa);
        if (bad.isPresent()) {
            return new Done(bad.get());
        }
        attach(req, sa, header);
        return new Done(new AuthOutcome.Authenticated(sa.aor()));
    }

    private Optional<AuthOutcome> verify(SipServletRequest req, SipaeCredentials creds, SecurityAssociation sa) {
        if (creds.crand() == null || creds.cnum() == null || creds.response() == null) {
            return Optional.of(new AuthOutcome.Refused(AuthOutcome.Reason.BAD_SIGNATURE,
                    "Signed request without crand, cnum or response."));
        }
        String buffer = SignatureBuffer.of(req, creds.scheme().token(), creds.crand(), Long.toString(creds.cnum()),
                creds.realm(), creds.targetname(), sa.version());
        if (!sa.signer().verify(SignatureBuffer.bytes(buffer), creds.response())) {
            LOG.info(() -> "bad message signature from " + req.getRemoteAddr() + " on " + sa);
            return Optional.of(new AuthOutcome.Refused(AuthOutcome.Reason.BAD_SIGNATURE, "Message signature invalid."));
        }
        if (!sa.acceptCnum(creds.cnum())) {
            return Optional.of(new AuthOutcome.Refused(AuthOutcome.Reason.BAD_SIGNATURE, "Message replayed (cnum)."));
        }
        return Optional.empty();
    }

    /** Connectionless NTLM (§3.3.5.1.1): empty token → CHALLENGE; AUTHENTICATE → association. */
    private Step ntlm(SipServletRequest req, SipaeCredentials creds, String epid, String aor, NtHashSource ntHashes,
            String header) {
        byte[] token = creds.gssapiData();
        if (token == null || token.length == 0) {
            byte[] serverChallenge = new byte[8];
            random.nextBytes(serverChallenge);
            ChallengeMessage challenge = ChallengeMessage.of(serverChallenge, settings.netbiosDomain(),
                    netbiosComputer(), settings.fqdn().contains(".") ? settings.fqdn().substring(settings.fqdn().indexOf('.') + 1)
                            : settings.fqdn(), settings.fqdn(), clock.instant());
            String opaque = newOpaque();
            associations.startHandshake(opaque, new NtlmPending(challenge, epid));
            return new Continue(handshakeChallenge(SipaeScheme.NTLM, opaque, challenge.bytes()));
        }
        Optional<NtlmPending> pending = associations.finishHandshake(creds.opaque(), NtlmPending.class);
        if (pending.isEmpty() || !pending.get().epid().equals(epid)) {
            return new Restart();
        }
        AuthenticateMessage auth;
        try {
            auth = AuthenticateMessage.parse(token);
        } catch (MalformedNtlmMessageException e) {
            return new Done(new AuthOutcome.Refused(AuthOutcome.Reason.MALFORMED, e.getMessage()));
        }
        if (!sameUser(auth.user(), aor)) {
            return new Done(new AuthOutcome.Refused(AuthOutcome.Reason.OTHER_USER, null));
        }
        byte[] ntHash = ntHashes.ntHash();
        if (ntHash == null) {
            return new Done(new AuthOutcome.Refused(AuthOutcome.Reason.WRONG_CREDENTIALS,
                    "No NTLM credentials are set for this user."));
        }
        NtlmAcceptor.Result result = NtlmAcceptor.accept(pending.get().challenge(), auth, ntHash, settings.ntlmV1());
        if (!result.accepted()) {
            return new Done(new AuthOutcome.Refused(AuthOutcome.Reason.WRONG_CREDENTIALS, result.failure().reason()));
        }
        NtlmSession session = result.session();
        SecurityAssociation sa = new SecurityAssociation(SipaeScheme.NTLM, REALM, creds.targetname() != null
                ? creds.targetname() : settings.fqdn(), epid, aor.toLowerCase(Locale.ROOT), creds.opaque(),
                creds.version() != null ? Math.min(creds.version(), settings.version()) : settings.version(),
                SecurityAssociation.Challenge.answeredIn(header), clock.instant().plusSeconds(settings.saLifetimeSeconds()),
                new NtlmSigner(session));
        return established(req, creds, sa, header);
    }

    /** Kerberos (§3.3.5.1.2): AP-REQ tokens through the GSS-API acceptor, possibly in several rounds. */
    private Step kerberos(SipServletRequest req, SipaeCredentials creds, String epid, String aor, String header) {
        if (kerberos == null || creds.gssapiData() == null || creds.gssapiData().length == 0) {
            return new Restart();
        }
        GssHandshake.Result r = kerberos.accept(creds.gssapiData());
        if (r.failure() != null) {
            return new Done(new AuthOutcome.Refused(AuthOutcome.Reason.WRONG_CREDENTIALS, r.failure()));
        }
        if (!sameUser(r.clientName(), aor)) {
            r.signer().dispose();
            return new Done(new AuthOutcome.Refused(AuthOutcome.Reason.OTHER_USER, null));
        }
        String opaque = creds.opaque() != null ? creds.opaque() : newOpaque();
        SecurityAssociation sa = new SecurityAssociation(SipaeScheme.KERBEROS, REALM, creds.targetname() != null
                ? creds.targetname() : SipaeScheme.KERBEROS.target(settings.fqdn()), epid, aor.toLowerCase(Locale.ROOT),
                opaque, creds.version() != null ? Math.min(creds.version(), settings.version()) : settings.version(),
                SecurityAssociation.Challenge.answeredIn(header), clock.instant().plusSeconds(Math.min(settings.saLifetimeSeconds(), r.lifetimeSeconds())), r.signer());
        if (r.replyToken() != null && r.replyToken().length > 0 && !creds.signed()) {
            // mutual authentication: the AP-REP goes back in the next challenge (§3.3.5.1.2)
            associations.put(sa);
            return new Continue(handshakeChallenge(SipaeScheme.KERBEROS, opaque, r.replyToken()));
        }
        return established(req, creds, sa, header);
    }

    /** The association is new; the request that completed it is verified when it is signed (version 4). */
    private Step established(SipServletRequest req, SipaeCredentials creds, SecurityAssociation sa, String header) {
        if (creds.signed()) {
            Optional<AuthOutcome> bad = verify(req, creds, sa);
            if (bad.isPresent()) {
                return new Done(bad.get());
            }
        }
        associations.put(sa);
        attach(req, sa, header);
        LOG.fine(() -> "established " + sa);
        return new Done(new AuthOutcome.Authenticated(sa.aor()));
    }

    private String handshakeChallenge(SipaeScheme scheme, String opaque, byte[] token) {
        return scheme.token() + " opaque=" + QuotedString.quote(opaque) + ", gssapi-data="
                + QuotedString.quote(Base64.getEncoder().encodeToString(token)) + ", targetname="
                + QuotedString.quote(scheme.target(settings.fqdn())) + ", realm=" + QuotedString.quote(REALM)
                + ", version=" + settings.version();
    }

    private String newOpaque() {
        byte[] b = new byte[4];
        random.nextBytes(b);
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    private String netbiosComputer() {
        String host = settings.fqdn().split("\\.")[0].toUpperCase(Locale.ROOT);
        return host.length() > 15 ? host.substring(0, 15) : host;
    }

    /**
     * Whether an NTLM user name or Kerberos principal names the addressed user: {@code user},
     * {@code user@host} (the SIP address, as pidgin-sipe sends it) or {@code user@REALM}
     * (a Kerberos principal: the realm is the KDC's, the user part must match).
     */
    static boolean sameUser(String name, String aor) {
        String n = name.toLowerCase(Locale.ROOT);
        String a = aor.toLowerCase(Locale.ROOT);
        String userPart = a.substring(0, a.lastIndexOf('@'));
        return n.equals(a) || n.equals(userPart) || (n.contains("@") && n.substring(0, n.lastIndexOf('@')).equals(userPart));
    }

    private static void attach(SipServletRequest req, SecurityAssociation sa, String credentialsHeader) {
        req.setAttribute(SA_ATTRIBUTE, sa);
        req.setAttribute(INFO_HEADER_ATTRIBUTE,
                SecurityAssociation.Challenge.answeredIn(credentialsHeader).infoHeader());
    }

    /**
     * Signs a response when its request came on a security association, or when the endpoint it
     * goes to (From epid and address) has one. Call last, just before sending.
     */
    public void sign(SipServletResponse response) {
        signFor(response, response.getRequest());
    }

    /**
     * Signs a message going to the endpoint that sent {@code request} (a response to it, or a later
     * request of ucfront in its dialog): on the association the request was authenticated on, with
     * the header of its credentials (§3.3.5.3), else on the association of its From epid and address.
     */
    public void signFor(SipServletMessage m, SipServletRequest request) {
        SecurityAssociation sa = (SecurityAssociation) request.getAttribute(SA_ATTRIBUTE);
        if (sa != null && !sa.expired(clock.instant())) {
            addSignature(m, sa, (String) request.getAttribute(INFO_HEADER_ATTRIBUTE));
        } else {
            sign(m, request.getFrom().getParameter(SipParams.EPID), aor(request.getFrom().getURI()));
        }
    }

    /**
     * Signs a message ucfront sends to an endpoint (its epid, of user {@code user@host}) when that
     * endpoint has an association, in the header of the challenge that made it.
     */
    public void sign(SipServletMessage m, String epid, String aor) {
        associations.byEndpoint(epid, aor).ifPresent(sa -> addSignature(m, sa, sa.challenge().infoHeader()));
    }

    private void addSignature(SipServletMessage m, SecurityAssociation sa, String header) {
        if (m instanceof SipServletResponse r && isChallenge(r.getStatus())) {
            return;
        }
        String value = signature(sa, (srand, snum) ->
                SignatureBuffer.of(m, sa.scheme().token(), srand, snum, sa.realm(), sa.target(), sa.version()));
        m.removeHeader(header);
        OwnLineHeaders.add(m, header, value);
    }

    /**
     * Signs a message the SIP stack made by itself (see org.ucfront.sip.stack.StackSignatures). A
     * final response goes to the endpoint of its From (the request's sender): signed on that
     * endpoint's association, in the header of the request's credentials when they name it, as
     * {@link #signFor} does. The ACK of an error response goes where ucfront sent the INVITE:
     * signed on the association that signed the INVITE, in the same header.
     */
    public void signStackMessage(Message m, Request request) {
        if (m instanceof Response r) {
            if (isChallenge(r.getStatusCode()) || !(r.getHeader(FromHeader.NAME) instanceof FromHeader from)) {
                return;
            }
            String epid = from.getParameter(SipParams.EPID);
            String aor = aor(from.getAddress().getURI());
            associations.byEndpoint(epid, aor).ifPresent(sa -> addSignature(m, sa, infoHeader(request, sa)));
        } else if (request != null) {
            for (String header : List.of(AUTHENTICATION_INFO, PROXY_AUTHENTICATION_INFO)) {
                if (request.getHeader(header) instanceof SIPHeader signed) {
                    String opaque = SipaeCredentials.parse(signed.getHeaderValue()).map(SipaeCredentials::opaque)
                            .orElse(null);
                    associations.byOpaque(opaque).ifPresent(sa -> addSignature(m, sa, header));
                    return;
                }
            }
        }
    }

    /** The header of the request's credentials when they name {@code sa}, else that of its challenge. */
    private static String infoHeader(Request request, SecurityAssociation sa) {
        if (request != null) {
            for (String credentials : List.of("Proxy-Authorization", "Authorization")) {
                ListIterator<?> values = request.getHeaders(credentials);
                while (values != null && values.hasNext()) {
                    if (values.next() instanceof SIPHeader h && SipaeCredentials.parse(h.getHeaderValue())
                            .map(c -> sa.opaque().equals(c.opaque())).orElse(false)) {
                        return SecurityAssociation.Challenge.answeredIn(credentials).infoHeader();
                    }
                }
            }
        }
        return sa.challenge().infoHeader();
    }

    private void addSignature(Message m, SecurityAssociation sa, String header) {
        String value = signature(sa, (srand, snum) ->
                SignatureBuffer.of(m, sa.scheme().token(), srand, snum, sa.realm(), sa.target(), sa.version()));
        m.removeHeader(header);
        OwnLineHeaders.add(m, header, value);
    }

    /** A challenge starts a new association (§3.3.5.1): it is never signed. */
    private static boolean isChallenge(int status) {
        return status == SipServletResponse.SC_UNAUTHORIZED || status == SipServletResponse.SC_PROXY_AUTHENTICATION_REQUIRED;
    }

    /** §3.3.5.3: the value of Authentication-Info / Proxy-Authentication-Info on {@code sa}. */
    private String signature(SecurityAssociation sa, BiFunction<String, String, String> buffer) {
        String srand = newOpaque();
        String snum = Long.toString(sa.nextSnum());
        String rspauth = HexFormat.of().formatHex(sa.signer().sign(SignatureBuffer.bytes(buffer.apply(srand, snum))));
        return sa.scheme().token() + " rspauth=" + QuotedString.quote(rspauth)
                + ", srand=" + QuotedString.quote(srand) + ", snum=" + QuotedString.quote(snum)
                + ", opaque=" + QuotedString.quote(sa.opaque()) + ", qop=" + QuotedString.quote(QOP_AUTH)
                + ", targetname=" + QuotedString.quote(sa.target()) + ", realm=" + QuotedString.quote(sa.realm());
    }

    /** {@code user@host} of a SIP URI of the SIP stack, in lower case, or null. */
    static String aor(javax.sip.address.URI uri) {
        if (uri instanceof javax.sip.address.SipURI s && s.getUser() != null) {
            return (s.getUser() + "@" + s.getHost()).toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /** {@code user@host} of a SIP URI, in lower case, or null. */
    public static String aor(javax.servlet.sip.URI uri) {
        if (uri instanceof SipURI s && s.getUser() != null) {
            return (s.getUser() + "@" + s.getHost()).toLowerCase(Locale.ROOT);
        }
        return null;
    }
}
