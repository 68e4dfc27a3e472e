package org.ucfront.launcher;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What would otherwise break deep inside the containers, checked before they start, each failure
 * one {@link UcfrontConfig.InvalidConfigException} line naming the setting: shared by the
 * embedded launcher and the standalone server (Tomcat alone logs a connector it cannot bind and
 * runs on without it).
 */
public final class StartChecks {

    private StartChecks() {
    }

    /** The data directory exists (made if missing) and this account can write into it. */
    public static void dataDir(UcfrontConfig config) {
        try {
            Files.createDirectories(config.dataDir);
            Path probe = Files.createTempFile(config.dataDir, ".write", ".probe");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UcfrontConfig.InvalidConfigException(
                    "ucfront.data.dir=" + config.dataDir + " is not a writable directory (" + e.getMessage() + ")");
        }
    }

    /** The SIP port (UDP and TCP) and the admin HTTP port are free on their addresses. */
    public static void ports(UcfrontConfig config) {
        InetAddress sip = address("ucfront.sip.address", config.sipAddress);
        InetAddress http = address("ucfront.http.address", config.httpAddress);
        tcpPort("ucfront.sip.port", sip, config.sipAddress, config.sipPort, "TCP ");
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(sip, config.sipPort))) {
            udp.getLocalPort();
        } catch (IOException e) {
            throw new UcfrontConfig.InvalidConfigException("ucfront.sip.port=" + config.sipPort
                    + ": UDP " + config.sipAddress + ":" + config.sipPort + " is taken or not bindable (" + e.getMessage() + ")");
        }
        tcpPort("ucfront.http.port", http, config.httpAddress, config.httpPort, "");
    }

    /** A TCP port (the setting {@code key}) is free on its address. */
    public static void tcpPort(String key, InetAddress bind, String address, int port, String what) {
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.bind(new InetSocketAddress(bind, port));
        } catch (IOException e) {
            throw new UcfrontConfig.InvalidConfigException(key + "=" + port + ": " + what + address + ":" + port
                    + " is taken or not bindable (" + e.getMessage() + ")");
        }
    }

    public static InetAddress address(String key, String address) {
        try {
            return InetAddress.getByName(address);
        } catch (IOException e) {
            throw new UcfrontConfig.InvalidConfigException(key + "=" + address + " is not a usable address");
        }
    }
}
