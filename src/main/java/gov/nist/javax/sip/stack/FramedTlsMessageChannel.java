package gov.nist.javax.sip.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

/** The stack's TLS channel, read by {@link FramedReading} once its handshake is done. */
public class FramedTlsMessageChannel extends TLSMessageChannel {

    /** An accepted connection; its reading thread, which makes the handshake, starts here. */
    FramedTlsMessageChannel(Socket socket, SIPTransactionStack stack, TLSMessageProcessor processor, String threadName)
            throws IOException {
        super(socket, stack, processor, threadName);
    }

    /** A connection to open when the first message is sent, which starts its reading thread. */
    FramedTlsMessageChannel(InetAddress address, int port, SIPTransactionStack stack, TLSMessageProcessor processor)
            throws IOException {
        super(address, port, stack, processor);
    }

    /** The handshake, as the stack's TLS channel makes it on this thread (JSIP-415), then the reading. */
    @Override
    public void run() {
        if (mySock instanceof SSLSocket ssl && !isHandshakeCompleted()) {
            HandshakeCompletedListenerImpl listener = new HandshakeCompletedListenerImpl(this, ssl);
            setHandshakeCompletedListener(listener);
            ssl.addHandshakeCompletedListener(listener);
            listener.startHandshakeWatchdog();
            try {
                ssl.startHandshake();
                setHandshakeCompleted(true);
                if (!getSIPStack().isSslRenegotiationEnabled()) { // CVE-2011-1473: no renegotiation
                    ssl.getSession().invalidate();
                    ssl.setEnableSessionCreation(false);
                }
            } catch (IOException failed) {
                ssl.removeHandshakeCompletedListener(listener);
                setHandshakeCompletedListener(null);
                closeQuietly();
                return;
            }
        }
        FramedReading.run(this);
    }

    private void closeQuietly() {
        try {
            myClientInputStream.close();
        } catch (IOException ignored) {
            // closing
        } finally {
            myClientInputStream = null;
        }
        try {
            mySock.close();
        } catch (IOException ignored) {
            // closing
        } finally {
            mySock = null;
        }
    }
}
