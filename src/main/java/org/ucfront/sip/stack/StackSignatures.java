package org.ucfront.sip.stack;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Where the SIP stack has the messages it makes by itself signed (MS-SIPAE §3.3.5.3: every response
 * and request of the server on a security association is signed): the 200 and 487 the container
 * answers a CANCEL with, and the ACK of an error response. ucfront's transactions
 * ({@link SigningServerTransaction}, {@link SigningClientTransaction}) call here just before they
 * send; the authenticator in force listens.
 */
public final class StackSignatures {

    private static final Logger LOG = Logger.getLogger(StackSignatures.class.getName());

    /** Signs a message made by the stack, in place. */
    public interface Signer {
        /**
         * @param message a final response, or the ACK of an error response
         * @param request the transaction's request: the one answered, or the INVITE the ACK acknowledges
         *                (null when the stack no longer has it)
         */
        void sign(Message message, Request request);
    }

    private static volatile Signer signer;

    private StackSignatures() {
    }

    /** @param s the signer, or null for none */
    public static void use(Signer s) {
        signer = s;
    }

    /** Never stops the message: one that cannot be signed (malformed credentials in its request) goes unsigned. */
    static void sign(Message message, Request request) {
        Signer s = signer;
        if (s != null) {
            try {
                s.sign(message, request);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a " + (message instanceof Response r ? Integer.toString(r.getStatusCode())
                        : Request.ACK) + " of the SIP stack not signed: " + e.getClass().getSimpleName());
            }
        }
    }
}
