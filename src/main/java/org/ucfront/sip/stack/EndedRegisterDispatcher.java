package org.ucfront.sip.stack;

import javax.sip.ServerTransaction;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import org.mobicents.servlet.sip.core.SipApplicationDispatcherImpl;
import org.mobicents.servlet.sip.core.session.MobicentsSipSession;
import org.mobicents.servlet.sip.message.SipServletMessageImpl;
import org.mobicents.servlet.sip.message.TransactionApplicationData;

/**
 * The container's dispatcher, except at the end of a REGISTER's server transaction: the container
 * hands every terminated transaction to its executor, which detaches it from its session and then
 * invalidates the session if nothing else holds it. The registrar invalidates a REGISTER's session
 * itself once it has answered (RegistrarServlet.doRegister), so here the transaction is only
 * detached, on the thread that ended it. Over TCP that is the thread sending the final response
 * (Timer J is 0). The hand-off, the executor's work and the thread it woke were about 8 % of the
 * CPU samples of a Digest REGISTER load over TCP (two transactions per registration). A REGISTER
 * the container answered without the registrar leaves its session to the application session's
 * timeout (sip.xml: one minute).
 */
public class EndedRegisterDispatcher extends SipApplicationDispatcherImpl {

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        if (!event.isServerTransaction()) {
            super.processTransactionTerminated(event);
            return;
        }
        ServerTransaction transaction = event.getServerTransaction();
        if (!(transaction.getApplicationData() instanceof TransactionApplicationData data)
                || data.getProxyBranch() != null || !isRegister(data.getSipServletMessage())) {
            super.processTransactionTerminated(event);
            return;
        }
        MobicentsSipSession session = data.getSipServletMessage().getSipSession();
        if (session != null) {
            session.removeOngoingTransaction(transaction);
        }
        data.cleanUp();
        transaction.setApplicationData(null);
    }

    private static boolean isRegister(SipServletMessageImpl message) {
        return message != null && Request.REGISTER.equals(message.getMethod());
    }
}
