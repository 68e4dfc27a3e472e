package org.ucfront.security.ntlm;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A client's AUTHENTICATE_MESSAGE (MS-NLMP §2.2.1.3), parsed with every length and offset checked
 * against the message (it comes from the network).
 */
public final class AuthenticateMessage {

    static final int TYPE = 3;
    /** Fixed part up to NegotiateFlags; Version (8) and MIC (16) follow when present. */
    static final int FIXED_LENGTH = 64;
    static final int MIC_OFFSET = 72;
    static final int MIC_LENGTH = 16;

    private final byte[] bytes;
    private final byte[] lmResponse;
    private final byte[] ntResponse;
    private final String domain;
    private final String user;
    private final String workstation;
    private final byte[] encryptedRandomSessionKey;
    private final int flags;

    private AuthenticateMessage(byte[] bytes, byte[] lm, byte[] nt, String domain, String user, String workstation,
            byte[] sessionKey, int flags) {
        this.bytes = bytes;
        this.lmResponse = lm;
        this.ntResponse = nt;
        this.domain = domain;
        this.user = user;
        this.workstation = workstation;
        this.encryptedRandomSessionKey = sessionKey;
        this.flags = flags;
    }

    /** @throws MalformedNtlmMessageException when it is not a well-formed AUTHENTICATE_MESSAGE */
    public static AuthenticateMessage parse(byte[] message) {
        try {
            ByteBuffer b = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
            byte[] signature = new byte[8];
            b.get(signature);
            if (!Arrays.equals(signature, ChallengeMessage.SIGNATURE) || b.getInt() != TYPE) {
                throw new MalformedNtlmMessageException("not an NTLM AUTHENTICATE_MESSAGE");
            }
            byte[] lm = field(b, message);
            byte[] nt = field(b, message);
            byte[] domain = field(b, message);
            byte[] user = field(b, message);
            byte[] workstation = field(b, message);
            byte[] sessionKey = field(b, message);
            int flags = b.getInt();
            if (!NtlmFlags.has(flags, NtlmFlags.NEGOTIATE_UNICODE)) {
                throw new MalformedNtlmMessageException("OEM strings are not supported; NTLMSSP_NEGOTIATE_UNICODE is required");
            }
            return new AuthenticateMessage(message.clone(), lm, nt, utf16(domain), utf16(user), utf16(workstation),
                    sessionKey, flags);
        } catch (BufferUnderflowException e) {
            throw new MalformedNtlmMessageException("AUTHENTICATE_MESSAGE too short");
        }
    }

    private static byte[] field(ByteBuffer b, byte[] message) {
        int length = Short.toUnsignedInt(b.getShort());
        b.getShort(); // MaxLen: ignored (§2.2.1.3)
        long offset = Integer.toUnsignedLong(b.getInt());
        if (length == 0) {
            return new byte[0];
        }
        if (offset < FIXED_LENGTH || offset + length > message.length) {
            throw new MalformedNtlmMessageException("AUTHENTICATE_MESSAGE field outside the message");
        }
        return Arrays.copyOfRange(message, (int) offset, (int) offset + length);
    }

    private static String utf16(byte[] value) {
        if (value.length % 2 != 0) {
            throw new MalformedNtlmMessageException("odd length of a Unicode field");
        }
        return new String(value, StandardCharsets.UTF_16LE);
    }

    /** §2.2.2.8: an NTLMv2 response is longer than the 24 bytes of NTLMv1 / LM responses. */
    public boolean isNtlmV2() {
        return ntResponse.length > 24;
    }

    /**
     * Whether the NTLMv2 client challenge's AV pairs declare a MIC: MsvAvFlags with bit 0x2
     * (§2.2.2.1), in which case the MIC field follows Version (§2.2.1.3).
     */
    boolean declaresMic() {
        if (!isNtlmV2() || ntResponse.length < 16 + 28) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(ntResponse, 16 + 28, ntResponse.length - 16 - 28).order(ByteOrder.LITTLE_ENDIAN);
        while (b.remaining() >= 4) {
            int id = Short.toUnsignedInt(b.getShort());
            int len = Short.toUnsignedInt(b.getShort());
            if (id == ChallengeMessage.MSV_AV_EOL || len > b.remaining()) {
                return false;
            }
            if (id == ChallengeMessage.MSV_AV_FLAGS && len == 4) {
                return (b.getInt() & 0x2) != 0;
            }
            b.position(b.position() + len);
        }
        return false;
    }

    byte[] mic() {
        return bytes.length < MIC_OFFSET + MIC_LENGTH ? null : Arrays.copyOfRange(bytes, MIC_OFFSET, MIC_OFFSET + MIC_LENGTH);
    }

    /** The message with its MIC field zeroed (§3.2.5.1.2 AUTHENTICATE_MESSAGE_MIC0 input of the MIC). */
    byte[] withMicZeroed() {
        byte[] copy = bytes.clone();
        Arrays.fill(copy, MIC_OFFSET, MIC_OFFSET + MIC_LENGTH, (byte) 0);
        return copy;
    }

    public byte[] lmResponse() {
        return lmResponse.clone();
    }

    public byte[] ntResponse() {
        return ntResponse.clone();
    }

    public String domain() {
        return domain;
    }

    public String user() {
        return user;
    }

    public String workstation() {
        return workstation;
    }

    byte[] encryptedRandomSessionKey() {
        return encryptedRandomSessionKey.clone();
    }

    public int flags() {
        return flags;
    }
}
