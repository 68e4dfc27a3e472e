package org.ucfront.launcher;

import java.io.File;
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
        StartChecks.dataDir(config);
        ProvisioningSettings.load(config.domain); // its settings fail the start too, not the first SUBSCRIBE
        DirectorySettings.load(config.domain);
        PoolSettings.load(config.domain); // likewise the pool and user-services health settings
        AuthenticationSettings.load(config.domain); // and the authentication schemes
        TlsSettings tls = TlsSettings.load(config);
        StartChecks.ports(config);
        if (tls.port() != 0) {
            StartChecks.tcpPort(TlsSettings.PORT, StartChecks.address("ucfront.sip.address", config.sipAddress),
                    config.sipAddress, tls.port(), "TCP ");
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
