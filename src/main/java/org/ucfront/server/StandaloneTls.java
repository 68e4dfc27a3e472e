package org.ucfront.server;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.logging.Logger;
import org.apache.catalina.Service;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Catalina;
import org.mobicents.servlet.sip.catalina.SipStandardService;
import org.ucfront.launcher.StartChecks;
import org.ucfront.launcher.TlsSettings;
import org.ucfront.launcher.UcfrontConfig;

/**
 * The standalone server's SIP TLS connector, from the same {@code ucfront.tls.*} settings as the
 * embedded server ({@link TlsSettings}: key and trust stores, TLS 1.2+, AEAD suites, handshake
 * deadline; a generated self-signed certificate when no key store is configured). The TLS
 * properties join the stack's ({@link SipStackSettings}, in memory: the key store password is
 * written nowhere). The connector itself is added once server.xml is loaded, on
 * {@code ucfront.sip.address}.
 */
final class StandaloneTls {

    private static final Logger LOG = Logger.getLogger(StandaloneTls.class.getName());

    static final String SIP_ADDRESS = "ucfront.sip.address";
    static final String SIP_PORT = "ucfront.sip.port";
    static final String DATA_DIR = "ucfront.data.dir";
    static final String SIP_PROTOCOL_HANDLER = "org.mobicents.servlet.sip.startup.SipProtocolHandler";

    private final TlsSettings settings;
    private final String address;

    private StandaloneTls(TlsSettings settings, String address) {
        this.settings = settings;
        this.address = address;
    }

    /**
     * Reads the settings (installed as system properties), makes the key store if it is to be
     * generated, checks the port is free.
     *
     * @throws UcfrontConfig.InvalidConfigException naming the setting that is wrong
     */
    static StandaloneTls prepare() {
        String address = System.getProperty(SIP_ADDRESS);
        Path dataDir = Paths.get(System.getProperty(DATA_DIR)).toAbsolutePath().normalize();
        TlsSettings tls;
        try {
            tls = TlsSettings.load(Integer.parseInt(System.getProperty(SIP_PORT)), System::getProperty)
                    .withGeneratedKeyStore(dataDir, fqdn());
        } catch (NumberFormatException e) {
            throw new UcfrontConfig.InvalidConfigException(SIP_PORT + "=" + System.getProperty(SIP_PORT)
                    + " is not a whole number");
        }
        if (tls.port() != 0) {
            StartChecks.tcpPort(TlsSettings.PORT, StartChecks.address(SIP_ADDRESS, address), address, tls.port(), "TCP ");
        }
        return new StandaloneTls(tls, address);
    }

    /** Adds the stack's TLS properties (key and trust stores, protocols, suites, handshake deadline). */
    void applyTo(Properties stack) {
        settings.applyTo(stack);
    }

    /**
     * The name clients connect to, which the generated certificate is issued for: as the
     * application's AuthenticationSettings choose it (ucfront.auth.fqdn, else the pool FQDN, else
     * the SIP domain), read here because that class is the application's, not the server's.
     */
    static String fqdn() {
        for (String key : new String[] {"ucfront.auth.fqdn", "ucfront.pool.fqdn", "ucfront.domain"}) {
            String v = System.getProperty(key, System.getenv(key.toUpperCase(java.util.Locale.ROOT).replace('.', '_')));
            if (v != null && !v.isBlank()) {
                return v.trim().toLowerCase(java.util.Locale.ROOT);
            }
        }
        return "localhost";
    }

    /** Adds the TLS connector to the loaded SIP service (before it starts). */
    void addConnector(Catalina catalina) {
        if (settings.port() == 0) {
            return;
        }
        for (Service service : catalina.getServer().findServices()) {
            if (service instanceof SipStandardService) {
                Connector sips = new Connector(SIP_PROTOCOL_HANDLER);
                sips.setProperty("ipAddress", address);
                sips.setPort(settings.port());
                sips.setProperty("signalingTransport", "tls");
                service.addConnector(sips);
                LOG.info("SIP over TLS on " + address + ":" + settings.port() + " (TLS 1.2+, handshake within "
                        + settings.handshakeTimeoutMillis() + " ms)");
            }
        }
    }
}
