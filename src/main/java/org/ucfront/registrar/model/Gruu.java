package org.ucfront.registrar.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import org.ucfront.sip.MalformedHeaderException;
import org.ucfront.sip.QuotedString;
import org.ucfront.sip.Tokens;

/**
 * The GRUU of a SIP endpoint (MS-SIPRE §2.2.3, draft-ietf-sip-gruu-10), in the form the
 * §4.1.1 example shows: {@code sip:<user>@<host>;opaque=user:epid:<X>;gruu}.
 *
 * <p>X is the unpadded base64url of 18 bytes: the instance GUID in Microsoft memory order
 * (Data1 4 bytes, Data2 2 bytes, Data3 2 bytes, each little-endian; Data4 8 bytes as is)
 * followed by two zero bytes. This reproduces §4.1.1 byte for byte and depends only on the
 * instance, so a GRUU survives restarts.
 *
 * <p>For an instance that is not a {@code urn:uuid:} the spec gives no rule. ucfront then uses
 * the first 16 bytes of SHA-1 over the UTF-8 of the lowercase URN (as {@link SipInstance#urn()}
 * gives it) in place of the GUID bytes, with the same two zero bytes and encoding: stable,
 * case-insensitive like instance comparison, and the same 24-character shape.
 */
public final class Gruu {
    /** MS-SIPRE §2.2.3 / §4.1.1: GRUUs are sip: URIs. */
    public static final String SCHEME = "sip:";
    /** §4.1.1: the URI parameter carrying the endpoint token. */
    public static final String OPAQUE_PARAM = "opaque";
    /** §4.1.1: prefix of the opaque value for a user endpoint. */
    public static final String EPID_PREFIX = "user:epid:";
    /** draft-ietf-sip-gruu-10 §8.1 / §4.1.1: the flag parameter marking the URI as a GRUU. */
    public static final String GRUU_PARAM = "gruu";

    /** ucfront's own bound on a URI given to {@link #parse}. */
    public static final int MAX_URI_LENGTH = 1024;
    /** 16 identifier bytes + 2 zero bytes, as in §4.1.1. */
    private static final int TOKEN_BYTES = 18;
    /** Unpadded base64url length of {@link #TOKEN_BYTES}. */
    private static final int TOKEN_CHARS = 24;

