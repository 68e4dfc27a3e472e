package org.ucfront.sip.stack;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPClientTransactionImpl;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import javax.sip.message.Request;

/**
 * A client transaction that has the ACK it makes itself for an error response to its INVITE
 * (RFC 3261 §17.1.1.3) signed, on the association the INVITE was signed on.
 */
final class SigningClientTransaction extends SIPClientTransactionImpl {

    SigningClientTransaction(SIPTransactionStack stack, MessageChannel channel) {
        super(stack, channel);
    }

    @Override
    public void sendMessage(SIPMessage message) throws IOException {
        if (message instanceof SIPRequest r && Request.ACK.equals(r.getMethod()) && Unsigned.is(r)) {
            StackSignatures.sign(r, getOriginalRequest());
        }
        super.sendMessage(message);
    }
}
