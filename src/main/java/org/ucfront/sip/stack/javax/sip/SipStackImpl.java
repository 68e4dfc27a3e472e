package org.ucfront.sip.stack.javax.sip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPClientTransaction;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.PeerUnavailableException;
import org.ucfront.sip.stack.ParserNesting;
import org.ucfront.sip.stack.SigningTransactions;

/**
 * ucfront's JAIN SIP stack: the reference stack whose transactions sign what the stack sends by
 * itself ({@link SigningTransactions}). JAIN SIP finds a stack by its path name
 * ({@code <path>.javax.sip.SipStackImpl}, {@link SigningTransactions#PATH_NAME}); the SIP servlet
 * container is given that name.
 */
public class SipStackImpl extends gov.nist.javax.sip.SipStackImpl {

    public SipStackImpl(Properties properties) throws PeerUnavailableException {
        super(properties);
        ParserNesting.disarm();
    }

    @Override
    public SIPClientTransaction createClientTransaction(SIPRequest request, MessageChannel channel) {
        SIPClientTransaction ct = SigningTransactions.client(this, channel);
        ct.setOriginalRequest(request);
        return ct;
    }

    @Override
    public SIPServerTransaction createServerTransaction(MessageChannel channel) {
        return shedsLoad() ? null : SigningTransactions.server(this, channel);
    }

    /**
     * The stack's own overload rule for new server transactions (gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS):
     * between the low- and high-water marks of the transaction table, a growing share of new
     * requests is refused, all of them at the high-water mark.
     */
    private boolean shedsLoad() {
        if (unlimitedServerTransactionTableSize) {
            return false;
        }
        double share = (double) (getServerTransactionTableSize() - serverTransactionTableLowaterMark)
                / (serverTransactionTableHighwaterMark - serverTransactionTableLowaterMark);
        return ThreadLocalRandom.current().nextDouble() < share;
    }
}
