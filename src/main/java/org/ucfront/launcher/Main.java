package org.ucfront.launcher;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ucfront.directory.ldap.model.DirectorySettings;
import org.ucfront.provisioning.model.ProvisioningSettings;
import org.ucfront.registrar.model.PoolSettings;
import org.ucfront.security.AuthenticationSettings;

/**
 * Starts ucfront on the embedded runtime: validates the configuration, migrates the database,
 * starts the EJB container, then the SIP container with the application. Any invalid setting
 * stops the start with one line that says what is wrong.
 */
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        UcfrontConfig config;
        try {
            config = UcfrontConfig.load();
            Path home = Paths.get(System.getProperty("ucfront.home", ".")).toAbsolutePath().normalize();
            checkStartable(config, home);
            if (config.auth == UcfrontConfig.AuthMode.NONE) {
                LOG.warning("*** ucfront.auth=none: REGISTER is NOT authenticated; anyone can register as any user."
                        + " For lab use only. ***");
            }
            Server server = Server.start(config, home);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "ucfront-shutdown"));
            LOG.info(String.format("ucfront ready in %d ms: SIP %s:%d (udp, tcp), domain %s, admin http://%s:%d/",
                    (System.nanoTime() - started) / 1_000_000, config.sipAddress, config.sipPort, config.domain,
                    config.httpAddress, config.httpPort));
        } catch (UcfrontConfig.InvalidConfigException e) {
            System.err.println("ucfront: configuration error: " + e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "ucfront failed to start", e);
            System.err.println("ucfront: failed to start: " + e);
            System.exit(1);
        }
    }

    /** Fails fast, with one clear line, on what would otherwise break deep inside the containers. */
    static void checkStartable(UcfrontConfig config, Path home) {
        if (!Files.isDirectory(home.resolve("webapps/ucfront/WEB-INF"))) {
            throw new UcfrontConfig.InvalidConfigException("ucfront.home=" + home
                    + " holds no webapps/ucfront application; run bin/ucfront from the distribution");
        }
        try {
            Files.createDirectories(config.dataDir);
            Path probe = Files.createTempFile(config.dataDir, ".write", ".probe");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UcfrontConfig.InvalidConfigException(
                    "ucfront.data.dir=" + config.dataDir + " is not a writable directory (" + e.getMessage() + ")");
        }
        ProvisioningSettings.load(config.domain); // its settings fail the start too, not the first SUBSCRIBE
        DirectorySettings.load(config.domain);
        PoolSettings.load(config.domain); // likewise the pool and user-services health settings
        AuthenticationSettings.load(config.domain); // and the authentication schemes
        TlsSettings tls = TlsSettings.load(config);
        InetAddress sip = resolve("ucfront.sip.address", config.sipAddress);
        InetAddress http = resolve("ucfront.http.address", config.httpAddress);
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.bind(new InetSocketAddress(sip, config.sipPort));
        } catch (IOException e) {
            throw new UcfrontConfig.InvalidConfigException("ucfront.sip.port=" + config.sipPort
                    + ": TCP " + config.sipAddress + ":" + config.sipPort + " is taken or not bindable (" + e.getMessage() + ")");
        }
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(sip, config.sipPort))) {
            udp.getLocalPort();
        } catch (IOException e) {
            throw new UcfrontConfig.InvalidConfigException("ucfront.sip.port=" + config.sipPort
                    + ": UDP " + config.sipAddress + ":" + config.sipPort + " is taken or not bindable (" + e.getMessage() + ")");
        }
        if (tls.port() != 0) {
            try (ServerSocket tcp = new ServerSocket()) {
                tcp.bind(new InetSocketAddress(sip, tls.port()));
            } catch (IOException e) {
                throw new UcfrontConfig.InvalidConfigException(TlsSettings.PORT + "=" + tls.port() + ": TCP "
                        + config.sipAddress + ":" + tls.port() + " is taken or not bindable (" + e.getMessage() + ")");
            }
        }
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.bind(new InetSocketAddress(http, config.httpPort));
        } catch (IOException e) {
            throw new UcfrontConfig.InvalidConfigException("ucfront.http.port=" + config.httpPort
                    + ": " + config.httpAddress + ":" + config.httpPort + " is taken or not bindable (" + e.getMessage() + ")");
        }
    }

    private static InetAddress resolve(String key, String address) {
        try {
            return InetAddress.getByName(address);
        } catch (IOException e) {
            throw new UcfrontConfig.InvalidConfigException(key + "=" + address + " is not a usable address");
        }
    }

    /** The jar or class directory holding the application's beans. */
    static File applicationModule() {
        try {
            return new File(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
