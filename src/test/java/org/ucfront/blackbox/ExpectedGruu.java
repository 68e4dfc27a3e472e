package org.ucfront.blackbox;

import java.util.Base64;
import java.util.UUID;

/**
 * The test's own oracle for MS GRUUs (DIGEST §1), written independently of the server's Gruu class:
 * the GUID's 16 bytes in Windows memory order plus two zero bytes, unpadded base64url.
 * It is checked against the spec's literal vector in {@link RegistrarIT}.
 */
final class ExpectedGruu {

    private ExpectedGruu() {
    }

    static String of(String user, String host, String instanceUuid) {
        String hex = instanceUuid.replace("-", "");
        byte[] b = new byte[18];
        int[] order = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15}; // Data1..3 byte-swapped
        for (int i = 0; i < 16; i++) {
            int j = order[i];
            b[i] = (byte) Integer.parseInt(hex.substring(2 * j, 2 * j + 2), 16);
        }
        return "sip:" + user + "@" + host + ";opaque=user:epid:"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(b) + ";gruu";
    }

    static String newInstance() {
        return UUID.randomUUID().toString().toUpperCase();
    }
}
