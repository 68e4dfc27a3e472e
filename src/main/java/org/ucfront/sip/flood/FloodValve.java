package org.ucfront.sip.flood;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import javax.sip.SipStack;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.message.Request;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.sip.ValveAnswer;

/**
 * Request floods are refused in the SIP stack, before a transaction, a session or the application
 * costs anything (jain-sip's SIPMessageValve, named in gov.nist.javax.sip.SIP_MESSAGE_VALVE): every
 * request counts against its source address (ucfront.flood.source.rate) and against the user in
 * its From (ucfront.flood.user.rate). Over a limit the answer is 503 with Retry-After (RFC 3261
 * §21.5.4: the client may retry elsewhere or later); a client that keeps sending is dropped. ACK
 * and CANCEL belong to transactions already admitted and always pass. Other sources and users are
 * not affected: each has its own bucket. Trusted servers (ucfront.trusted.servers) are not limited.
 */
public class FloodValve implements SIPMessageValve {

    /** ucfront's ErrorId for a refused flood (ucfront's own range, see RegisterError). */
    static final int ERROR_ID = 60203;
    static final String REASON = "Request rate limit exceeded.";

    private RequestRateLimit perSource;
    private RequestRateLimit perUser;
    private org.ucfront.sip.TrustedServers trusted;

    @Override
    public void init(SipStack stack) {
        UcfrontConfig config = UcfrontConfig.current();
        perSource = new RequestRateLimit(config.floodSourceRate);
        perUser = new RequestRateLimit(config.floodUserRate);
        trusted = config.trustedServers;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        String method = request.getMethod();
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method)) {
            return true;
        }
        long now = System.currentTimeMillis();
        String source = channel.getPeerAddress();
        if (trusted.isTrustedAddress(source)) {
            return true; // a trusted server relays many users' requests
        }
        RequestRateLimit.Verdict v = perSource.admit(source, now);
        RequestRateLimit limit = perSource;
        String key = source;
        if (v == RequestRateLimit.Verdict.ACCEPT && perUser.enabled()) {
            String user = user(request);
            if (user != null) {
                v = perUser.admit(user, now);
                limit = perUser;
                key = user;
            }
        }
        switch (v) {
            case ACCEPT:
                return true;
            case REFUSE:
                ValveAnswer.unavailable(request, channel, limit.retryAfterSeconds(key), ERROR_ID, REASON);
                return false;
            default:
                return false;
        }
    }

    /** The From URI's user@host, the user a request counts against; null without one. */
    static String user(SIPRequest request) {
        if (request.getFrom() == null || request.getFrom().getAddress() == null) {
            return null;
        }
        URI uri = request.getFrom().getAddress().getURI();
        if (uri instanceof SipURI sip && sip.getUser() != null) {
            return sip.getUser() + "@" + sip.getHost();
        }
        return null;
    }

    @Override
    public boolean processResponse(javax.sip.message.Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void destroy() {
    }
}
