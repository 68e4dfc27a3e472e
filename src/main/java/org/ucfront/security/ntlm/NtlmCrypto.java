package org.ucfront.security.ntlm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The primitives of MS-NLMP §6 (HMAC_MD5, MD5, RC4K, DESL) and the NTLMv2 functions of §3.3.2 and §3.4.5. */
final class NtlmCrypto {

    private NtlmCrypto() {
    }

    /** §3.4.5.2 SIGNKEY magic constants (NUL-terminated). */
    static final String CLIENT_SIGNING = "session key to client-to-server signing key magic constant\0";
    static final String SERVER_SIGNING = "session key to server-to-client signing key magic constant\0";
    /** §3.4.5.3 SEALKEY magic constants (NUL-terminated). */
    static final String CLIENT_SEALING = "session key to client-to-server sealing key magic constant\0";
    static final String SERVER_SEALING = "session key to server-to-client sealing key magic constant\0";

    static byte[] hmacMd5(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 unavailable", e);
        }
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    /** RC4K(key, data): RC4 with a fresh key schedule (§6). */
    static byte[] rc4(byte[] key, byte[] data) {
        try {
            Cipher rc4 = Cipher.getInstance("ARCFOUR");
            rc4.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "ARCFOUR"));
            return rc4.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RC4 unavailable", e);
        }
    }

    /** §3.3.2 NTOWFv2 from the NT hash: HMAC_MD5(MD4(UNICODE(Passwd)), UNICODE(Uppercase(User) + UserDom)). */
    static byte[] ntowfV2(byte[] ntHash, String user, String domain) {
        return hmacMd5(ntHash, (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE));
    }

    /**
     * §6 DESL(K, D): D encrypted with DES under each 7-byte third of K (16 bytes, padded with
     * 5 zero bytes to 21), the three results concatenated (24 bytes).
     */
    static byte[] desl(byte[] key16, byte[] data8) {
        byte[] k = java.util.Arrays.copyOf(key16, 21);
        byte[] out = new byte[24];
        try {
            for (int i = 0; i < 3; i++) {
                Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
                des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(desKey(k, i * 7), "DES"));
                System.arraycopy(des.doFinal(data8), 0, out, i * 8, 8);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES unavailable", e);
        }
        return out;
    }

    /** 56 key bits (7 bytes from {@code offset}) spread over 8 bytes, the low bit of each for parity (ignored by DES). */
    private static byte[] desKey(byte[] k, int offset) {
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = (bits << 8) | (k[offset + i] & 0xff);
        }
        byte[] key = new byte[8];
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (((bits >>> (49 - 7 * i)) & 0x7f) << 1);
        }
        return key;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
