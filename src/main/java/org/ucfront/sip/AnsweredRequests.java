package org.ucfront.sip;

import javax.servlet.sip.SipServletRequest;
import javax.sip.Transaction;
import org.mobicents.servlet.sip.core.session.MobicentsSipSession;
import org.mobicents.servlet.sip.message.SipServletMessageImpl;

/**
 * A request answered for good, whose sessions are invalidated at once (REGISTER, OPTIONS: no
 * dialog), handed over to its server transaction alone. The transaction must live on: over UDP a
 * non-INVITE server transaction stays 32 s after its final response (RFC 3261 §17.2.2, Timer J) to
 * send that response again to each retransmission of the request, which must not be processed
 * again. Two things stood in the way:
 * <ul>
 * <li>invalidating the application session terminates the session's ongoing transactions: the
 * retransmission then found a terminated transaction and was dropped unanswered (the client kept
 * retransmitting until its Timer F, 32 s);
 * <li>the transaction's application data kept the parsed request, its responses and the
 * invalidated sessions for those 32 s (about 15 KB per transaction, two per Digest registration),
 * which bounded UDP REGISTER rates by heap.
 * </ul>
 * So the transaction leaves its session before the invalidation, and forgets the container's data
 * (the stack keeps the encoded response, RELEASE_REFERENCES_STRATEGY=Normal; a terminated
 * transaction without data is only forgotten by the container).
 */
public final class AnsweredRequests {

    private AnsweredRequests() {
    }

    /** Call once the final response is sent, before invalidating the request's application session. */
    public static void release(SipServletRequest request) {
        if (request.isCommitted() && request instanceof SipServletMessageImpl message) {
            Transaction transaction = message.getTransaction();
            if (transaction != null) {
                MobicentsSipSession session = message.getSipSession();
                if (session != null) {
                    session.removeOngoingTransaction(transaction);
                }
                transaction.setApplicationData(null);
            }
        }
    }
}
