package gov.nist.javax.sip.stack;

import gov.nist.core.HostPort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;

/**
 * The stack's TLS processor with its channels, accepted and opened, read by {@link FramedReading}
 * ({@link FramedTlsMessageChannel}); otherwise as the stack's.
 */
public class FramedTlsMessageProcessor extends TLSMessageProcessor {

    private static final Logger LOG = Logger.getLogger(FramedTlsMessageProcessor.class.getName());

    protected FramedTlsMessageProcessor(InetAddress address, SIPTransactionStack stack, int port) {
        super(address, stack, port);
    }

    /** Accepts connections, as the stack's run() does, each read by a {@link FramedTlsMessageChannel}. */
    @Override
    public void run() {
        while (isRunning) {
            Socket socket;
            try {
                if (!FramedReading.acceptSlot(this)) {
                    return;
                }
                socket = sock.accept();
            } catch (SocketException | SSLException e) { // the server socket is closed or unusable
                if (isRunning) {
                    LOG.log(Level.SEVERE, "accepting TLS connections", e);
                }
                isRunning = false;
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                LOG.log(Level.FINE, "accepting a TLS connection", e);
                continue;
            }
            if (isRunning) {
                try {
                    FramedTlsMessageChannel channel = new FramedTlsMessageChannel(socket, sipStack, this,
                            "TLSMessageChannelThread-" + nConnections);
                    if (channel.isHandshakeCompleted()) {
                        incomingMessageChannels.put(channel.getKey(), channel);
                    }
                } catch (IOException e) {
                    LOG.log(Level.FINE, "a TLS connection", e);
                }
            }
        }
    }

    @Override
    public synchronized MessageChannel createMessageChannel(HostPort target) throws IOException {
        return FramedReading.cached(messageChannels, MessageChannel.getKey(target, "TLS"),
                () -> new FramedTlsMessageChannel(target.getInetAddress(), target.getPort(), sipStack, this));
    }

    @Override
    public synchronized MessageChannel createMessageChannel(InetAddress host, int port) throws IOException {
        return FramedReading.cached(messageChannels, MessageChannel.getKey(host, port, "TLS"),
                () -> new FramedTlsMessageChannel(host, port, sipStack, this));
    }
}
