package org.ucfront.security.digest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import org.ucfront.directory.model.SipUser;
import org.ucfront.management.ServerMetrics;
import org.ucfront.sip.OwnLineHeaders;
import org.ucfront.sip.SipHeaders;

/**
 * Digest authentication of a SIP request (RFC 3261 §22) as the registrar (401, Authorization) or
 * as a proxy/server for other requests (407, Proxy-Authorization). A challenge is sent here; a
 * refusal is returned for the servlet to answer with its own error.
 */
public enum SipDigest {

    /** RFC 3261 §22.2: the registrar / UAS challenge. */
    REGISTRAR(SipServletResponse.SC_UNAUTHORIZED, SipHeaders.WWW_AUTHENTICATE, SipHeaders.AUTHORIZATION),
    /** RFC 3261 §22.3: the proxy challenge, as Lync clients are challenged for SUBSCRIBE (§4.2.1). */
    PROXY(SipServletResponse.SC_PROXY_AUTHENTICATION_REQUIRED, SipHeaders.PROXY_AUTHENTICATE,
            SipHeaders.PROXY_AUTHORIZATION);

    private final int challengeStatus;
    private final String challengeHeader;
    private final String credentialsHeader;

    SipDigest(int challengeStatus, String challengeHeader, String credentialsHeader) {
        this.challengeStatus = challengeStatus;
        this.challengeHeader = challengeHeader;
        this.credentialsHeader = credentialsHeader;
    }

    /**
     * @param digest the application's authenticator, null when authentication is off
     * @return Authenticated (go on), Challenge (already answered) or Refused (the caller answers)
     */
    public DigestAuthenticator.Outcome authenticate(DigestAuthenticator digest, SipServletRequest req, SipUser user)
            throws IOException {
        if (digest == null) {
            return new DigestAuthenticator.Authenticated(user.digestUsername());
        }
        List<String> credentials = new ArrayList<>();
        req.getHeaders(credentialsHeader).forEachRemaining(credentials::add);
        DigestAuthenticator.Outcome outcome = digest.authenticate(req.getMethod(), credentials, user.digestUsername(),
                user::ha1);
        if (outcome instanceof DigestAuthenticator.Refused refused) {
            ServerMetrics.AUTH_FAILURES.inc(this == REGISTRAR ? "sip-registrar" : "sip-proxy", refused.reason().name());
        }
        if (outcome instanceof DigestAuthenticator.Challenge challenge) {
            ServerMetrics.AUTH_CHALLENGES.inc(Boolean.toString(challenge.stale()));
            SipServletResponse r = req.createResponse(challengeStatus);
            // one line per algorithm, in order of preference (RFC 8760 §2.4); the container would keep one
            for (String value : challenge.wwwAuthenticate()) {
                OwnLineHeaders.add(r, challengeHeader, value);
            }
            r.send();
        }
        return outcome;
    }
}
