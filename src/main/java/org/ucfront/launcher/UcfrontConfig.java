package org.ucfront.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.ucfront.server.JdbcUrls;
import org.ucfront.sip.TrustedServers;
import org.ucfront.clientversion.model.ClientVersionAction;
import org.ucfront.clientversion.model.InvalidRuleException;

/**
 * The server's configuration: each setting is read once, from a system property
 * ({@code ucfront.sip.port}) or else the matching environment variable ({@code UCFRONT_SIP_PORT}),
 * validated, and then immutable. Defaults and meanings are documented in README.md.
 */
public final class UcfrontConfig {

    /** Authentication of REGISTER and other user requests. */
    public enum AuthMode { DIGEST, NONE }

    public final String sipAddress;
    public final int sipPort;
    public final String domain;
    public final String httpAddress;
    public final int httpPort;
    public final Path dataDir;
    public final AuthMode auth;
    public final int expiresDefault;
    public final int expiresMin;
    public final int expiresMax;
    public final int maxEndpointsPerUser;
    public final String jdbcUrl;
    public final String jdbcUser;
    public final String jdbcPassword;
    public final int nonceLifetimeSeconds;
    public final String digestAlgorithms;
    public final int persistWindowMillis;
    /** Requests per second and source address, and per From user, before 503 (0: no limit). */
    public final int floodSourceRate;
    public final int floodUserRate;
    /** TCP (and, counted apart, TLS) connections open at once from one address; seconds a connection may stay silent. */
    public final int tcpMaxConnectionsPerSource;
    public final int tcpIdleTimeoutSeconds;
    /** Live SIP server transactions before overload answers (0: sized from the heap, see SipRuntime). */
    public final int maxServerTransactions;
    /** How long a message read over TCP/TLS may wait for a worker before overload answers, ms (0: never). */
    public final int maxQueueDelayMillis;
    public final TrustedServers trustedServers;
    public final String adminUser;
    public final String adminPassword;
    /** Client version control (§3.4.2.5): the action when no rule matches, and its URL if it takes one. */
    public final ClientVersionAction clientVersionDefault;
    public final String clientVersionDefaultUrl;
    /** MS-EUMR §3.1.2: the Unified Messaging server timer, MUST be under 180 s (5 s recommended). */
    public final int umTimerSeconds;
    /** MS-EUMR §3.2.2: the User Notification Inactivity timer (10 minutes). */
    public final int notificationInactivitySeconds;

    private UcfrontConfig(Source s) {
        sipAddress = s.string("ucfront.sip.address", "127.0.0.1");
        sipPort = s.integer("ucfront.sip.port", 5060, 1, 65535);
        domain = s.string("ucfront.domain", "ucfront.local").toLowerCase(Locale.ROOT);
        httpAddress = s.string("ucfront.http.address", "127.0.0.1");
        httpPort = s.integer("ucfront.http.port", 8080, 1, 65535);
        dataDir = Paths.get(s.string("ucfront.data.dir", "data")).toAbsolutePath().normalize();
        auth = s.parse("ucfront.auth", "digest", v -> AuthMode.valueOf(v.toUpperCase(Locale.ROOT)),
                "digest or none");
        // §3.1.2.2: the registrar MUST NOT grant less than 30 seconds
        expiresMin = s.integer("ucfront.register.expires.min", 30, 30, Integer.MAX_VALUE);
        expiresMax = s.integer("ucfront.register.expires.max", 7200, expiresMin, Integer.MAX_VALUE);
        expiresDefault = s.integer("ucfront.register.expires.default", 7200, expiresMin, expiresMax);
        maxEndpointsPerUser = s.integer("ucfront.register.max.endpoints", 8, 1, 1000);
        // WRITE_DELAY above 0: H2 then runs its background writer, the only place it compacts the file
        // (with 0 a constant rewrite of endpoints grew it by 939 MB/h). It keeps up to that delay of
        // commits in memory, lost by a kill: the write-behind makes its batches durable with a
        // CHECKPOINT (EndpointStore.makeDurable) before its watermark moves (CrashSafetyIT).
        // CACHE_SIZE (KB) 2048 instead of H2's 16 MB: refreshes update rows all over the endpoint
        // table, and the pages a larger cache held lived long enough to be promoted, then died in the
        // old generation; with 2 MB a refresh cost less CPU and the old generation filled slower
        // (session 13 in docs/benchmarks.md). Users and endpoints are served from memory anyway.
        jdbcUrl = s.string("ucfront.db.url", "jdbc:h2:file:" + dataDir.resolve("ucfront")
                + ";MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=500;CACHE_SIZE=2048");
        jdbcUser = s.string("ucfront.db.user", "ucfront");
        jdbcPassword = databasePassword(s);
        if (JdbcUrls.driverFor(jdbcUrl) == null) { // an unsupported URL fails the start here, in one line
            throw new InvalidConfigException("ucfront.db.url=" + jdbcUrl + " names no supported database (jdbc:h2: or jdbc:postgresql:)");
        }
        nonceLifetimeSeconds = s.integer("ucfront.digest.nonce.lifetime", 300, 10, 86400);
        digestAlgorithms = s.string("ucfront.digest.algorithms", "SHA-256,MD5");
        persistWindowMillis = s.integer("ucfront.persist.window.ms", 100, 10, 10000);
        floodSourceRate = s.integer("ucfront.flood.source.rate", 200, 0, 10_000_000);
        floodUserRate = s.integer("ucfront.flood.user.rate", 50, 0, 10_000_000);
        tcpMaxConnectionsPerSource = s.integer("ucfront.tcp.max.connections.per.source", 100, 1, 1_000_000);
        // above the 300 s keep-alive interval the registrar asks of clients (ms-keep-alive timeout=300)
        tcpIdleTimeoutSeconds = s.integer("ucfront.tcp.idle.timeout", 900, 5, 86400);
        maxServerTransactions = s.integer("ucfront.sip.max.server.transactions", 0, 0, 10_000_000);
        maxQueueDelayMillis = s.integer("ucfront.sip.max.queue.delay.ms", 1000, 0, 3_600_000);
        trustedServers = s.parse("ucfront.trusted.servers", "", TrustedServers::parse,
                "comma-separated fqdn=ip-address entries");
        adminUser = s.string("ucfront.admin.user", "admin");
        adminPassword = s.string("ucfront.admin.password", null);
        clientVersionDefault = s.parse("ucfront.clientversion.default", "allow",
                v -> ClientVersionAction.fromCode(v).orElseThrow(IllegalArgumentException::new),
                ClientVersionAction.codes());
        clientVersionDefaultUrl = s.string("ucfront.clientversion.default.url", null);
        umTimerSeconds = s.integer("ucfront.um.timer", 5, 1, 179);
        notificationInactivitySeconds = s.integer("ucfront.um.notification.inactivity", 600, 1, 86400);
        try {
            clientVersionDefault.checkUrl(clientVersionDefaultUrl);
        } catch (InvalidRuleException e) {
            throw new InvalidConfigException("ucfront.clientversion.default.url"
                    + (clientVersionDefaultUrl == null ? " is not set" : "=" + clientVersionDefaultUrl + " is not valid")
                    + " for ucfront.clientversion.default=" + clientVersionDefault.code() + ": " + e.problem());
        }
    }

