package org.ucfront.sip;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.TCPMessageProcessor;
import gov.nist.javax.sip.stack.TLSMessageProcessor;
import java.io.IOException;
import java.net.InetAddress;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The stack's default (blocking I/O) message processors, with TCP and TLS connection closes reported to
 * {@link ConnectionEvents}. Named in the stack property gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY.
 * Not the NIO processors: their parser drops unparsable headers without a trace, and the
 * registrar must answer those 400 (see UnparsedHeaders).
 */
public class ConnectionWatchingProcessorFactory extends OIOMessageProcessorFactory {

    private static final Logger LOG = Logger.getLogger(ConnectionWatchingProcessorFactory.class.getName());

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port,
            String transport) throws IOException {
        if ("tcp".equalsIgnoreCase(transport)) {
            return new WatchingTcpProcessor(address, stack, port);
        }
        if ("tls".equalsIgnoreCase(transport)) {
            return new WatchingTlsProcessor(address, stack, port);
        }
        return super.createMessageProcessor(stack, address, port, transport);
    }

    static void closed(String transport, ConnectionOrientedMessageChannel channel) {
        try {
            ConnectionEvents.closed(new ConnectionEvents.Closed(transport, channel.getPeerAddress(), channel.getPeerPort()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "handling the close of " + channel.getPeerAddress() + ":" + channel.getPeerPort(), e);
        }
    }

    static final class WatchingTlsProcessor extends TLSMessageProcessor {

        WatchingTlsProcessor(InetAddress address, SIPTransactionStack stack, int port) {
            super(address, stack, port);
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            closed("tls", channel);
        }
    }

    static final class WatchingTcpProcessor extends TCPMessageProcessor {

        WatchingTcpProcessor(InetAddress address, SIPTransactionStack stack, int port) {
            super(address, stack, port);
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            super.remove(channel);
            closed("tcp", channel);
        }
    }
}
