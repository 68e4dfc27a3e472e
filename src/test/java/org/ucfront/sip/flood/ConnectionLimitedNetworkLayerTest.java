package org.ucfront.sip.flood;

import static org.junit.Assert.assertEquals;
import static org.junit.Assume.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class ConnectionLimitedNetworkLayerTest {

    private static final int CONNECTIONS = 300;

    /**
     * jain-sip opens its TCP listener with backlog 0: the kernel must still complete a burst of
     * connections that the accepting thread has not reached yet (with Java's default of 50 it drops
     * the SYNs beyond, and connect() waits for their retransmission).
     */
    @Test
    public void aBurstOfConnectionsIsCompletedBeforeAnyIsAccepted() throws Exception {
        Path cap = Path.of("/proc/sys/net/core/somaxconn"); // the kernel's cap on any backlog
        assumeTrue(!Files.isReadable(cap) || Integer.parseInt(Files.readString(cap).trim()) >= CONNECTIONS);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        List<Socket> clients = new ArrayList<>();
        try (ServerSocket listener = new ConnectionLimitedNetworkLayer().createServerSocket(0, 0, loopback)) {
            int connected = 0;
            try {
                for (int n = 0; n < CONNECTIONS; n++) {
                    Socket s = new Socket();
                    clients.add(s);
                    s.connect(new InetSocketAddress(loopback, listener.getLocalPort()), 2_000);
                    connected++;
                }
            } catch (SocketTimeoutException e) {
                // the backlog was full
            }
            assertEquals(CONNECTIONS, connected);
        } finally {
            for (Socket s : clients) {
                s.close();
            }
        }
    }
}
