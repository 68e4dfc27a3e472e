package org.ucfront.security.sipae;

import org.ucfront.security.ntlm.NtlmSession;

/** NTLM message signatures (MS-NLMP §3.4.4) with the sequence number of SIP (see {@link NtlmSession}). */
final class NtlmSigner implements MessageSigner {

    private final NtlmSession session;

    NtlmSigner(NtlmSession session) {
        this.session = session;
    }

    @Override
    public byte[] sign(byte[] buffer) {
        return session.serverSignature(buffer, NtlmSession.SIP_SEQUENCE_NUMBER);
    }

    @Override
    public boolean verify(byte[] buffer, byte[] signature) {
        return session.verifyClientSignature(buffer, NtlmSession.SIP_SEQUENCE_NUMBER, signature);
    }
}
