package gov.nist.javax.sip.stack;

import gov.nist.core.HostPort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The stack's TCP processor with its channels, accepted and opened, read by {@link FramedReading}
 * ({@link FramedTcpMessageChannel}); otherwise as the stack's.
 */
public class FramedTcpMessageProcessor extends TCPMessageProcessor {

    private static final Logger LOG = Logger.getLogger(FramedTcpMessageProcessor.class.getName());

    protected FramedTcpMessageProcessor(InetAddress address, SIPTransactionStack stack, int port) {
        super(address, stack, port);
    }

    /** Accepts connections, as the stack's run() does, each read by a {@link FramedTcpMessageChannel}. */
    @Override
    public void run() {
        while (isRunning) {
            try {
                if (!FramedReading.acceptSlot(this)) {
                    return;
                }
                Socket socket = sock.accept();
                FramedTcpMessageChannel channel = new FramedTcpMessageChannel(socket, sipStack, this,
                        "TCPMessageChannelThread-" + nConnections);
                incomingMessageChannels.put(channel.getKey(), channel);
            } catch (SocketException closed) {
                isRunning = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                LOG.log(Level.FINE, "accepting a connection", e);
            }
        }
    }

    @Override
    public synchronized MessageChannel createMessageChannel(HostPort target) throws IOException {
        return FramedReading.cached(messageChannels, MessageChannel.getKey(target, "TCP"),
                () -> new FramedTcpMessageChannel(target.getInetAddress(), target.getPort(), sipStack, this));
    }

    @Override
    public synchronized MessageChannel createMessageChannel(InetAddress host, int port) throws IOException {
        return FramedReading.cached(messageChannels, MessageChannel.getKey(host, port, "TCP"),
                () -> new FramedTcpMessageChannel(host, port, sipStack, this));
    }
}
