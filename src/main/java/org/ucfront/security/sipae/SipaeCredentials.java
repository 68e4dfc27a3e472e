package org.ucfront.security.sipae;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ucfront.sip.MalformedHeaderException;
import org.ucfront.sip.ParamList;

/**
 * An Authorization / Proxy-Authorization value of an MS-SIPAE scheme (§2.2.3):
 * {@code NTLM qop="auth", realm="…", targetname="…", [opaque="…",] [gssapi-data="…",] [version=n,]
 * [crand="…", cnum="…", response="…"]}. gssapi-data carries a security token during the handshake;
 * crand/cnum/response sign the message once the security association exists.
 */
public record SipaeCredentials(SipaeScheme scheme, String realm, String targetname, String opaque, byte[] gssapiData,
        Integer version, String crand, Long cnum, byte[] response) {

    static final String REALM = "realm";
    static final String TARGETNAME = "targetname";
    static final String OPAQUE = "opaque";
    static final String GSSAPI_DATA = "gssapi-data";
    static final String VERSION = "version";
    static final String CRAND = "crand";
    static final String CNUM = "cnum";
    static final String RESPONSE = "response";
    /** §2.2.3: crand is 8 hexadecimal digits. */
    private static final int MAX_RAND_LENGTH = 16;

    /**
     * @return empty when the value is of another scheme (Digest)
     * @throws MalformedHeaderException when it is an MS-SIPAE value that cannot be read
     */
    public static Optional<SipaeCredentials> parse(String value) {
        String v = value.trim();
        int space = v.indexOf(' ');
        Optional<SipaeScheme> scheme = SipaeScheme.fromToken(space < 0 ? v : v.substring(0, space));
        if (scheme.isEmpty()) {
            return Optional.empty();
        }
        if (space < 0) {
            throw new MalformedHeaderException(scheme.get().token() + " credentials without parameters");
        }
        Map<String, ParamList.Param> p = ParamList.parse(v.substring(space + 1), "Authorization");
        String realm = text(p, REALM);
        if (realm == null) {
            throw new MalformedHeaderException(scheme.get().token() + " credentials without realm");
        }
        try {
            String gssapi = text(p, GSSAPI_DATA);
            String version = text(p, VERSION);
            String crand = text(p, CRAND);
            String cnum = text(p, CNUM);
            String response = text(p, RESPONSE);
            if (crand != null && (crand.length() > MAX_RAND_LENGTH || !crand.matches("[0-9A-Fa-f]+"))) {
                throw new MalformedHeaderException("crand must be hexadecimal");
            }
            return Optional.of(new SipaeCredentials(scheme.get(), realm, text(p, TARGETNAME), text(p, OPAQUE),
                    gssapi == null ? null : Base64.getDecoder().decode(gssapi),
                    version == null ? null : Integer.valueOf(version), crand,
                    cnum == null ? null : Long.valueOf(cnum),
                    response == null ? null : HexFormat.of().parseHex(response.toLowerCase(Locale.ROOT))));
        } catch (IllegalArgumentException e) { // bad base64, number or hex
            throw new MalformedHeaderException(scheme.get().token() + " credentials: invalid parameter value");
        }
    }

    private static String text(Map<String, ParamList.Param> p, String name) {
        ParamList.Param param = p.get(name);
        return param == null ? null : param.value();
    }

    /** A signed message of an established security association (§3.3.5.2). */
    public boolean signed() {
        return response != null;
    }
}
