package org.ucfront.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Logger;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Service;
import org.apache.catalina.startup.Catalina;
import org.ucfront.launcher.StartChecks;
import org.ucfront.launcher.UcfrontConfig;
import org.ucfront.sip.SipStackProperties;

/**
 * Starts the standalone server: Tomcat's own {@link Catalina} reads {@code conf/server.xml} (the
 * Restcomm SIP Servlets service, its SIP and HTTP connectors, a host that deploys the archives
 * dropped into {@code webapps/} and redeploys them when they change). Settings come from
 * {@code conf/ucfront.properties} and {@code conf/datasource.properties}, each overridden by a
 * system property or the environment variable of the same name ({@code UCFRONT_SIP_PORT}); they
 * become system properties, which server.xml refers to as {@code ${ucfront.sip.port}} and the
 * deployed application reads.
 */
public final class StandaloneServer {

    private static final Logger LOG = Logger.getLogger(StandaloneServer.class.getName());

    static final String[] SETTINGS_FILES = {"conf/ucfront.properties", "conf/datasource.properties"};
    /** server.xml's darConfigurationFileLocation. */
    static final String DAR_FILE = "conf/dar.properties";
    /** Seconds between checks of webapps/ (server.xml's backgroundProcessorDelay). */
    static final String SCAN_INTERVAL = "ucfront.deploy.scan.interval";
    static final String ROUTER_PROVIDER_PROPERTY = "javax.servlet.sip.ar.spi.SipApplicationRouterProvider";
    static final String DEFAULT_ROUTER_PROVIDER = "org.mobicents.servlet.sip.router.DefaultApplicationRouterProvider";

    private StandaloneServer() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path home = Paths.get(System.getProperty("ucfront.server.home", ".")).toAbsolutePath().normalize();
        System.setProperty("catalina.home", home.toString());
        System.setProperty("catalina.base", home.toString());
        // JDK 9+: ServiceLoader would otherwise find no application router provider (RUNTIME-RECIPE)
        System.setProperty(ROUTER_PROVIDER_PROPERTY, DEFAULT_ROUTER_PROVIDER);
        StandaloneTls tls = null;
        try {
            configure(home);
            tls = StandaloneTls.prepare();
        } catch (IOException | UcfrontConfig.InvalidConfigException e) {
            System.err.println("ucfront-server: configuration error: " + e.getMessage());
            System.exit(2);
        }
        Properties stack = SipStackProperties.standard();
        tls.applyTo(stack);
        SipStackSettings.use(stack);

        Catalina catalina = new Catalina();
        catalina.setAwait(false);
        catalina.load();
        if (catalina.getServer() == null) {
            System.err.println("ucfront-server: conf/server.xml could not be loaded; see the log above");
            System.exit(1);
        }
        tls.addConnector(catalina);
        catalina.start();
        LOG.info(String.format("ucfront server ready in %d ms: SIP %s:%s (udp, tcp), admin http://%s:%s/, applications %s",
                (System.nanoTime() - started) / 1_000_000, System.getProperty("ucfront.sip.address"),
                System.getProperty("ucfront.sip.port"), System.getProperty("ucfront.http.address"),
                System.getProperty("ucfront.http.port"), applications(catalina)));
        catalina.getServer().await(); // until the shutdown hook (SIGTERM) stops the server
    }

    /**
     * Installs the settings of conf/ as system properties and checks them as the embedded launcher
     * does (the same {@link UcfrontConfig}: addresses, ports, data directory, database URL, user and
     * password file, flood and TCP limits, ...), plus the server's own files and settings.
     *
     * @throws UcfrontConfig.InvalidConfigException naming the setting that is wrong
     */
    static UcfrontConfig configure(Path home) throws IOException {
        for (String file : SETTINGS_FILES) {
            install(home.resolve(file));
        }
        if (System.getProperty("ucfront.data.dir") == null) {
            System.setProperty("ucfront.data.dir", home.resolve("data").toString());
        }
        UcfrontConfig config = UcfrontConfig.load();
        StartChecks.dataDir(config);
        Path dar = home.resolve(DAR_FILE);
        if (!Files.isRegularFile(dar) || !Files.isReadable(dar)) {
            throw new UcfrontConfig.InvalidConfigException(DAR_FILE + " (the application router's DAR file) is missing or"
                    + " unreadable in " + home);
        }
        String scan = System.getProperty(SCAN_INTERVAL);
        try {
            int seconds = Integer.parseInt(scan == null ? "" : scan.trim());
            if (seconds < 1 || seconds > 3600) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new UcfrontConfig.InvalidConfigException(SCAN_INTERVAL + "=" + scan + " is not a whole number of seconds"
                    + " in 1..3600");
        }
        StartChecks.ports(config);
        return config;
    }

    /** Each setting of the file becomes a system property unless a property or variable sets it already. */
    static void install(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new IOException(file + " is not readable (" + e + ")", e);
        }
        for (String key : p.stringPropertyNames()) {
            String env = System.getenv(key.toUpperCase(Locale.ROOT).replace('.', '_'));
            if (System.getProperty(key) != null) {
                continue;
            }
            String value = env != null ? env.trim() : p.getProperty(key).trim();
            if (!value.isEmpty()) {
                System.setProperty(key, value);
            }
        }
    }

    /** The deployed contexts and their state, for the ready line. */
    private static String applications(Catalina catalina) {
        StringBuilder b = new StringBuilder("[");
        for (Service service : catalina.getServer().findServices()) {
            for (Container host : service.getContainer().findChildren()) {
                for (Container c : host.findChildren()) {
                    if (b.length() > 1) {
                        b.append(", ");
                    }
                    String path = ((Context) c).getPath();
                    b.append(path.isEmpty() ? "/" : path).append(' ').append(c.getState());
                }
            }
        }
        return b.append(']').toString();
    }
}
