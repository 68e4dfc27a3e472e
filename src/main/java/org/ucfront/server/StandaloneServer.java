package org.ucfront.server;

import java.io.IOException;
import java.io.Reader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
import org.ucfront.launcher.UcfrontConfig;

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
    static final String ROUTER_PROVIDER_PROPERTY = "javax.servlet.sip.ar.spi.SipApplicationRouterProvider";
    static final String DEFAULT_ROUTER_PROVIDER = "org.mobicents.servlet.sip.router.DefaultApplicationRouterProvider";

    private StandaloneServer() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path home = Paths.get(System.getProperty("ucfront.server.home", ".")).toAbsolutePath().normalize();
        try {
            for (String file : SETTINGS_FILES) {
                install(home.resolve(file));
            }
        } catch (IOException e) {
            System.err.println("ucfront-server: configuration error: " + e.getMessage());
            System.exit(2);
        }
        if (System.getProperty("ucfront.data.dir") == null) {
            System.setProperty("ucfront.data.dir", home.resolve("data").toString());
        }
        System.setProperty("catalina.home", home.toString());
        System.setProperty("catalina.base", home.toString());
        // JDK 9+: ServiceLoader would otherwise find no application router provider (RUNTIME-RECIPE)
        System.setProperty(ROUTER_PROVIDER_PROPERTY, DEFAULT_ROUTER_PROVIDER);

        String unavailable = unavailablePort();
        if (unavailable != null) {
            System.err.println("ucfront-server: configuration error: " + unavailable);
            System.exit(2);
        }
        StandaloneTls tls = null;
        try {
            tls = StandaloneTls.prepare(home);
        } catch (UcfrontConfig.InvalidConfigException | IOException e) {
            System.err.println("ucfront-server: configuration error: " + e.getMessage());
            System.exit(2);
        }

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
     * Tomcat logs a connector it cannot bind and runs on without it; the server refuses to start
     * instead, with the line an administrator needs (as the embedded launcher does).
     */
    static String unavailablePort() {
        String sipAddress = System.getProperty("ucfront.sip.address");
        String sipPort = System.getProperty("ucfront.sip.port");
        String httpAddress = System.getProperty("ucfront.http.address");
        String httpPort = System.getProperty("ucfront.http.port");
        try {
            InetSocketAddress sip = new InetSocketAddress(InetAddress.getByName(sipAddress), Integer.parseInt(sipPort));
            InetSocketAddress http = new InetSocketAddress(InetAddress.getByName(httpAddress), Integer.parseInt(httpPort));
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.bind(sip);
            } catch (IOException e) {
                return "ucfront.sip.port=" + sipPort + ": TCP " + sipAddress + ":" + sipPort + " is taken or not bindable ("
                        + e.getMessage() + ")";
            }
            try (DatagramSocket udp = new DatagramSocket(sip)) {
                udp.getLocalPort();
            } catch (IOException e) {
                return "ucfront.sip.port=" + sipPort + ": UDP " + sipAddress + ":" + sipPort + " is taken or not bindable ("
                        + e.getMessage() + ")";
            }
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.bind(http);
            } catch (IOException e) {
                return "ucfront.http.port=" + httpPort + ": " + httpAddress + ":" + httpPort + " is taken or not bindable ("
                        + e.getMessage() + ")";
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return "ucfront.sip.address/.sip.port/.http.address/.http.port (" + sipAddress + ":" + sipPort + ", "
                    + httpAddress + ":" + httpPort + ") are not a usable address and port: " + e;
        }
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
