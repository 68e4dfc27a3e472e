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
        return assemble(challengeMessage, flags, lm, nt, sessionBaseKey, user, domain, withMic);
    }

    /**
     * An NTLMv1 answer with extended session security (MS-NLMP §3.3.1, written out here: DES of
     * MD5(ServerChallenge + ClientChallenge)[0..7] under the three 7-byte thirds of the NT hash;
     * KeyExchangeKey = HMAC_MD5(MD4(NT hash), ServerChallenge + ClientChallenge), §3.4.5.1).
     */
    public static NtlmTestClient answerV1(byte[] challengeMessage, String user, String domain, String password)
            throws java.security.GeneralSecurityException {
        int flags = ByteBuffer.wrap(challengeMessage).order(ByteOrder.LITTLE_ENDIAN).getInt(20);
        byte[] serverChallenge = Arrays.copyOfRange(challengeMessage, 24, 32);
        byte[] clientChallenge = new byte[8];
        new SecureRandom().nextBytes(clientChallenge);
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        md5.update(serverChallenge);
        byte[] challenge = Arrays.copyOf(md5.digest(clientChallenge), 8);
        byte[] ntHash = NtHash.ofPassword(password);
        byte[] key21 = Arrays.copyOf(ntHash, 21);
        byte[] nt = new byte[24];
        for (int i = 0; i < 3; i++) {
            byte[] k = new byte[8];
            for (int bit = 0; bit < 56; bit++) { // 7 bytes → 8 bytes of 7 key bits each
                if ((key21[i * 7 + bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                    k[bit / 7] |= (byte) (0x80 >>> (bit % 7));
                }
            }
            javax.crypto.Cipher des = javax.crypto.Cipher.getInstance("DES/ECB/NoPadding");
            des.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(k, "DES"));
            System.arraycopy(des.doFinal(challenge), 0, nt, i * 8, 8);
        }
        byte[] lm = Arrays.copyOf(clientChallenge, 24);
        javax.crypto.Mac hmac = javax.crypto.Mac.getInstance("HmacMD5");
        hmac.init(new javax.crypto.spec.SecretKeySpec(Md4.digest(ntHash), "HmacMD5"));
        hmac.update(serverChallenge);
        byte[] keyExchangeKey = hmac.doFinal(clientChallenge);
        return assemble(challengeMessage, flags, lm, nt, keyExchangeKey, user, domain, false);
    }

    private static NtlmTestClient assemble(byte[] challengeMessage, int flags, byte[] lm, byte[] nt,
            byte[] keyExchangeKey, String user, String domain, boolean withMic) {
        byte[] exported = new byte[16];
        new SecureRandom().nextBytes(exported);
        byte[] encrypted = NtlmCrypto.rc4(keyExchangeKey, exported);
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
