package org.ucfront.security.sipae;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An established MS-SIPAE security association (§3.3.1): identified towards the client by
 * (scheme, realm, target) and the endpoint's epid, towards the server by its opaque value, valid
 * until it expires. It signs every message of the server to that endpoint with an increasing snum
 * and verifies every signed request from it. It remembers whether it was made through a 401
 * (registrar) or a 407 (proxy) challenge: that names the header carrying the server's signatures.
 */
public final class SecurityAssociation {

    /** The challenge an association was made through (MS-SIPAE §2.2.2, §2.2.4; MS-SIP §3.1.4). */
    public enum Challenge {
        /** 401 with WWW-Authenticate, answered with Authorization: signatures in Authentication-Info. */
        REGISTRAR(SipaeAuthenticator.AUTHENTICATION_INFO),
        /** 407 with Proxy-Authenticate, answered with Proxy-Authorization: in Proxy-Authentication-Info. */
        PROXY(SipaeAuthenticator.PROXY_AUTHENTICATION_INFO);

        private final String infoHeader;

        Challenge(String infoHeader) {
            this.infoHeader = infoHeader;
        }

        /** The header of the server's signatures on this association. */
        public String infoHeader() {
            return infoHeader;
        }

        /** The challenge whose answer carries credentials in this header. */
        static Challenge answeredIn(String credentialsHeader) {
            return "Proxy-Authorization".equalsIgnoreCase(credentialsHeader) ? PROXY : REGISTRAR;
        }
    }

    private final SipaeScheme scheme;
    private final String realm;
    private final String target;
    private final String epid;
    private final String aor;
    private final String opaque;
    private final int version;
    private final Challenge challenge;
    private final Instant expires;
    private final MessageSigner signer;
    private final AtomicLong snum = new AtomicLong();
    private final ReplayWindow cnums = new ReplayWindow();

    /** @param aor the authenticated user, {@code user@host} in lower case */
    public SecurityAssociation(SipaeScheme scheme, String realm, String target, String epid, String aor,
            String opaque, int version, Challenge challenge, Instant expires, MessageSigner signer) {
        this.scheme = scheme;
        this.realm = realm;
        this.target = target;
        this.epid = epid;
        this.aor = aor;
        this.opaque = opaque;
        this.version = version;
        this.challenge = challenge;
        this.expires = expires;
        this.signer = signer;
    }

    public SipaeScheme scheme() {
        return scheme;
    }

    public String realm() {
        return realm;
    }

    public String target() {
        return target;
    }

    public String epid() {
        return epid;
    }

    public String aor() {
        return aor;
    }

    public String opaque() {
        return opaque;
    }

    public int version() {
        return version;
    }

    public Challenge challenge() {
        return challenge;
    }

    public Instant expires() {
        return expires;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expires);
    }

    /** The next server sequence number (snum starts at 1). */
    long nextSnum() {
        return snum.incrementAndGet();
    }

    /** False when this cnum was already used (a replay) or is too old. */
    boolean acceptCnum(long cnum) {
        return cnums.accept(cnum);
    }

    MessageSigner signer() {
        return signer;
    }

    @Override
    public String toString() {
        return scheme.token() + " SA " + opaque + " (" + challenge + ") for " + aor + " epid " + epid;
    }
}