    /** The database password, given inline or (so that it stays out of process listings) in a file. */
    private static String databasePassword(Source s) {
        String password = s.string("ucfront.db.password", null);
        String file = s.string("ucfront.db.password.file", null);
        if (file == null) {
            return password == null ? "" : password;
        }
        if (password != null) {
            throw new InvalidConfigException("ucfront.db.password and ucfront.db.password.file are both set; set one");
        }
        try {
            return Files.readString(Paths.get(file), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            throw new InvalidConfigException("ucfront.db.password.file=" + file + " is not readable (" + e + ")");
        }
    }

    private static volatile UcfrontConfig current;

    /** The configuration in force: the launcher installs it; a deployed SAR reads its own. */
    public static UcfrontConfig current() {
        UcfrontConfig c = current;
        if (c == null) {
            synchronized (UcfrontConfig.class) {
                if (current == null) {
                    current = load();
                }
                c = current;
            }
        }
        return c;
    }

    static void install(UcfrontConfig config) {
        current = config;
    }

    /** Reads the configuration from system properties and the environment. */
    public static UcfrontConfig load() {
        return new UcfrontConfig(new Source(System.getProperties()::getProperty, System.getenv()));
    }

    /**
     * A setting outside this class's own fields (a capability's settings, e.g. provisioning):
     * the system property, else the environment variable, else null.
     */
    public static String raw(String key) {
        return new Source(System.getProperties()::getProperty, System.getenv()).raw(key);
    }

    /** For tests: explicit values only. */
    public static UcfrontConfig of(Map<String, String> values) {
        return new UcfrontConfig(new Source(values::get, Map.of()));
    }

    /** Thrown when a setting is invalid; its message is the one line an operator reads. */
    public static final class InvalidConfigException extends RuntimeException {
        public InvalidConfigException(String message) {
            super(message);
        }
    }

    private static final class Source {
        private final Function<String, String> properties;
        private final Map<String, String> env;

        Source(Function<String, String> properties, Map<String, String> env) {
            this.properties = properties;
            this.env = env;
        }

        String raw(String key) {
            String v = properties.apply(key);
            if (v == null) {
                v = env.get(key.toUpperCase(Locale.ROOT).replace('.', '_'));
            }
            return v == null ? null : v.trim();
        }

        String string(String key, String fallback) {
            String v = raw(key);
            return v == null || v.isEmpty() ? fallback : v;
        }

        int integer(String key, int fallback, int min, int max) {
            String v = raw(key);
            if (v == null || v.isEmpty()) {
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

        <T> T parse(String key, String fallback, Function<String, T> parser, String expected) {
            String v = string(key, fallback);
            try {
                return parser.apply(v);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(key + "=" + v + " is not valid; expected " + expected);
            }
        }
    }
}
