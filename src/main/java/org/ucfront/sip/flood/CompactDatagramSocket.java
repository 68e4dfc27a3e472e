package org.ucfront.sip.flood;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;

/**
 * The SIP UDP socket, whose received datagrams keep only their own bytes. jain-sip receives every
 * datagram into a new 64 KB buffer and queues it for its worker threads; under overload that queue
 * held thousands of 64 KB buffers for a few hundred bytes each, the receiving thread died of an
 * OutOfMemoryError and UDP stayed deaf until a restart. Here the datagram is received into one
 * buffer and handed on as an exact-size copy.
 */
final class CompactDatagramSocket extends DatagramSocket {

    /** The largest UDP payload (RFC 768 length field, minus the IP and UDP headers). */
    private static final int MAX_DATAGRAM = 65_507;

    private final DatagramPacket scratch = new DatagramPacket(new byte[MAX_DATAGRAM], MAX_DATAGRAM);

    CompactDatagramSocket(int port, InetAddress address) throws SocketException {
        super(new InetSocketAddress(address, port));
    }

    @Override
    public void receive(DatagramPacket packet) throws IOException {
        synchronized (scratch) {
            scratch.setLength(Math.min(MAX_DATAGRAM, packet.getData().length));
            super.receive(scratch);
            packet.setData(Arrays.copyOf(scratch.getData(), scratch.getLength()));
            packet.setSocketAddress(scratch.getSocketAddress());
        }
    }
}
