package org.ucfront.security.ntlm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The client side of connectionless NTLMv2 (MS-NLMP §3.1.5.1.2, §3.3.2) for tests that play a Lync
 * client over raw sockets: builds the AUTHENTICATE_MESSAGE for a CHALLENGE_MESSAGE and keeps the
 * session to sign requests and check the server's signatures.
 */
public final class NtlmTestClient {

    private final byte[] authenticate;
    private final NtlmSession session;

    private NtlmTestClient(byte[] authenticate, NtlmSession session) {
        this.authenticate = authenticate;
        this.session = session;
    }

    /** @param withMic declare and send a MIC (MsvAvFlags 0x2, §2.2.2.1) */
    public static NtlmTestClient answer(byte[] challengeMessage, String user, String domain, String password,
            boolean withMic) {
        ByteBuffer c = ByteBuffer.wrap(challengeMessage).order(ByteOrder.LITTLE_ENDIAN);
        int flags = c.getInt(20);
        byte[] serverChallenge = Arrays.copyOfRange(challengeMessage, 24, 32);
        int infoLen = Short.toUnsignedInt(c.getShort(40));
        int infoOff = c.getInt(44);
        byte[] targetInfo = Arrays.copyOfRange(challengeMessage, infoOff, infoOff + infoLen);
        if (withMic) { // insert MsvAvFlags = 2 before MsvAvEOL (the last 4 bytes)
            byte[] flagsPair = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 6)
                    .putShort((short) 4).putInt(2).array();
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes(Arrays.copyOf(targetInfo, targetInfo.length - 4));
            b.writeBytes(flagsPair);
            b.writeBytes(new byte[4]);
            targetInfo = b.toByteArray();
        }
        SecureRandom random = new SecureRandom();
        byte[] clientChallenge = new byte[8];
        random.nextBytes(clientChallenge);
        long filetime = System.currentTimeMillis() * 10_000L + 116_444_736_000_000_000L;
        ByteBuffer temp = ByteBuffer.allocate(28 + targetInfo.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        temp.put((byte) 1).put((byte) 1).put(new byte[6]).putLong(filetime).put(clientChallenge).putInt(0)
                .put(targetInfo).putInt(0);
        byte[] key = NtlmCrypto.ntowfV2(NtHash.ofPassword(password), user, domain);
        byte[] proof = NtlmCrypto.hmacMd5(key, serverChallenge, temp.array());
        byte[] nt = ByteBuffer.allocate(16 + temp.capacity()).put(proof).put(temp.array()).array();
        byte[] lm = new byte[24];
        byte[] sessionBaseKey = NtlmCrypto.hmacMd5(key, proof);
        byte[] exported = new byte[16];
        random.nextBytes(exported);
        byte[] encrypted = NtlmCrypto.rc4(sessionBaseKey, exported);
        byte[] d = domain.getBytes(StandardCharsets.UTF_16LE);
        byte[] u = user.getBytes(StandardCharsets.UTF_16LE);
        byte[] w = "TESTCLIENT".getBytes(StandardCharsets.UTF_16LE);
        int header = 64 + 8 + 16; // fixed fields, Version, MIC
        ByteBuffer a = ByteBuffer.allocate(header + lm.length + nt.length + d.length + u.length + w.length + 16)
                .order(ByteOrder.LITTLE_ENDIAN);
        a.put(ChallengeMessage.SIGNATURE).putInt(3);
        int offset = header;
        for (byte[] field : new byte[][] {lm, nt, d, u, w, encrypted}) {
            a.putShort((short) field.length).putShort((short) field.length).putInt(offset);
            offset += field.length;
        }
        a.putInt(flags & ~NtlmFlags.TARGET_TYPE_DOMAIN);
        a.put(new byte[] {6, 1, (byte) 0xb1, 0x1d, 0, 0, 0, 15}).put(new byte[16]);
        for (byte[] field : new byte[][] {lm, nt, d, u, w, encrypted}) {
            a.put(field);
        }
        byte[] message = a.array();
        if (withMic) {
            byte[] mic = NtlmCrypto.hmacMd5(exported, challengeMessage, message);
            System.arraycopy(mic, 0, message, AuthenticateMessage.MIC_OFFSET, 16);
        }
        return new NtlmTestClient(message, new NtlmSession(flags & ~NtlmFlags.TARGET_TYPE_DOMAIN, exported));
    }

    public byte[] authenticateMessage() {
        return authenticate.clone();
    }

    /** The client's signature of a buffer (sent as response). */
    public byte[] sign(byte[] buffer) {
        return session.clientSignature(buffer, NtlmSession.SIP_SEQUENCE_NUMBER);
    }

    /** What the server's rspauth must be for a buffer. */
    public byte[] expectedServerSignature(byte[] buffer) {
        return session.serverSignature(buffer, NtlmSession.SIP_SEQUENCE_NUMBER);
    }
}
