package org.ucfront.security.ntlm;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Server side of connectionless NTLMv2 (MS-NLMP §3.2.5.1.2, §3.3.2): checks an AUTHENTICATE_MESSAGE
 * against the CHALLENGE_MESSAGE ucfront sent and the user's NT hash, and derives the session keys.
 * LM and NTLMv1 responses are refused, as they are breakable offline from one captured exchange,
 * unless the administrator enables NTLMv1 for old clients: then an NTLMv1 response with extended
 * session security (§3.3.1; signing needs that flag anyway) is verified too. LM alone never is.
 */
public final class NtlmAcceptor {

    /** Why an AUTHENTICATE_MESSAGE was not accepted. */
    public enum Failure {
        /** LM or NTLMv1 response. */
        NOT_NTLM_V2("NTLMv2 is required (LM and NTLMv1 are refused)"),
        /** The client did not accept the flags connectionless signing needs. */
        INCOMPATIBLE_FLAGS("NTLM flags for message signing (extended session security, key exchange) are required"),
        /** NTProofStr does not match: wrong password (or user/domain). */
        WRONG_CREDENTIALS("Wrong user name or password"),
        /** A MIC was declared and does not match. */
        BAD_MIC("NTLM message integrity check failed");

        private final String reason;

        Failure(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** The outcome: a session, or a failure. */
    public record Result(NtlmSession session, Failure failure) {
        public boolean accepted() {
            return session != null;
        }
    }

    /** Flags the client must have kept from our challenge for SIP message signing. */
    static final int REQUIRED = NtlmFlags.NEGOTIATE_SIGN | NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY
            | NtlmFlags.NEGOTIATE_KEY_EXCH | NtlmFlags.NEGOTIATE_DATAGRAM;

    private NtlmAcceptor() {
    }

    /** §2.2.2.3: an NTLMv1 NtChallengeResponse is 24 bytes. */
    static final int NTLM_V1_RESPONSE_LENGTH = 24;
    /** §3.3.1: with extended session security, the client challenge is the first 8 bytes of the LM response. */
    static final int CLIENT_CHALLENGE_LENGTH = 8;

    /** NTLMv2 only. */
    public static Result accept(ChallengeMessage challenge, AuthenticateMessage auth, byte[] ntHash) {
        return accept(challenge, auth, ntHash, false);
    }

    /** @param ntlmV1Allowed also verify NTLMv1 responses (with extended session security) */
    public static Result accept(ChallengeMessage challenge, AuthenticateMessage auth, byte[] ntHash,
            boolean ntlmV1Allowed) {
        boolean v1 = !auth.isNtlmV2();
        if (v1 && (!ntlmV1Allowed || auth.ntResponse().length != NTLM_V1_RESPONSE_LENGTH
                || auth.lmResponse().length < CLIENT_CHALLENGE_LENGTH)) {
            return new Result(null, Failure.NOT_NTLM_V2);
        }
        if (!NtlmFlags.has(auth.flags(), REQUIRED) || auth.encryptedRandomSessionKey().length != 16) {
            return new Result(null, Failure.INCOMPATIBLE_FLAGS);
        }
        if (v1) {
            return acceptV1(challenge, auth, ntHash);
        }
        byte[] nt = auth.ntResponse();
        byte[] ntProofStr = Arrays.copyOf(nt, 16);
        byte[] temp = Arrays.copyOfRange(nt, 16, nt.length);
        byte[] responseKeyNt = NtlmCrypto.ntowfV2(ntHash, auth.user(), auth.domain());
        byte[] expected = NtlmCrypto.hmacMd5(responseKeyNt, challenge.serverChallenge(), temp);
        if (!MessageDigest.isEqual(expected, ntProofStr)) {
            return new Result(null, Failure.WRONG_CREDENTIALS);
        }
        byte[] sessionBaseKey = NtlmCrypto.hmacMd5(responseKeyNt, ntProofStr);
        // NTLMv2: KeyExchangeKey = SessionBaseKey (§3.4.5.1); the client chose the exported key
        byte[] exportedSessionKey = NtlmCrypto.rc4(sessionBaseKey, auth.encryptedRandomSessionKey());
        if (auth.declaresMic()) {
            // connectionless: no NEGOTIATE_MESSAGE in the MIC input (§3.2.5.1.2)
            byte[] mic = NtlmCrypto.hmacMd5(exportedSessionKey, challenge.bytes(), auth.withMicZeroed());
            if (!MessageDigest.isEqual(mic, auth.mic())) {
                return new Result(null, Failure.BAD_MIC);
            }
        }
        return new Result(new NtlmSession(auth.flags(), exportedSessionKey), null);
    }

    /**
     * §3.3.1 NTLMv1 with extended session security: NtChallengeResponse = DESL(NTOWFv1,
     * MD5(ServerChallenge + ClientChallenge)[0..7]); KeyExchangeKey = HMAC_MD5(MD4(NTOWFv1),
     * ServerChallenge + ClientChallenge) (§3.4.5.1).
     */
    private static Result acceptV1(ChallengeMessage challenge, AuthenticateMessage auth, byte[] ntHash) {
        byte[] clientChallenge = Arrays.copyOf(auth.lmResponse(), CLIENT_CHALLENGE_LENGTH);
        byte[] expected = ntlmV1Response(ntHash, challenge.serverChallenge(), clientChallenge);
        if (!MessageDigest.isEqual(expected, auth.ntResponse())) {
            return new Result(null, Failure.WRONG_CREDENTIALS);
        }
        byte[] keyExchangeKey = NtlmCrypto.hmacMd5(Md4.digest(ntHash), challenge.serverChallenge(), clientChallenge);
        byte[] exportedSessionKey = NtlmCrypto.rc4(keyExchangeKey, auth.encryptedRandomSessionKey());
        return new Result(new NtlmSession(auth.flags(), exportedSessionKey), null);
    }

    /** §3.3.1 ComputeResponse for NTLMv1: with a client challenge (extended session security), or without (null). */
    static byte[] ntlmV1Response(byte[] ntHash, byte[] serverChallenge, byte[] clientChallenge) {
        byte[] challenge = clientChallenge == null ? serverChallenge
                : Arrays.copyOf(NtlmCrypto.md5(serverChallenge, clientChallenge), 8);
        return NtlmCrypto.desl(ntHash, challenge);
    }
}
