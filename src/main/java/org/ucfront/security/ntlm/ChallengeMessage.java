package org.ucfront.security.ntlm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The server's CHALLENGE_MESSAGE (MS-NLMP §2.2.1.2) with its TargetInfo AV pairs (§2.2.2.1); in
 * connectionless NTLM it is the first NTLM message, sent in the 401's gssapi-data (MS-SIPAE §3.3.5.1.1).
 */
public final class ChallengeMessage {

    static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    static final int TYPE = 2;
    static final int HEADER_LENGTH = 56;
    /** §2.2.2.1 AvId values. */
    static final int MSV_AV_EOL = 0;
    static final int MSV_AV_NB_COMPUTER_NAME = 1;
    static final int MSV_AV_NB_DOMAIN_NAME = 2;
    static final int MSV_AV_DNS_COMPUTER_NAME = 3;
    static final int MSV_AV_DNS_DOMAIN_NAME = 4;
    static final int MSV_AV_FLAGS = 6;
    static final int MSV_AV_TIMESTAMP = 7;
    /** §2.2.2.10 VERSION: ProductMajor 6, ProductMinor 1, build 7600, NTLMSSP_REVISION_W2K3 (15). */
    private static final byte[] VERSION = {6, 1, (byte) 0xb0, 0x1d, 0, 0, 0, 15};
    /** 100-ns intervals between 1601-01-01 and 1970-01-01 (FILETIME, MS-DTYP §2.3.3). */
    private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

    private final byte[] bytes;
    private final byte[] serverChallenge;

    private ChallengeMessage(byte[] bytes, byte[] serverChallenge) {
        this.bytes = bytes;
        this.serverChallenge = serverChallenge;
    }

    /**
     * @param netbiosDomain the NetBIOS domain name, also the TargetName
     * @param netbiosComputer this server's NetBIOS name
     * @param dnsDomain the DNS domain
     * @param dnsComputer this server's FQDN
     */
    public static ChallengeMessage of(byte[] serverChallenge, String netbiosDomain, String netbiosComputer,
            String dnsDomain, String dnsComputer, Instant now) {
        if (serverChallenge.length != 8) {
            throw new IllegalArgumentException("a server challenge is 8 bytes");
        }
        byte[] targetName = netbiosDomain.getBytes(StandardCharsets.UTF_16LE);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        avPair(info, MSV_AV_NB_DOMAIN_NAME, netbiosDomain.getBytes(StandardCharsets.UTF_16LE));
        avPair(info, MSV_AV_NB_COMPUTER_NAME, netbiosComputer.getBytes(StandardCharsets.UTF_16LE));
        avPair(info, MSV_AV_DNS_DOMAIN_NAME, dnsDomain.getBytes(StandardCharsets.UTF_16LE));
        avPair(info, MSV_AV_DNS_COMPUTER_NAME, dnsComputer.getBytes(StandardCharsets.UTF_16LE));
        long filetime = now.getEpochSecond() * 10_000_000L + now.getNano() / 100 + FILETIME_EPOCH_OFFSET;
        avPair(info, MSV_AV_TIMESTAMP, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(filetime).array());
        avPair(info, MSV_AV_EOL, new byte[0]);
        byte[] targetInfo = info.toByteArray();

        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH + targetName.length + targetInfo.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(SIGNATURE).putInt(TYPE);
        b.putShort((short) targetName.length).putShort((short) targetName.length).putInt(HEADER_LENGTH);
        b.putInt(NtlmFlags.SERVER_CHALLENGE);
        b.put(serverChallenge).put(new byte[8]);
        b.putShort((short) targetInfo.length).putShort((short) targetInfo.length)
                .putInt(HEADER_LENGTH + targetName.length);
        b.put(VERSION);
        b.put(targetName).put(targetInfo);
        return new ChallengeMessage(b.array(), serverChallenge.clone());
    }

    /** A CHALLENGE_MESSAGE as sent (for recorded exchanges): ServerChallenge is at offset 24. */
    static ChallengeMessage fromBytes(byte[] bytes) {
        return new ChallengeMessage(bytes.clone(), java.util.Arrays.copyOfRange(bytes, 24, 32));
    }

    private static void avPair(ByteArrayOutputStream out, int id, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) id)
                .putShort((short) value.length).array());
        out.writeBytes(value);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public byte[] serverChallenge() {
        return serverChallenge.clone();
    }
}
