package org.ucfront.sip;

import gov.nist.javax.sip.stack.ConnectionOrientedMessageChannel;
import gov.nist.javax.sip.stack.FramedTcpMessageProcessor;
import gov.nist.javax.sip.stack.FramedTlsMessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.PeerSockets;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The stack's default (blocking I/O) message processors, with TCP and TLS connection closes reported to
 * {@link ConnectionEvents} and connections read by ucfront's reader (gov.nist.javax.sip.stack.FramedReading:
 * a thread per connection that only frames, parsing on the stack's pool). Named in the stack property
 * gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY. Not the NIO processors: their parser drops
 * unparsable headers without a trace, and the registrar must answer those 400 (see UnparsedHeaders).
 * <p>
 * The stack keys connections by peer address and port; two of its ways with those keys lost a
 * connection. A channel is cached once, however many of its first messages are handled at once
 * ({@link #cache}). And a client may connect again from the address and port of a connection whose
 * close the stack has not processed yet: closing the older one dropped the newer one's socket
 * (every answer on it was lost), and its close removed the bindings the client had just registered
 * over the newer one. Now the newer connection keeps its socket, and the older one's close is not
 * reported: the bindings' address and port are the newer connection's ({@link #remove}).
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

    /**
     * What a processor's {@code remove(channel)} does: the stack's, then the close reported, unless a
     * newer channel has the same key (cached, or accepted and not yet cached), which keeps its socket.
     */
    static void remove(String transport, Map<String, ConnectionOrientedMessageChannel> cachedChannels,
            Map<String, ConnectionOrientedMessageChannel> acceptedChannels, ConnectionOrientedMessageChannel channel,
            Consumer<ConnectionOrientedMessageChannel> stack) {
        String key = channel.getKey();
        ConnectionOrientedMessageChannel cached = cachedChannels.get(key);
        ConnectionOrientedMessageChannel accepted = acceptedChannels.get(key);
        stack.accept(channel);
        if (accepted != null && accepted != channel) {
            acceptedChannels.put(key, accepted); // the stack removes by key
        }
        ConnectionOrientedMessageChannel newer = cached != null && cached != channel ? cached
                : accepted != null && accepted != channel ? accepted : null;
        if (newer == null) {
            closed(transport, channel);
        } else {
            PeerSockets.restore(newer);
        }
    }

    /**
     * What a processor's {@code cacheMessageChannel(channel)} does: the stack's (which closes an older
     * channel with the same key), unless {@code channel} is cached already. The stack caches a
     * channel while handling its first message, on a worker thread, after a check that is not atomic:
     * two of its first messages handled at once could both cache it, and the second closed the channel
     * as an older one.
     */
    static void cache(Map<String, ConnectionOrientedMessageChannel> cached, ConnectionOrientedMessageChannel channel,
            Consumer<ConnectionOrientedMessageChannel> stack) {
        ConnectionOrientedMessageChannel older = cached.get(channel.getKey());
        if (older == channel) {
            return;
        }
        stack.accept(channel);
        if (older != null) { // closed by the stack, which dropped this channel's socket with it
            PeerSockets.restore(channel);
        }
    }

    static void closed(String transport, ConnectionOrientedMessageChannel channel) {
        try {
            ConnectionEvents.closed(new ConnectionEvents.Closed(transport, channel.getPeerAddress(), channel.getPeerPort()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "handling the close of " + channel.getPeerAddress() + ":" + channel.getPeerPort(), e);
        }
    }

    static final class WatchingTlsProcessor extends FramedTlsMessageProcessor {

        WatchingTlsProcessor(InetAddress address, SIPTransactionStack stack, int port) {
            super(address, stack, port);
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            ConnectionWatchingProcessorFactory.remove("tls", messageChannels, incomingMessageChannels, channel,
                    super::remove);
        }

        @Override
        protected synchronized void cacheMessageChannel(ConnectionOrientedMessageChannel channel) {
            cache(messageChannels, channel, super::cacheMessageChannel);
        }
    }

    static final class WatchingTcpProcessor extends FramedTcpMessageProcessor {

        WatchingTcpProcessor(InetAddress address, SIPTransactionStack stack, int port) {
            super(address, stack, port);
        }

        @Override
        protected synchronized void remove(ConnectionOrientedMessageChannel channel) {
            ConnectionWatchingProcessorFactory.remove("tcp", messageChannels, incomingMessageChannels, channel,
                    super::remove);
        }

        @Override
        protected synchronized void cacheMessageChannel(ConnectionOrientedMessageChannel channel) {
            cache(messageChannels, channel, super::cacheMessageChannel);
        }
    }
}
