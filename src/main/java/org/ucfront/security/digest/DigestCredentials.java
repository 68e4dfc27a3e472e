package org.ucfront.security.digest;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ucfront.sip.MalformedHeaderException;
import org.ucfront.sip.ParamList;
import org.ucfront.sip.ParamList.Param;
import org.ucfront.sip.SipHeaders;
import org.ucfront.sip.Tokens;

/**
 * Digest credentials of an Authorization or Proxy-Authorization header (RFC 3261 §22.4,
 * §25.1 digest-response; RFC 8760). Parameters may come in any order, names are
 * case-insensitive, unknown parameters are ignored and repeated ones refused. Values the
 * grammar quotes are also accepted bare and the reverse (clients differ, e.g. {@code qop="auth"}).
 */
public final class DigestCredentials {
    /** ucfront's own bound on any one parameter value. */
    public static final int MAX_PARAM_LENGTH = 1024;

    private static final String WHAT = "Digest credentials";
    private static final int NC_LENGTH = 8; // RFC 3261 §25.1 nc-value = 8LHEX

    private final String username;
    private final String realm;
    private final String nonce;
    private final String uri;
    private final String response;
    private final String algorithm;
    private final String cnonce;
    private final String qop;
    private final String nc;
    private final String opaque;

    private DigestCredentials(Map<String, Param> p) {
        username = required(p, DigestParams.USERNAME);
        realm = required(p, DigestParams.REALM);
        nonce = required(p, DigestParams.NONCE);
        uri = required(p, DigestParams.URI);
        response = checkResponse(required(p, DigestParams.RESPONSE));
        algorithm = optional(p, DigestParams.ALGORITHM);
        cnonce = optional(p, DigestParams.CNONCE);
        qop = optional(p, DigestParams.QOP);
        nc = optional(p, DigestParams.NC);
        opaque = optional(p, DigestParams.OPAQUE);
        if (algorithm != null && !Tokens.isToken(algorithm)) {
            throw error("algorithm is not a token");
        }
        if (qop != null) {
            // RFC 3261 §22.4 / RFC 2617 §3.2.2: with qop, cnonce and nc are mandatory.
            if (!Tokens.isToken(qop)) {
                throw error("qop is not a token");
            }
            if (cnonce == null || cnonce.isEmpty()) {
                throw error("qop without cnonce");
            }
            if (nc == null) {
                throw error("qop without nc");
            }
        }
        if (nc != null && (nc.length() != NC_LENGTH || !nc.chars().allMatch(c -> Tokens.isHexDigit((char) c)))) {
            throw error("nc is not 8 hex digits: '" + Tokens.excerpt(nc) + "'");
        }
    }

    /**
     * Parses a header value such as
     * {@code Digest username="bob", realm="…", nonce="…", uri="sip:…", response="…"}.
     *
     * @throws UnsupportedSchemeException if the scheme is not Digest (e.g. NTLM)
     * @throws MalformedCredentialsException if the value is not well-formed Digest credentials
     */
    public static DigestCredentials parse(String headerValue) {
        if (headerValue == null) {
            throw new MalformedCredentialsException(WHAT + ": missing");
        }
        if (headerValue.length() > SipHeaders.MAX_HEADER_VALUE_LENGTH) {
            throw new MalformedCredentialsException(WHAT + ": longer than "
                    + SipHeaders.MAX_HEADER_VALUE_LENGTH + " characters");
        }
        String s = headerValue.stripLeading();
        int end = 0;
        while (end < s.length() && Tokens.isTokenChar(s.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new MalformedCredentialsException(WHAT + ": no auth-scheme");
        }
        String scheme = s.substring(0, end);
        if (!scheme.equalsIgnoreCase(DigestParams.SCHEME)) {
            throw new UnsupportedSchemeException(scheme);
        }
        if (end == s.length() || s.substring(end).isBlank()) {
            throw new MalformedCredentialsException(WHAT + ": no parameters");
        }
        char separator = s.charAt(end);
        if (separator != ' ' && separator != '\t' && separator != '\r') {
            throw new MalformedCredentialsException(WHAT + ": no whitespace after the scheme");
        }
        try {
            return new DigestCredentials(ParamList.parse(s.substring(end), WHAT));
        } catch (MalformedCredentialsException e) {
            throw e;
        } catch (MalformedHeaderException e) {
            throw new MalformedCredentialsException(e.getMessage(), e);
        }
    }

    private static String required(Map<String, Param> p, String name) {
        String v = optional(p, name);
        if (v == null) {
            throw error("missing parameter '" + name + "'");
        }
        return v;
    }

    private static String optional(Map<String, Param> p, String name) {
        Param param = p.get(name.toLowerCase(Locale.ROOT));
        if (param == null) {
            return null;
        }
        if (param.value().length() > MAX_PARAM_LENGTH) {
            throw error("parameter '" + name + "' longer than " + MAX_PARAM_LENGTH + " characters");
        }
        return param.value();
    }

    /** RFC 3261 §25.1 request-digest is 32 LHEX; RFC 8760 makes it 64 for SHA-256. Kept lowercase. */
    private static String checkResponse(String r) {
        boolean hex = r.chars().allMatch(c -> Tokens.isHexDigit((char) c));
        if (!hex || (r.length() != DigestAlgorithm.MD5.hexLength() && r.length() != DigestAlgorithm.SHA256.hexLength())) {
            throw error("response is not 32 or 64 hex digits");
        }
        return r.toLowerCase(Locale.ROOT);
    }

    private static MalformedCredentialsException error(String problem) {
        return new MalformedCredentialsException(WHAT + ": " + problem);
    }

    public String username() {
        return username;
    }

    public String realm() {
        return realm;
    }

    public String nonce() {
        return nonce;
    }

    /** The digest-uri, as the client hashed it. */
    public String uri() {
        return uri;
    }

    /** The request-digest, lowercase hex. */
    public String response() {
        return response;
    }

    /** The algorithm parameter as sent, if any. */
    public Optional<String> algorithmToken() {
        return Optional.ofNullable(algorithm);
    }

    /** The algorithm: MD5 when absent (RFC 3261 §25.1), empty when not one ucfront supports. */
    public Optional<DigestAlgorithm> algorithm() {
        return algorithm == null ? Optional.of(DigestAlgorithm.MD5) : DigestAlgorithm.fromToken(algorithm);
    }

    public Optional<String> cnonce() {
        return Optional.ofNullable(cnonce);
    }

    /** The message-qop, e.g. {@code auth}; empty for RFC 2069-style credentials. */
    public Optional<String> qop() {
        return Optional.ofNullable(qop);
    }

    /** The nonce-count as sent (8 hex digits). */
    public Optional<String> nc() {
        return Optional.ofNullable(nc);
    }

    /** The nonce-count as a number, if present. */
    public Optional<Long> nonceCount() {
        return nc == null ? Optional.empty() : Optional.of(Long.parseLong(nc, 16));
    }

    public Optional<String> opaque() {
        return Optional.ofNullable(opaque);
    }

    /** Omits the response, which is as good as a password to a replaying attacker. */
    @Override
    public String toString() {
        return "DigestCredentials[username=" + username + ", realm=" + realm + ", uri=" + uri
                + ", algorithm=" + algorithm + ", qop=" + qop + ", nc=" + nc + "]";
    }
}
