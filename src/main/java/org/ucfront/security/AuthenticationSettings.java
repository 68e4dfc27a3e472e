package org.ucfront.security;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.ucfront.launcher.UcfrontConfig;

/**
 * Which authentication schemes are offered and how (MS-SIPAE, RFC 3261 Digest), read once at start.
 *
 * @param schemes        offered schemes, in the order of the challenge's WWW-Authenticate lines
 * @param fqdn           this server's FQDN: the NTLM targetname and the Kerberos {@code sip/<fqdn>}
 * @param version        the MS-SIPAE protocol version offered (§2.2.3; 3 or 4)
 * @param saLifetimeSeconds lifetime of a security association (§3.3.1; the client re-authenticates before)
 * @param netbiosDomain  the NTLM NetBIOS domain name sent in challenges
 * @param keytab         Kerberos keytab holding {@code sip/<fqdn>@REALM}, or null
 * @param kerberosPrincipal the service principal whose key the keytab holds ({@code *}: any of its keys)
 * @param failuresPerUser failed authentications of one user in the window beyond which addresses that
 *                       failed for that user are refused
 * @param failuresPerAddress failed authentications from one address in the window beyond which it is refused
 * @param failureWindowSeconds the counting window
 * @param ntlmV1         NTLMv1 responses are verified too (off: NTLMv2 only, MS-NLMP §3.3.2)
 */
public record AuthenticationSettings(Set<Scheme> schemes, String fqdn, int version, int saLifetimeSeconds,
        String netbiosDomain, Path keytab, String kerberosPrincipal, int failuresPerUser,
        int failuresPerAddress, int failureWindowSeconds, boolean ntlmV1) {

    /** The schemes an administrator can offer. */
    public enum Scheme { DIGEST, NTLM, KERBEROS }

    public static final String SCHEMES = "ucfront.auth.schemes";
    public static final String FQDN = "ucfront.auth.fqdn";
    public static final String VERSION = "ucfront.auth.sipae.version";
    public static final String SA_LIFETIME = "ucfront.auth.sa.lifetime";
    public static final String NTLM_DOMAIN = "ucfront.ntlm.domain";
    public static final String KEYTAB = "ucfront.kerberos.keytab";
    public static final String KERBEROS_PRINCIPAL = "ucfront.kerberos.principal";
    public static final String FAILURES_PER_USER = "ucfront.auth.failures.user";
    public static final String FAILURES_PER_ADDRESS = "ucfront.auth.failures.address";
    public static final String FAILURE_WINDOW = "ucfront.auth.failures.window";
    public static final String NTLM_V1 = "ucfront.ntlm.v1";

    /** §3.3.1: a security association lives at most eight hours. */
    static final int MAX_SA_LIFETIME = 8 * 3600;

    public static AuthenticationSettings load(String domain) {
        return load(domain, UcfrontConfig::raw);
    }

    /** @throws UcfrontConfig.InvalidConfigException naming the setting that is wrong */
    public static AuthenticationSettings load(String domain, UnaryOperator<String> raw) {
        Set<Scheme> schemes = EnumSet.noneOf(Scheme.class);
        String list = value(raw, SCHEMES, "digest");
        for (String s : list.split(",")) {
            String t = s.trim().toUpperCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            try {
                schemes.add(Scheme.valueOf(t));
            } catch (IllegalArgumentException e) {
                throw invalid(SCHEMES, list, "a list of digest, ntlm, kerberos");
            }
        }
        if (schemes.isEmpty()) {
            throw invalid(SCHEMES, list, "at least one of digest, ntlm, kerberos");
        }
        String pool = raw.apply("ucfront.pool.fqdn");
        String fqdn = value(raw, FQDN, pool == null || pool.isBlank() ? domain : pool.trim()).toLowerCase(Locale.ROOT);
        if (!fqdn.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
            throw invalid(FQDN, fqdn, "a host name");
        }
        String firstLabel = domain.split("\\.")[0].toUpperCase(Locale.ROOT);
        String netbios = value(raw, NTLM_DOMAIN, firstLabel.length() > 15 ? firstLabel.substring(0, 15) : firstLabel);
        if (!netbios.matches("[A-Za-z0-9_-]{1,15}")) {
            throw invalid(NTLM_DOMAIN, netbios, "a NetBIOS name of 1 to 15 letters, digits, - or _");
        }
        String keytab = raw.apply(KEYTAB);
        Path keytabPath = keytab == null || keytab.isBlank() ? null : Paths.get(keytab.trim()).toAbsolutePath();
        if (schemes.contains(Scheme.KERBEROS) && keytabPath == null) {
            throw invalid(SCHEMES, list, "kerberos only with " + KEYTAB + " set");
        }
        if (keytabPath != null && !keytabPath.toFile().canRead()) {
            throw new UcfrontConfig.InvalidConfigException(KEYTAB + "=" + keytabPath + " is not a readable file");
        }
        return new AuthenticationSettings(schemes, fqdn, integer(raw, VERSION, 4, 3, 4),
                integer(raw, SA_LIFETIME, MAX_SA_LIFETIME, 60, MAX_SA_LIFETIME), netbios.toUpperCase(Locale.ROOT),
                keytabPath, value(raw, KERBEROS_PRINCIPAL, "sip/" + fqdn),
                integer(raw, FAILURES_PER_USER, 10, 1, 1_000_000),
                integer(raw, FAILURES_PER_ADDRESS, 30, 1, 1_000_000), integer(raw, FAILURE_WINDOW, 300, 1, 86400),
                bool(raw, NTLM_V1));
    }

    public boolean offers(Scheme s) {
        return schemes.contains(s);
    }

    private static String value(UnaryOperator<String> raw, String key, String fallback) {
        String v = raw.apply(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static int integer(UnaryOperator<String> raw, String key, int fallback, int min, int max) {
        String v = raw.apply(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new UcfrontConfig.InvalidConfigException(key + "=" + v + " is out of range " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UcfrontConfig.InvalidConfigException(key + "=" + v + " is not a whole number");
        }
    }

    /** Off unless {@code true}; anything but true/false stops the start. */
    private static boolean bool(UnaryOperator<String> raw, String key) {
        String v = value(raw, key, "false").toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw invalid(key, v, "true or false");
        }
        return v.equals("true");
    }

    private static UcfrontConfig.InvalidConfigException invalid(String key, String value, String expected) {
        return new UcfrontConfig.InvalidConfigException(key + "=" + value + " is not valid; expected " + expected);
    }
}
