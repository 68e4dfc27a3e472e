package org.ucfront.security.ntlm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * MD4 (RFC 1320), needed only for the NT hash (MS-NLMP §3.3.1 NTOWFv1 = MD4(UNICODE(Passwd))). The
 * JDK has no registered MD4 provider.
 */
final class Md4 {

    private Md4() {
    }

    static byte[] digest(byte[] message) {
        long bitLength = (long) message.length * 8;
        int padded = ((message.length + 8) / 64 + 1) * 64;
        ByteBuffer in = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        in.put(message).put((byte) 0x80);
        in.putLong(padded - 8, bitLength);
        int a = 0x67452301;
        int b = 0xefcdab89;
        int c = 0x98badcfe;
        int d = 0x10325476;
        int[] x = new int[16];
        for (int block = 0; block < padded; block += 64) {
            for (int i = 0; i < 16; i++) {
                x[i] = in.getInt(block + 4 * i);
            }
            int aa = a;
            int bb = b;
            int cc = c;
            int dd = d;
            // round 1: F(x,y,z) = xy v not(x)z
            for (int i : new int[] {0, 4, 8, 12}) {
                a = Integer.rotateLeft(a + ((b & c) | (~b & d)) + x[i], 3);
                d = Integer.rotateLeft(d + ((a & b) | (~a & c)) + x[i + 1], 7);
                c = Integer.rotateLeft(c + ((d & a) | (~d & b)) + x[i + 2], 11);
                b = Integer.rotateLeft(b + ((c & d) | (~c & a)) + x[i + 3], 19);
            }
            // round 2: G(x,y,z) = xy v xz v yz, constant 0x5A827999
            for (int i : new int[] {0, 1, 2, 3}) {
                a = Integer.rotateLeft(a + ((b & c) | (b & d) | (c & d)) + x[i] + 0x5a827999, 3);
                d = Integer.rotateLeft(d + ((a & b) | (a & c) | (b & c)) + x[i + 4] + 0x5a827999, 5);
                c = Integer.rotateLeft(c + ((d & a) | (d & b) | (a & b)) + x[i + 8] + 0x5a827999, 9);
                b = Integer.rotateLeft(b + ((c & d) | (c & a) | (d & a)) + x[i + 12] + 0x5a827999, 13);
            }
            // round 3: H(x,y,z) = x xor y xor z, constant 0x6ED9EBA1
            for (int i : new int[] {0, 2, 1, 3}) {
                a = Integer.rotateLeft(a + (b ^ c ^ d) + x[i] + 0x6ed9eba1, 3);
                d = Integer.rotateLeft(d + (a ^ b ^ c) + x[i + 8] + 0x6ed9eba1, 9);
                c = Integer.rotateLeft(c + (d ^ a ^ b) + x[i + 4] + 0x6ed9eba1, 11);
                b = Integer.rotateLeft(b + (c ^ d ^ a) + x[i + 12] + 0x6ed9eba1, 15);
            }
            a += aa;
            b += bb;
            c += cc;
            d += dd;
        }
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putInt(a).putInt(b).putInt(c).putInt(d).array();
    }
}
