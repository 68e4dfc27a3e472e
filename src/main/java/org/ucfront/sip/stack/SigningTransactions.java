package org.ucfront.sip.stack;

import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPClientTransaction;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;

/** The transactions of ucfront's stack (org.ucfront.sip.stack.javax.sip.SipStackImpl). */
public final class SigningTransactions {

    /** The JAIN SIP path name of ucfront's stack, given to the SIP servlet container (sipPathName). */
    public static final String PATH_NAME = "org.ucfront.sip.stack";

    private SigningTransactions() {
    }

    public static SIPServerTransaction server(SIPTransactionStack stack, MessageChannel channel) {
        return new SigningServerTransaction(stack, channel);
    }

    public static SIPClientTransaction client(SIPTransactionStack stack, MessageChannel channel) {
        return new SigningClientTransaction(stack, channel);
    }
}
