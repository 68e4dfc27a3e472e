package org.ucfront.security;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import org.ucfront.directory.model.SipUser;
import org.ucfront.management.ServerMetrics;
import org.ucfront.security.digest.DigestAuthenticator;
import org.ucfront.security.sipae.SipaeAuthenticator;
import org.ucfront.sip.MalformedHeaderException;
import org.ucfront.sip.OwnLineHeaders;
import org.ucfront.sip.SipHeaders;

/**
 * Authentication of a user's request by every offered scheme, as the registrar (401, Authorization,
 * MS-SIPREGE §3.1.2.5.1) or as the proxy/server for other requests (407, Proxy-Authorization): MS-SIPAE
 * NTLM and Kerberos credentials go to {@link SipaeAuthenticator}, Digest to {@link DigestAuthenticator};
 * a challenge offers every enabled scheme, one header line each, with a Date (MS-SIPAE §4.1). Failed
 * authentications are counted and, beyond the configured rate, refused up front.
 */
public enum SipAuthentication {

    REGISTRAR(SipServletResponse.SC_UNAUTHORIZED, SipHeaders.WWW_AUTHENTICATE, SipHeaders.AUTHORIZATION),
    PROXY(SipServletResponse.SC_PROXY_AUTHENTICATION_REQUIRED, SipHeaders.PROXY_AUTHENTICATE,
            SipHeaders.PROXY_AUTHORIZATION);

    private static final Logger LOG = Logger.getLogger(SipAuthentication.class.getName());
    /** RFC 3261 §20.17 Date (rfc1123-date, always GMT, two-digit day). */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    static final String DATE_HEADER = "Date";

    private final int challengeStatus;
    private final String challengeHeader;
    private final String credentialsHeader;

    SipAuthentication(int challengeStatus, String challengeHeader, String credentialsHeader) {
        this.challengeStatus = challengeStatus;
        this.challengeHeader = challengeHeader;
        this.credentialsHeader = credentialsHeader;
    }

    /**
     * @param auth the application's authenticators, null when authentication is off
     * @return Authenticated (go on), Challenged (already answered) or Refused (the caller answers)
     */
    public AuthOutcome authenticate(SharedAuthentication.Authenticators auth, SipServletRequest req, SipUser user,
            SipaeAuthenticator.NtHashSource ntHashes) throws IOException {
        if (auth == null) {
            return new AuthOutcome.Authenticated(user.digestUsername());
        }
        String address = req.getRemoteAddr();
        if (auth.failures().blocked(user.uri(), address)) {
            LOG.info(() -> "authentication of " + user.uri() + " from " + address + " refused: too many failures");
            ServerMetrics.AUTH_FAILURES.inc(this == REGISTRAR ? "sip-registrar" : "sip-proxy",
                    AuthOutcome.Reason.THROTTLED.name());
            return new AuthOutcome.Refused(AuthOutcome.Reason.THROTTLED,
                    "Too many failed authentications; try again later.");
        }
        AuthOutcome outcome;
        try {
            outcome = decide(auth, req, user, ntHashes);
        } catch (MalformedHeaderException e) {
            outcome = new AuthOutcome.Refused(AuthOutcome.Reason.MALFORMED, e.getMessage());
        }
        if (outcome instanceof AuthOutcome.Refused refused) {
            ServerMetrics.AUTH_FAILURES.inc(this == REGISTRAR ? "sip-registrar" : "sip-proxy", refused.reason().name());
            if (refused.reason() != AuthOutcome.Reason.MALFORMED) {
                auth.failures().failed(user.uri(), address);
            }
        } else if (outcome instanceof AuthOutcome.Authenticated) {
            auth.failures().succeeded(user.uri(), address);
        }
        return outcome;
    }

    private AuthOutcome decide(SharedAuthentication.Authenticators auth, SipServletRequest req, SipUser user,
            SipaeAuthenticator.NtHashSource ntHashes) throws IOException {
        SipaeAuthenticator sipae = auth.sipae();
        if (sipae != null) {
            SipaeAuthenticator.Step step = sipae.authenticate(req, credentialsHeader, user.uri(), ntHashes);
            if (step instanceof SipaeAuthenticator.NotSipae && this == PROXY) {
                // a client signs every request on its registrar association with Authorization (sipe does)
                step = sipae.authenticate(req, SipHeaders.AUTHORIZATION, user.uri(), ntHashes);
            }
            if (step instanceof SipaeAuthenticator.Done done) {
                return done.outcome();
            }
            if (!(step instanceof SipaeAuthenticator.NotSipae) && !(step instanceof SipaeAuthenticator.Done)) {
                ServerMetrics.AUTH_CHALLENGES.inc("false");
            }
            if (step instanceof SipaeAuthenticator.Continue next) {
                challenge(req, List.of(next.challenge()));
                return new AuthOutcome.Challenged();
            }
            if (step instanceof SipaeAuthenticator.Restart) {
                challenge(req, allChallenges(auth, null));
                return new AuthOutcome.Challenged();
            }
        }
        DigestAuthenticator digest = auth.digest();
        if (digest == null) {
            ServerMetrics.AUTH_CHALLENGES.inc("false");
            challenge(req, allChallenges(auth, null));
            return new AuthOutcome.Challenged();
        }
        List<String> credentials = new ArrayList<>();
        req.getHeaders(credentialsHeader).forEachRemaining(credentials::add);
        DigestAuthenticator.Outcome d = digest.authenticate(req.getMethod(), credentials, user.digestUsername(),
                user::ha1);
        if (d instanceof DigestAuthenticator.Challenge c) {
            ServerMetrics.AUTH_CHALLENGES.inc(Boolean.toString(c.stale()));
            challenge(req, allChallenges(auth, c.wwwAuthenticate()));
            return new AuthOutcome.Challenged();
        }
        if (d instanceof DigestAuthenticator.Refused r) {
            return switch (r.reason()) {
                case MALFORMED -> new AuthOutcome.Refused(AuthOutcome.Reason.MALFORMED, "Malformed Authorization header.");
                case OTHER_USER -> new AuthOutcome.Refused(AuthOutcome.Reason.OTHER_USER, null);
                default -> new AuthOutcome.Refused(AuthOutcome.Reason.WRONG_CREDENTIALS, null);
            };
        }
        return new AuthOutcome.Authenticated(((DigestAuthenticator.Authenticated) d).username());
    }

    /** MS-SIPAE first (Lync clients take the first scheme they support), then Digest. */
    private static List<String> allChallenges(SharedAuthentication.Authenticators auth, List<String> digestValues) {
        List<String> out = new ArrayList<>();
        if (auth.sipae() != null) {
            out.addAll(auth.sipae().challenges());
        }
        if (digestValues == null && auth.digest() != null) {
            digestValues = auth.digest().challenge().wwwAuthenticate();
        }
        if (digestValues != null) {
            out.addAll(digestValues);
        }
        return out;
    }

    private void challenge(SipServletRequest req, List<String> values) throws IOException {
        SipServletResponse r = req.createResponse(challengeStatus);
        OwnLineHeaders.add(r, DATE_HEADER, DATE.format(ZonedDateTime.now(ZoneOffset.UTC))); // written, not parsed again
        // one line per scheme (and per Digest algorithm, RFC 8760 §2.4); the container would keep one
        for (String value : values) {
            OwnLineHeaders.add(r, challengeHeader, value);
        }
        r.send();
    }
}
