package org.ucfront.security.ntlm;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A user's NT hash, MD4(UNICODE(password)) (MS-NLMP §3.3.1 NTOWFv1): the secret NTLMv2 verification
 * starts from. It is as good as the password for NTLM, so it is kept only encrypted at rest.
 */
public final class NtHash {

    public static final int LENGTH = 16;

    private NtHash() {
    }

    public static byte[] ofPassword(String password) {
        return Md4.digest(password.getBytes(StandardCharsets.UTF_16LE));
    }

    /** @throws IllegalArgumentException unless the value is 32 hexadecimal digits */
    public static byte[] parseHex(String hex) {
        if (hex == null || !hex.matches("[0-9a-fA-F]{32}")) {
            throw new IllegalArgumentException("an NT hash is 32 hexadecimal digits");
        }
        return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
    }
}