    /** RFC 3261 §25.1 user: unreserved / escaped / user-unreserved; ';' excluded (it ends the user here). */
    private static final Pattern USER = Pattern.compile("(?:[A-Za-z0-9\\-_.!~*'()&=+$,?/]|%[0-9A-Fa-f]{2})+");
    /** RFC 3261 §25.1 host: hostname / IPv4address / IPv6reference (loosely). */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.\\-]*[A-Za-z0-9])?\\.?|\\[[0-9A-Fa-f:.]+\\]");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_\\-]{" + TOKEN_CHARS + "}");

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final String user;
    private final String host;
    private final String epidToken;

    private Gruu(String user, String host, String epidToken) {
        this.user = user;
        this.host = host;
        this.epidToken = epidToken;
    }

    /**
     * The GRUU of {@code instance} for the AOR {@code aorUser@aorHost}.
     *
     * @throws IllegalArgumentException if the user or host is not valid SIP URI syntax
     */
    public static Gruu of(String aorUser, String aorHost, SipInstance instance) {
        Objects.requireNonNull(instance, "instance");
        return new Gruu(checkUser(aorUser), checkHost(aorHost), epidToken(instance));
    }

    /**
     * The instance a GRUU is derived from when a REGISTER carries only an epid (§3.1.2.5.1 allows
     * either identifier): a URN made from the epid, so the GRUU is stable for that endpoint too.
     */
    public static SipInstance instanceForEpid(String epid) {
        if (!Tokens.isToken(epid)) { // MS-SIPRE §3.2: an epid is a token; "" or null would alias
            throw new MalformedHeaderException("epid is not a token: '" + Tokens.excerpt(epid) + "'");
        }
        return SipInstance.parse("<urn:ucfront:epid:" + epid.toLowerCase(java.util.Locale.ROOT) + ">");
    }

    /** The X of {@code opaque=user:epid:X} for an instance (see the class comment). */
    public static String epidToken(SipInstance instance) {
        byte[] id = instance.uuid().map(Gruu::microsoftGuidBytes).orElseGet(() -> sha1Prefix(instance.urn()));
        byte[] token = new byte[TOKEN_BYTES]; // last two bytes stay zero
        System.arraycopy(id, 0, token, 0, id.length);
        return BASE64URL.encodeToString(token);
    }

    /** A GUID as Windows lays it out in memory: Data1, Data2, Data3 little-endian, Data4 as is. */
    private static byte[] microsoftGuidBytes(UUID uuid) {
        long msb = uuid.getMostSignificantBits();
        ByteBuffer b = ByteBuffer.allocate(16);
        b.order(ByteOrder.LITTLE_ENDIAN);
        b.putInt((int) (msb >>> 32));     // Data1
        b.putShort((short) (msb >>> 16)); // Data2
        b.putShort((short) msb);          // Data3
        b.order(ByteOrder.BIG_ENDIAN);
        b.putLong(uuid.getLeastSignificantBits()); // Data4
        return b.array();
    }

    private static byte[] sha1Prefix(String urn) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(urn.getBytes(StandardCharsets.UTF_8));
            byte[] prefix = new byte[16];
            System.arraycopy(digest, 0, prefix, 0, prefix.length);
            return prefix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JRE", e);
        }
    }

    /**
     * Reads a GRUU, e.g. a Request-URI. Accepts surrounding angle brackets, any parameter
     * order and extra URI parameters; requires the {@code gruu} flag and an
     * {@code opaque=user:epid:} value of 24 base64url characters.
     *
     * @throws MalformedHeaderException if the text is not such a GRUU
     */
    public static Gruu parse(String uri) {
        if (uri == null) {
            throw new MalformedHeaderException("GRUU: missing");
        }
        if (uri.length() > MAX_URI_LENGTH) {
            throw new MalformedHeaderException("GRUU: longer than " + MAX_URI_LENGTH + " characters");
        }
        String s = uri.strip();
        if (s.startsWith("<") && s.endsWith(">") && s.length() > 1) {
            s = s.substring(1, s.length() - 1);
        }
        if (!s.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new MalformedHeaderException("GRUU: not a sip: URI: '" + Tokens.excerpt(s) + "'");
        }
        String[] parts = s.substring(SCHEME.length()).split(";", -1);
        int at = parts[0].indexOf('@');
        if (at < 0) {
            throw new MalformedHeaderException("GRUU: no user part in '" + Tokens.excerpt(s) + "'");
        }
        String user = parts[0].substring(0, at);
        String host = parts[0].substring(at + 1);
        if (!USER.matcher(user).matches() || !HOST.matcher(host).matches()) {
            throw new MalformedHeaderException("GRUU: invalid user or host in '" + Tokens.excerpt(s) + "'");
        }
        String token = null;
        boolean flagged = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq);
            if (name.isEmpty()) {
                throw new MalformedHeaderException("GRUU: empty URI parameter in '" + Tokens.excerpt(s) + "'");
            }
            if (name.equalsIgnoreCase(GRUU_PARAM)) {
                flagged = true;
            } else if (name.equalsIgnoreCase(OPAQUE_PARAM)) {
                if (token != null) {
                    throw new MalformedHeaderException("GRUU: duplicate opaque parameter");
                }
                String value = eq < 0 ? "" : p.substring(eq + 1);
                if (!value.regionMatches(true, 0, EPID_PREFIX, 0, EPID_PREFIX.length())) {
                    throw new MalformedHeaderException("GRUU: opaque is not user:epid: '" + Tokens.excerpt(value) + "'");
                }
                token = value.substring(EPID_PREFIX.length());
                if (!TOKEN.matcher(token).matches()) {
                    throw new MalformedHeaderException("GRUU: epid token is not " + TOKEN_CHARS
                            + " base64url characters: '" + Tokens.excerpt(token) + "'");
                }
            }
        }
        if (!flagged) {
            throw new MalformedHeaderException("GRUU: no gruu parameter");
        }
        if (token == null) {
            throw new MalformedHeaderException("GRUU: no opaque parameter");
        }
        return new Gruu(user, host.toLowerCase(Locale.ROOT), token);
    }

    private static String checkUser(String user) {
        if (user == null || user.length() > MAX_URI_LENGTH || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("not a SIP URI user part: '" + Tokens.excerpt(user) + "'");
        }
        return user;
    }

    private static String checkHost(String host) {
        if (host == null || host.length() > MAX_URI_LENGTH || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("not a SIP URI host: '" + Tokens.excerpt(host) + "'");
        }
        return host.toLowerCase(Locale.ROOT); // RFC 3261 §19.1.4: hosts compare case-insensitively
    }

    public String user() {
        return user;
    }

    /** The host, lowercase. */
    public String host() {
        return host;
    }

    /** The X of {@code opaque=user:epid:X}; the key to find the endpoint of a GRUU Request-URI. */
    public String epidToken() {
        return epidToken;
    }

    /** {@code sip:<user>@<host>;opaque=user:epid:<X>;gruu}. */
    public String uri() {
        return SCHEME + user + "@" + host + ";" + OPAQUE_PARAM + "=" + EPID_PREFIX + epidToken + ";" + GRUU_PARAM;
    }

    /** The Contact parameter value of the 200 OK (§4.1.1): the URI as a quoted-string. */
    public String toParamValue() {
        return QuotedString.quote(uri());
    }

    /** User and token compare exactly, host case-insensitively. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Gruu)) {
            return false;
        }
        Gruu g = (Gruu) o;
        return user.equals(g.user) && host.equals(g.host) && epidToken.equals(g.epidToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, host, epidToken);
    }

    @Override
    public String toString() {
        return uri();
    }
}
