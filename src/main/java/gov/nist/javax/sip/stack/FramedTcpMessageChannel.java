package gov.nist.javax.sip.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/** The stack's TCP channel, read by {@link FramedReading}. */
public class FramedTcpMessageChannel extends TCPMessageChannel {

    /** An accepted connection; its reading thread starts here. */
    FramedTcpMessageChannel(Socket socket, SIPTransactionStack stack, TCPMessageProcessor processor, String threadName)
            throws IOException {
        super(socket, stack, processor, threadName);
    }

    /** A connection to open when the first message is sent, which starts its reading thread. */
    FramedTcpMessageChannel(InetAddress address, int port, SIPTransactionStack stack, TCPMessageProcessor processor)
            throws IOException {
        super(address, port, stack, processor);
    }

    @Override
    public void run() {
        FramedReading.run(this);
    }
}
