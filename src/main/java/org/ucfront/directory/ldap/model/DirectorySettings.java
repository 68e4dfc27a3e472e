package org.ucfront.directory.ldap.model;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.launcher.UcfrontConfig.InvalidConfigException;

/**
 * The enterprise directory settings ({@code ucfront.ldap.*}); without {@code ucfront.ldap.url}
 * the local user store is the only source of users and none of the others is read.
 */
public record DirectorySettings(URI url, boolean startTls, Path caFile, String bindDn, String bindPassword, String baseDn,
        String filter, DirectoryPreset preset, AttributeMapping mapping, int pageSize, int syncIntervalSeconds,
        int fullSyncIntervalSeconds, int timeoutSeconds, PoolIdentity pool) {

    public static final String URL = "ucfront.ldap.url";
    public static final String STARTTLS = "ucfront.ldap.starttls";
    /** PEM file of the CA certificates that sign the directory's certificate; default: the JVM's trust store. */
    public static final String CA_FILE = "ucfront.ldap.ca.file";
    public static final String BIND_DN = "ucfront.ldap.bind.dn";
    public static final String BIND_PASSWORD = "ucfront.ldap.bind.password";
    public static final String BIND_PASSWORD_FILE = "ucfront.ldap.bind.password.file";
    public static final String BASE_DN = "ucfront.ldap.base.dn";
    public static final String FILTER = "ucfront.ldap.filter";
    public static final String PRESET = "ucfront.ldap.preset";
    public static final String PAGE_SIZE = "ucfront.ldap.page.size";
    public static final String SYNC_INTERVAL = "ucfront.ldap.sync.interval";
    public static final String FULL_SYNC_INTERVAL = "ucfront.ldap.full.sync.interval";
    public static final String TIMEOUT = "ucfront.ldap.timeout";
    /** Shared with the registrar's pool settings: this server's pool. */
    public static final String POOL_FQDN = "ucfront.pool.fqdn";
    public static final String REGISTRAR_URI = "ucfront.registrar.uri";

    /** RFC 2696 page size default: below AD's MaxPageSize of 1000. */
    static final int DEFAULT_PAGE_SIZE = 500;
    static final int DEFAULT_SYNC_INTERVAL = 900;
    static final int DEFAULT_FULL_SYNC_INTERVAL = 86_400;
    static final int DEFAULT_TIMEOUT = 10;

    /** The settings in force, or null when no directory is configured. */
    public static DirectorySettings load(String domain) {
        return load(domain, UcfrontConfig::raw);
    }

    /** @throws InvalidConfigException naming the setting that is wrong */
    public static DirectorySettings load(String domain, UnaryOperator<String> raw) {
        String url = value(raw, URL);
        if (url == null) {
            return null;
        }
        URI u = url(url);
        boolean startTls = bool(raw, STARTTLS);
        if (startTls && "ldaps".equals(u.getScheme())) {
            throw new InvalidConfigException(STARTTLS + "=true needs an ldap: URL, not ldaps:");
        }
        Path caFile = caFile(value(raw, CA_FILE));
        if (caFile != null && !startTls && !"ldaps".equals(u.getScheme())) {
            throw new InvalidConfigException(CA_FILE + " is set but the directory is not reached over TLS"
                    + " (use an ldaps: URL or " + STARTTLS + "=true)");
        }
        String bindDn = value(raw, BIND_DN);
        String password = value(raw, BIND_PASSWORD);
        String file = value(raw, BIND_PASSWORD_FILE);
        if (password != null && file != null) {
            throw new InvalidConfigException(BIND_PASSWORD + " and " + BIND_PASSWORD_FILE + " are both set; set one");
        }
        if (file != null) {
            try {
                password = Files.readString(Paths.get(file), StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
                throw new InvalidConfigException(BIND_PASSWORD_FILE + "=" + file + " is not readable (" + e + ")");
            }
        }
        if (bindDn != null && (password == null || password.isEmpty())) {
            throw new InvalidConfigException(BIND_DN + " is set without " + BIND_PASSWORD + " or " + BIND_PASSWORD_FILE);
        }
        String baseDn = value(raw, BASE_DN);
        if (baseDn == null) {
            throw new InvalidConfigException(BASE_DN + " is required with " + URL);
        }
        DirectoryPreset preset;
        String p = value(raw, PRESET);
        try {
            preset = p == null ? DirectoryPreset.INETORGPERSON : DirectoryPreset.parse(p);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(PRESET + "=" + p + " is not valid; expected ad or inetorgperson");
        }
        AttributeMapping mapping;
        try {
            mapping = preset.mapping().withOverrides(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(e.getMessage());
        }
        if (mapping.sip() == null) {
            throw new InvalidConfigException(AttributeMapping.PREFIX + "sip must name the SIP address attribute");
        }
        String filter = value(raw, FILTER);
        if (filter == null) {
            filter = preset.defaultFilter(mapping);
        } else if (!filter.startsWith("(") || !filter.endsWith(")")) {
            throw new InvalidConfigException(FILTER + "=" + filter + " is not an LDAP filter (RFC 4515)");
        }
        String pool = value(raw, POOL_FQDN);
        pool = pool == null ? domain : pool;
        if (!PoolIdentity.isFqdn(pool) && !pool.equals(domain)) {
            throw new InvalidConfigException(POOL_FQDN + "=" + pool + " is not valid; expected a host name");
        }
        String registrar = value(raw, REGISTRAR_URI);
        if (registrar != null && !registrar.regionMatches(true, 0, "sip:", 0, 4)) {
            throw new InvalidConfigException(REGISTRAR_URI + "=" + registrar + " is not valid; expected a sip: URI");
        }
        return new DirectorySettings(u, startTls, caFile, bindDn, password, baseDn, filter, preset, mapping,
                integer(raw, PAGE_SIZE, DEFAULT_PAGE_SIZE, 1, 10_000),
                integer(raw, SYNC_INTERVAL, DEFAULT_SYNC_INTERVAL, 10, 86_400 * 7),
                integer(raw, FULL_SYNC_INTERVAL, DEFAULT_FULL_SYNC_INTERVAL, 60, 86_400 * 30),
                integer(raw, TIMEOUT, DEFAULT_TIMEOUT, 1, 300),
                new PoolIdentity(pool, registrar));
    }

    public boolean secure() {
        return startTls || "ldaps".equals(url.getScheme());
    }

    /** A readable PEM file with at least one certificate: checked at start, read again on each connection. */
    private static Path caFile(String v) {
        if (v == null) {
            return null;
        }
        Path p = Paths.get(v);
        try {
            if (DirectoryTrust.read(p).isEmpty()) {
                throw new InvalidConfigException(CA_FILE + "=" + v + " holds no PEM certificate");
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new InvalidConfigException(CA_FILE + "=" + v + " is not a readable PEM certificate file (" + e + ")");
        }
        return p;
    }

    /** ldap or ldaps with a host; the port defaults to 389 / 636 (RFC 4516). */
    private static URI url(String v) {
        try {
            URI u = new URI(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("ldap") || scheme.equals("ldaps")) && u.getHost() != null) {
                return new URI(scheme, null, u.getHost(), u.getPort() > 0 ? u.getPort()
                        : scheme.equals("ldaps") ? 636 : 389, null, null, null);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidConfigException(URL + "=" + v + " is not valid; expected ldap://host[:port] or ldaps://host[:port]");
    }

    private static String value(UnaryOperator<String> raw, String key) {
        String v = raw.apply(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static boolean bool(UnaryOperator<String> raw, String key) {
        String v = value(raw, key);
        if (v == null || v.equalsIgnoreCase("false")) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidConfigException(key + "=" + v + " is not valid; expected true or false");
    }

    private static int integer(UnaryOperator<String> raw, String key, int fallback, int min, int max) {
        String v = value(raw, key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new InvalidConfigException(key + "=" + v + " is out of range " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidConfigException(key + "=" + v + " is not a whole number");
        }
    }

    /** The password never appears in logs or the admin status. */
    @Override
    public String toString() {
        return "DirectorySettings[" + url + (startTls ? " StartTLS" : "") + (caFile == null ? "" : ", CA " + caFile)
                + ", base " + baseDn + ", preset "
                + preset.code() + ", filter " + filter + "]";
    }
}
