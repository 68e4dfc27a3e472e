package gov.nist.javax.sip.stack;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.PostParseExecutorServices;
import java.io.IOException;
import java.io.InputStream;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ucfront.sip.CallIdOrdering;
import org.ucfront.sip.StreamFraming;

/**
 * How ucfront reads a TCP or TLS connection, in place of the stack's reader
 * (ConnectionOrientedMessageChannel.run). The stack's read the socket on one thread and fed a second,
 * its parser's, through a synchronized pipe a byte at a time, with a new 1 KB array per header line;
 * that second thread parsed every message of the connection, so over one connection carrying every
 * client's requests (a front-end or a load generator) parsing was a single-threaded stage. Here the
 * connection's one thread only cuts the bytes into messages ({@link StreamFraming}); parsing and
 * processing run on the stack's TCP pool (gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE), one
 * Call-ID in order ({@link CallIdOrdering}). What the stack's reader did is kept: CRLF keepalives,
 * the size limit (the connection is closed), a parse error handled by the channel (a core header that
 * does not parse closes the connection), the close reported to the processor once the connection
 * ends, here after the messages already read. And the parser is given the bytes read, where the
 * stack's gave it the lines decoded and encoded again.
 */
final class FramedReading {

    private static final Logger LOG = Logger.getLogger(FramedReading.class.getName());
    /** How long a closed connection's messages already read may take before its close is processed. */
    private static final long FINISH_MILLIS = 5_000;

    private FramedReading() {
    }

    /** Opens a channel to a peer (not connected until its first message is sent). */
    interface Opening {
        ConnectionOrientedMessageChannel open() throws IOException;
    }

    /** The processor's cached channel of {@code key}, else a new one, cached (as the stack's processors do). */
    static MessageChannel cached(Map<String, ConnectionOrientedMessageChannel> channels, String key, Opening opening)
            throws IOException {
        ConnectionOrientedMessageChannel channel = channels.get(key);
        if (channel == null) {
            channel = opening.open();
            channels.put(key, channel);
            channel.isCached = true;
        }
        return channel;
    }

    /**
     * Waits, as the stack's processors do before each accept, while {@code processor} has its
     * gov.nist.javax.sip.MAX_CONNECTIONS (none by default), and counts the connection to accept;
     * false if the processor stopped meanwhile.
     */
    static boolean acceptSlot(ConnectionOrientedMessageProcessor processor) throws InterruptedException {
        synchronized (processor) {
            int max = processor.sipStack.maxConnections;
            while (max != -1 && processor.nConnections >= max) {
                processor.wait();
                if (!processor.isRunning) {
                    return false;
                }
            }
            processor.nConnections++;
            return true;
        }
    }

    /** Reads {@code channel}'s connection until it ends. */
    static void run(ConnectionOrientedMessageChannel channel) {
        SIPTransactionStack stack = channel.sipStack;
        ConnectionOrientedMessageProcessor processor = (ConnectionOrientedMessageProcessor) channel.messageProcessor;
        ExecutorService pool = PostParseExecutorServices.getPostParseExecutor();
        CallIdOrdering ordering = pool == null ? null : new CallIdOrdering(pool);
        MessageParser parser = stack.getMessageParserFactory().createMessageParser(stack);
        StreamFraming framing = new StreamFraming(stack.getMaxMessageSize());
        processor.useCount++;
        channel.isRunning = true;
        try {
            InputStream in = channel.myClientInputStream;
            while (framing.readFrom(in) != -1) {
                for (StreamFraming.Unit unit; (unit = framing.next()) != null;) {
                    if (unit instanceof StreamFraming.Message message) {
                        if (ordering == null) {
                            process(channel, parser, message);
                        } else {
                            ordering.execute(message.callId(), () -> process(channel, parser, message));
                        }
                    } else if (unit == StreamFraming.Keepalive.PING) {
                        pong(channel);
                    } else {
                        channel.cancelPingKeepAliveTimeoutTaskIfStarted();
                    }
                }
            }
        } catch (StreamFraming.TooLarge e) {
            LOG.fine(() -> "closing the connection of " + channel.getPeerAddress() + ":" + channel.getPeerPort() + ": "
                    + e.getMessage());
        } catch (IOException e) {
            // closed by the peer, by the idle timeout or by the stack
        } finally {
            finish(channel, processor, stack, ordering);
        }
    }

    /**
     * Answers a ping with a pong (RFC 5626 §3.5.1). The stack cannot send on a connection before its
     * first request has named the transport (Via); such a ping goes unanswered, as with the stack's
     * reader, and the connection stays open.
     */
    private static void pong(ConnectionOrientedMessageChannel channel) {
        try {
            channel.sendSingleCLRF();
        } catch (Exception e) {
            LOG.log(Level.FINE, "answering a keepalive", e);
        }
    }

    private static void finish(ConnectionOrientedMessageChannel channel, ConnectionOrientedMessageProcessor processor,
            SIPTransactionStack stack, CallIdOrdering ordering) {
        try {
            if (ordering != null) {
                ordering.awaitFinished(FINISH_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stack.maxConnections != -1) {
            synchronized (processor) {
                processor.nConnections--;
                processor.notify();
            }
        }
        channel.close();
        channel.isRunning = false;
        processor.remove(channel);
        processor.useCount--;
    }

    /** Parses and processes one message, as the stack's reader did after its parsing. */
    private static void process(ConnectionOrientedMessageChannel channel, MessageParser parser,
            StreamFraming.Message message) {
        SIPMessage sipMessage;
        try {
            sipMessage = parser.parseSIPMessage(message.head(), false, false, channel);
        } catch (ParseException e) {
            return; // refused by the channel, which closed the connection (TCPMessageChannel.handleException)
        }
        if (sipMessage == null) {
            return;
        }
        if (message.body().length == 0) {
            sipMessage.removeContent();
        } else {
            sipMessage.setMessageContent(message.body());
        }
        SIPEventInterceptor interceptor = channel.sipStack.sipEventInterceptor;
        try {
            if (interceptor != null) {
                interceptor.beforeMessage(sipMessage);
            }
            channel.processMessage(sipMessage);
            if (interceptor != null) {
                interceptor.afterMessage(sipMessage);
            }
        } catch (RuntimeException e) { // a fault of the stack's: its trace, without the message, which may quote the request
            LOG.log(Level.WARNING, "processing a message from " + channel.getPeerAddress() + ":" + channel.getPeerPort(),
                    withoutMessage(e));
        } catch (Exception e) { // refused by the stack, which answered it if it could (a CSeq method not the request's: 400)
            LOG.fine(() -> "a message from " + channel.getPeerAddress() + ":" + channel.getPeerPort() + " refused: "
                    + e.getClass().getName());
        }
    }

    /** {@code e}'s class and trace, without its message. */
    private static Throwable withoutMessage(Throwable e) {
        Throwable t = new Throwable(e.getClass().getName());
        t.setStackTrace(e.getStackTrace());
        return t;
    }
}
