package org.ucfront.security.sipae;

/** A GSS-API acceptor for one scheme (Kerberos): one client token in, a context (or a failure) out. */
public interface GssHandshake {

    /** A context's message signer, which holds native or cached state until disposed. */
    interface Signer extends MessageSigner {
        void dispose();
    }

    /**
     * @param clientName      the authenticated principal ({@code user@REALM})
     * @param replyToken      the token to return to the client (mutual authentication), or null
     * @param lifetimeSeconds how long the context (ticket) stays valid
     * @param failure         why the token was refused (safe to send), null on success
     */
    record Result(String clientName, Signer signer, byte[] replyToken, int lifetimeSeconds, String failure) {
        public static Result refused(String why) {
            return new Result(null, null, null, 0, why);
        }
    }

    Result accept(byte[] token);
}
