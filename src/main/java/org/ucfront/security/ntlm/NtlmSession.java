package org.ucfront.security.ntlm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The keys of an established connectionless NTLM context with extended session security, and the
 * message signatures made with them (MS-NLMP §3.4.4.2 MAC with NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY):
 * Version 1, Checksum = HMAC_MD5(SigningKey, SeqNum + Message)[0..7], RC4-encrypted with
 * MD5(SealingKey + SeqNum) when the key was exchanged (datagram mode re-keys RC4 per message, §3.4),
 * SeqNum.
 */
public final class NtlmSession {

    /**
     * The SeqNum of SIP message signatures. MS-NLMP §3.4.4 leaves it to the application in
     * connectionless mode; Microsoft's SIP stack uses 100 (its rspauth values end in 64000000, and
     * so do pidgin-sipe's), and both sides must agree.
     */
    public static final int SIP_SEQUENCE_NUMBER = 100;
    static final int SIGNATURE_LENGTH = 16;

    private final int flags;
    private final byte[] clientSigningKey;
    private final byte[] clientSealingKey;
    private final byte[] serverSigningKey;
    private final byte[] serverSealingKey;

    /** @param exportedSessionKey the session key both sides derived (§3.2.5.1.2 ExportedSessionKey) */
    NtlmSession(int flags, byte[] exportedSessionKey) {
        this.flags = flags;
        clientSigningKey = NtlmCrypto.md5(exportedSessionKey, NtlmCrypto.ascii(NtlmCrypto.CLIENT_SIGNING));
        serverSigningKey = NtlmCrypto.md5(exportedSessionKey, NtlmCrypto.ascii(NtlmCrypto.SERVER_SIGNING));
        byte[] sealBase = sealBase(flags, exportedSessionKey);
        clientSealingKey = NtlmCrypto.md5(sealBase, NtlmCrypto.ascii(NtlmCrypto.CLIENT_SEALING));
        serverSealingKey = NtlmCrypto.md5(sealBase, NtlmCrypto.ascii(NtlmCrypto.SERVER_SEALING));
    }

    /** §3.4.5.3 SEALKEY with extended session security: the key truncated by the negotiated strength. */
    private static byte[] sealBase(int flags, byte[] key) {
        if (NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_128)) {
            return key;
        }
        return Arrays.copyOf(key, NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_56) ? 7 : 5);
    }

    /** The server's signature of a message (what ucfront sends as rspauth). */
    public byte[] serverSignature(byte[] message, int seqNum) {
        return mac(serverSigningKey, serverSealingKey, message, seqNum);
    }

    /** The signature the client must have sent for a message. */
    public byte[] clientSignature(byte[] message, int seqNum) {
        return mac(clientSigningKey, clientSealingKey, message, seqNum);
    }

    /** Constant-time comparison of a client's signature with the expected one. */
    public boolean verifyClientSignature(byte[] message, int seqNum, byte[] signature) {
        return signature != null && signature.length == SIGNATURE_LENGTH
                && MessageDigest.isEqual(clientSignature(message, seqNum), signature);
    }

    private byte[] mac(byte[] signingKey, byte[] sealingKey, byte[] message, int seqNum) {
        byte[] seq = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(seqNum).array();
        byte[] checksum = Arrays.copyOf(NtlmCrypto.hmacMd5(signingKey, seq, message), 8);
        if (NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_KEY_EXCH)) {
            byte[] handleKey = NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_DATAGRAM)
                    ? NtlmCrypto.md5(sealingKey, seq) : sealingKey;
            checksum = NtlmCrypto.rc4(handleKey, checksum);
        }
        return ByteBuffer.allocate(SIGNATURE_LENGTH).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(1).put(checksum).putInt(seqNum).array();
    }

    byte[] clientSigningKey() {
        return clientSigningKey.clone();
    }

    byte[] clientSealingKey() {
        return clientSealingKey.clone();
    }

    byte[] serverSigningKey() {
        return serverSigningKey.clone();
    }

    byte[] serverSealingKey() {
        return serverSealingKey.clone();
    }
}
