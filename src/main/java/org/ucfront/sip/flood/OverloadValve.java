package org.ucfront.sip.flood;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.PostParseExecutorServices;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.util.concurrent.ThreadPoolExecutor;
import javax.sip.SipStack;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.message.Request;
import org.ucfront.sip.CallIdOrdering;
import org.ucfront.sip.ValveAnswer;

/**
 * Overload refused with an answer instead of silence. The stack refuses a new server transaction
 * once its table holds gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS (at random from 80% of it) by
 * dropping the request: UDP clients then retransmit into the overload, and the server looked dead.
 * From {@link #SHED_PERCENT} of that cap (ucfront.sip.max.server.transactions is those 80%), a
 * request that starts a new transaction is answered 503 with Retry-After statelessly (RFC 3261
 * §21.5.4; RFC 7339's overload control is not negotiated by Lync clients), which costs no
 * transaction; retransmissions of admitted requests still reach their transaction and get its
 * answer again (§17.2.2). The table empties as transactions end (over UDP 32 s after their
 * answer), and new requests are served again from then on.
 *
 * <p>Over TCP and TLS nothing fills that table: requests read from a connection wait in the stack's
 * queue for a worker, and an overloaded server (or a JIT-cold one given a full load) answered them
 * later and later until every client had timed out. Once the oldest message in that queue has
 * waited more than {@code ucfront.sip.max.queue.delay.ms}, a new request without credentials is
 * answered 503 the same way when it reaches a worker, so the queue drains at the cost of a 503;
 * beyond twice that, every new request. A REGISTER that answers a challenge is admitted longer
 * because its first half (the 401) is already paid for. The bound is a time, not a length: a
 * collector's pause queues thousands of messages on a fast server without overloading it, while
 * on a slow one a few hundred are already seconds of work.
 */
public class OverloadValve implements SIPMessageValve {

    /** ucfront's ErrorId for a request refused by overload (ucfront's own range, see RegisterError). */
    static final int ERROR_ID = 60209;
    static final String REASON = "Server overloaded.";
    /** The stack's own random refusals start at 80% of its cap (SipStackImpl's low-water mark). */
    static final int SHED_PERCENT = 80;
    /** Long enough for the table to drain by a good part: UDP transactions end 32 s after their answer. */
    static final int RETRY_AFTER_SECONDS = 10;

    /** The stack property (set from ucfront.sip.max.queue.delay.ms) of the TCP/TLS queue bound. */
    public static final String MAX_QUEUE_DELAY_MS = "org.ucfront.sip.MAX_QUEUE_DELAY_MS";

    private SIPTransactionStack stack;
    private int shedAt = Integer.MAX_VALUE;
    private long maxDelayMillis;

    @Override
    public void init(SipStack sipStack) {
        stack = (SIPTransactionStack) sipStack;
        String cap = property("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS");
        if (cap != null) {
            shedAt = (int) (Long.parseLong(cap) * SHED_PERCENT / 100);
        }
        String delay = property(MAX_QUEUE_DELAY_MS);
        maxDelayMillis = delay == null ? 0 : Long.parseLong(delay);
    }

    /** A property the stack was configured with, or null. */
    private String property(String name) {
        return stack instanceof gov.nist.javax.sip.SipStackImpl s && s.getConfigurationProperties() != null
                ? s.getConfigurationProperties().getProperty(name) : null;
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        if (stack.getServerTransactionTableSize() < shedAt
                && !backlogged(queueDelayMillis(), maxDelayMillis, hasCredentials(request))) {
            return true;
        }
        String method = request.getMethod();
        if (Request.ACK.equals(method) || Request.CANCEL.equals(method)
                || stack.findTransaction(request.getTransactionId(), true) != null) {
            return true; // part of an admitted transaction: a retransmission gets its answer again
        }
        ValveAnswer.unavailable(request, channel, RETRY_AFTER_SECONDS, ERROR_ID, REASON);
        return false;
    }

    /** Whether a request meets too long a queue of messages read over TCP/TLS (see the class comment). */
    static boolean backlogged(long delayMillis, long maxDelayMillis, boolean credentials) {
        return maxDelayMillis > 0 && (delayMillis > 2 * maxDelayMillis || delayMillis > maxDelayMillis && !credentials);
    }

    /**
     * How long the oldest message read over TCP/TLS has waited for a worker (jain-sip's post-parse
     * pool, shared by all connections), in ms.
     */
    private static long queueDelayMillis() {
        return PostParseExecutorServices.getPostParseExecutor() instanceof ThreadPoolExecutor pool
                ? CallIdOrdering.waitedMillis(pool.getQueue().peek()) : 0;
    }

    private static boolean hasCredentials(SIPRequest request) {
        return request.getHeader(AuthorizationHeader.NAME) != null
                || request.getHeader(ProxyAuthorizationHeader.NAME) != null;
    }

    @Override
    public boolean processResponse(javax.sip.message.Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void destroy() {
    }
}
