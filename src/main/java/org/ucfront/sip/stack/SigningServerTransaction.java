package org.ucfront.sip.stack;

import gov.nist.javax.sip.ReleaseReferencesStrategy;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPServerTransactionImpl;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import javax.sip.message.Request;

/**
 * A server transaction that has its final responses signed when nothing signed them before: those
 * the container sends by itself (the 200 and 487 answering a CANCEL, JSR 289 §10.2.6 / §6.2.1.1).
 * Provisional responses stay unsigned, as OCS sends them; retransmissions keep their signature.
 */
final class SigningServerTransaction extends SIPServerTransactionImpl {

    SigningServerTransaction(SIPTransactionStack stack, MessageChannel channel) {
        super(stack, channel);
    }

    @Override
    public void sendMessage(SIPMessage message) throws IOException {
        if (message instanceof SIPResponse r && r.getStatusCode() >= 200 && Unsigned.is(r)) {
            StackSignatures.sign(r, getOriginalRequest());
        }
        super.sendMessage(message);
    }

    /**
     * A REGISTER over a stream ends with its final response (Timer J is 0, RFC 3261 §17.2.2) and
     * makes no dialog that could keep the transaction: the stack's release strategy would only
     * encode the request again into bytes nobody reads (2.7 % of the CPU samples of a REGISTER
     * load over TCP), so this transaction keeps its parsed request until it is collected.
     */
    @Override
    public void setOriginalRequest(SIPRequest request) {
        super.setOriginalRequest(request);
        if (isReliable() && Request.REGISTER.equals(request.getMethod())) {
            setReleaseReferencesStrategy(ReleaseReferencesStrategy.None);
        }
    }

    /**
     * jain-sip's cleanUp (RELEASE_REFERENCES_STRATEGY=Normal) parses the request again from its
     * kept bytes, only to drop it a few lines further: a second parse of every request over TCP.
     * The bytes are hidden from it meanwhile and kept, so {@link #getRequest()} still parses them
     * on demand.
     */
    @Override
    public void cleanUp() {
        byte[] kept = originalRequest == null ? originalRequestBytes : null;
        if (kept == null) {
            super.cleanUp();
            return;
        }
        originalRequestBytes = null;
        try {
            super.cleanUp();
        } finally {
            originalRequestBytes = kept;
        }
    }
}
