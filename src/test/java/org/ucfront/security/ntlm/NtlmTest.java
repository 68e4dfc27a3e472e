package org.ucfront.security.ntlm;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.Test;

/**
 * NTLM against published values: RFC 1320 (MD4), MS-NLMP §4.2.2, §4.2.3 (NTLMv1 without and with
 * client challenge) and §4.2.4 (NTLMv2 with
 * User/Domain/Password), and a recorded Office Communicator 2007 R2 ↔ OCS 2007 R2 NTLMv2 sign-in
 * (CHALLENGE and AUTHENTICATE messages, the REGISTER's and the 200's signatures) as published
 * with pidgin-sipe's test suite (user User, domain COSMO, password Pa$$word).
 */
public class NtlmTest {

    static byte[] hex(String h) {
        return HexFormat.of().parseHex(h.toLowerCase());
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    public void md4MatchesRfc1320() {
        assertEquals("31d6cfe0d16ae931b73c59d7e0c089c0", hex(Md4.digest(new byte[0])));
        assertEquals("a448017aaf21d8525fc10ae87aa6729d", hex(Md4.digest("abc".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("e33b4ddc9c38f2199c3e7b164fcc0536", hex(Md4.digest(
                "12345678901234567890123456789012345678901234567890123456789012345678901234567890"
                        .getBytes(StandardCharsets.US_ASCII))));
    }

    /** MS-NLMP §4.2.2.1.2 NTOWFv1("Password"). */
    @Test
    public void ntHashOfPasswordMatchesMsNlmp() {
        assertEquals("a4f49c406510bdcab6824ee7c30fd852", hex(NtHash.ofPassword("Password")));
    }

    /** MS-NLMP §4.2.4.1.1 NTOWFv2("Password", "User", "Domain"). */
    @Test
    public void ntowfV2MatchesMsNlmp() {
        assertEquals("0c868a403bfd7a93a3001ef22ef02e3f",
                hex(NtlmCrypto.ntowfV2(NtHash.ofPassword("Password"), "User", "Domain")));
    }

    /** MS-NLMP §4.2.4.2.2 NTProofStr and §4.2.4.1.2 session base key of the NTLMv2 example. */
    @Test
    public void ntProofStrMatchesMsNlmp() {
        byte[] key = NtlmCrypto.ntowfV2(NtHash.ofPassword("Password"), "User", "Domain");
        byte[] temp = hex("0101000000000000" + "0000000000000000" + "aaaaaaaaaaaaaaaa" + "00000000"
                + "02000c0044006f006d00610069006e0001000c005300650072007600650072000000000000000000");
        byte[] proof = NtlmCrypto.hmacMd5(key, hex("0123456789abcdef"), temp);
        assertEquals("68cd0ab851e51c96aabc927bebef6a1c", hex(proof));
        assertEquals("8de40ccadbc14a82f15cb0ad0de95ca3", hex(NtlmCrypto.hmacMd5(key, proof)));
    }

    /** MS-NLMP §4.2.4.4: signing and sealing keys from RandomSessionKey 55…55. */
    @Test
    public void signingAndSealingKeysMatchMsNlmp() {
        NtlmSession s = new NtlmSession(NtlmFlags.NEGOTIATE_128 | NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY,
                hex("55555555555555555555555555555555"));
        assertEquals("4788dc861b4782f35d43fd98fe1a2d39", hex(s.clientSigningKey()));
        assertEquals("59f600973cc4960a25480a7c196e4c58", hex(s.clientSealingKey()));
    }

    /** MS-NLMP §4.2.4.4: the checksum of "Plaintext" with SeqNum 0, before RC4 (no key exchange). */
    @Test
    public void checksumMatchesMsNlmp() {
        NtlmSession s = new NtlmSession(NtlmFlags.NEGOTIATE_128 | NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY,
                hex("55555555555555555555555555555555"));
        assertEquals("0100000070352851f256430900000000",
                hex(s.clientSignature("Plaintext".getBytes(StandardCharsets.UTF_16LE), 0)));
    }

    static final String OC_CHALLENGE = "4E544C4D53535000020000000000000038000000F38298E2DD1BAAF4E7E218D1000000000000000096009600380000000502CE0E0000000F02000A0043004F0053004D004F000100180043004F0053004D004F002D004F00430053002D00520032000400160063006F0073006D006F002E006C006F00630061006C000300300063006F0073006D006F002D006F00630073002D00720032002E0063006F0073006D006F002E006C006F00630061006C000500160063006F0073006D006F002E006C006F00630061006C0000000000";
    static final String OC_AUTHENTICATE = "TlRMTVNTUAADAAAAGAAYAHIAAADGAMYAigAAAAoACgBIAAAACAAIAFIAAAAYABgAWgAAABAAEABQAQAAVYKYYgUCzg4AAAAPQwBPAFMATQBPAFUAcwBlAHIAQwBPAFMATQBPAC0ATwBDAFMALQBSADIAoeku/k4Hi/fFwASazGFmwtauh1yw/apBjcDIAK527KYG0rn769BHMQEBAAAAAAAAWVGaFye5ygHWrodcsP2qQQAAAAACAAoAQwBPAFMATQBPAAEAGABDAE8AUwBNAE8ALQBPAEMAUwAtAFIAMgAEABYAYwBvAHMAbQBvAC4AbABvAGMAYQBsAAMAMABjAG8AcwBtAG8ALQBvAGMAcwAtAHIAMgAuAGMAbwBzAG0AbwAuAGwAbwBjAGEAbAAFABYAYwBvAHMAbQBvAC4AbABvAGMAYQBsAAAAAAAAAAAAMctznhyoCkmFkeiueXEV5A==";
    /** The signature buffers of the recorded REGISTER and its 200 (MS-SIPAE §3.2.5.1.3, version 4). */
    static final String OC_REQUEST_BUFFER = "<NTLM><13317733><1><SIP Communications Service><cosmo-ocs-r2.cosmo.local><4037df9284354df39065195bd57a4b14><3><REGISTER><sip:user@cosmo.local><3e49177a52><sip:user@cosmo.local><><><><>";
    static final String OC_RESPONSE_BUFFER = "<NTLM><9616454F><1><SIP Communications Service><cosmo-ocs-r2.cosmo.local><4037df9284354df39065195bd57a4b14><3><REGISTER><sip:user@cosmo.local><3e49177a52><sip:user@cosmo.local><5E61CCD925D17E043D9A74835A88F664><><><7200><200>";

    static NtlmAcceptor.Result acceptRecorded(String password) {
        AuthenticateMessage auth = AuthenticateMessage.parse(Base64.getDecoder().decode(OC_AUTHENTICATE));
        return NtlmAcceptor.accept(ChallengeMessage.fromBytes(hex(OC_CHALLENGE)), auth, NtHash.ofPassword(password));
    }

    @Test
    public void recordedAuthenticateMessageIsParsed() {
        AuthenticateMessage auth = AuthenticateMessage.parse(Base64.getDecoder().decode(OC_AUTHENTICATE));
        assertEquals("User", auth.user());
        assertEquals("COSMO", auth.domain());
        assertEquals("COSMO-OCS-R2", auth.workstation());
        assertTrue(auth.isNtlmV2());
        assertFalse(auth.declaresMic());
    }

    @Test
    public void recordedOfficeCommunicatorSignInIsAcceptedAndItsSignaturesVerify() {
        NtlmAcceptor.Result r = acceptRecorded("Pa$$word");
        assertNull(r.failure());
        NtlmSession s = r.session();
        byte[] request = OC_REQUEST_BUFFER.getBytes(StandardCharsets.UTF_8);
        assertTrue(s.verifyClientSignature(request, NtlmSession.SIP_SEQUENCE_NUMBER,
                hex("0100000029618e9651b65a7764000000")));
        assertEquals("01000000e615438a917661be64000000", hex(s.serverSignature(
                OC_RESPONSE_BUFFER.getBytes(StandardCharsets.UTF_8), NtlmSession.SIP_SEQUENCE_NUMBER)));
    }

    @Test
    public void aTamperedBufferOrSignatureDoesNotVerify() {
        NtlmSession s = acceptRecorded("Pa$$word").session();
        byte[] tampered = OC_REQUEST_BUFFER.replace("<3><REGISTER>", "<4><REGISTER>").getBytes(StandardCharsets.UTF_8);
        assertFalse(s.verifyClientSignature(tampered, NtlmSession.SIP_SEQUENCE_NUMBER,
                hex("0100000029618e9651b65a7764000000")));
        assertFalse(s.verifyClientSignature(OC_REQUEST_BUFFER.getBytes(StandardCharsets.UTF_8),
                NtlmSession.SIP_SEQUENCE_NUMBER, hex("0100000029618e9651b65a7765000000")));
    }

    @Test
    public void aWrongPasswordIsRefused() {
        assertEquals(NtlmAcceptor.Failure.WRONG_CREDENTIALS, acceptRecorded("Pa$$word2").failure());
    }

    /** MS-NLMP §4.2.2.1.3 SessionBaseKey and §4.2.2.2.1 NTLMv1 response (User, Domain, Password). */
    @Test
    public void ntlmV1ResponseMatchesMsNlmp() {
        byte[] ntowfV1 = NtHash.ofPassword("Password");
        assertEquals("d87262b0cde4b1cb7499becccdf10784", hex(Md4.digest(ntowfV1)));
        assertEquals("67c43011f30298a2ad35ece64f16331c44bdbed927841f94",
                hex(NtlmAcceptor.ntlmV1Response(ntowfV1, hex("0123456789abcdef"), null)));
    }

    /** MS-NLMP §4.2.3.2.2: NTLMv1 with client challenge (extended session security), client challenge aa…aa. */
    @Test
    public void ntlmV1WithClientChallengeMatchesMsNlmp() {
        assertEquals("7537f803ae367128ca458204bde7caf81e97ed2683267232",
                hex(NtlmAcceptor.ntlmV1Response(NtHash.ofPassword("Password"), hex("0123456789abcdef"),
                        hex("aaaaaaaaaaaaaaaa"))));
    }

    @Test
    public void anNtlmV1ResponseIsRefused() {
        byte[] m = Base64.getDecoder().decode(OC_AUTHENTICATE);
        m[20] = 24; // NtChallengeResponseFields.Len: an NTLMv1-sized response
        AuthenticateMessage v1 = AuthenticateMessage.parse(m);
        assertEquals(NtlmAcceptor.Failure.NOT_NTLM_V2,
                NtlmAcceptor.accept(ChallengeMessage.fromBytes(hex(OC_CHALLENGE)), v1, NtHash.ofPassword("Pa$$word"))
                        .failure());
    }

    @Test(expected = MalformedNtlmMessageException.class)
    public void aFieldPointingOutsideTheMessageIsMalformed() {
        byte[] m = Base64.getDecoder().decode(OC_AUTHENTICATE);
        m[24] = (byte) 0xff; // NtChallengeResponseFields.BufferOffset
        m[25] = (byte) 0xff;
        AuthenticateMessage.parse(m);
    }

    @Test(expected = MalformedNtlmMessageException.class)
    public void aTruncatedMessageIsMalformed() {
        AuthenticateMessage.parse(hex("4e544c4d5353500003000000"));
    }

    @Test
    public void theChallengeOffersConnectionlessSigning() {
        ChallengeMessage c = ChallengeMessage.of(hex("0123456789abcdef"), "UCFRONT", "SIP", "ucfront.local",
                "sip.ucfront.local", Instant.parse("2026-01-01T00:00:00Z"));
        byte[] b = c.bytes();
        assertEquals("4e544c4d5353500002000000", hex(java.util.Arrays.copyOf(b, 12)));
        int flags = java.nio.ByteBuffer.wrap(b, 20, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        assertTrue(NtlmFlags.has(flags, NtlmAcceptor.REQUIRED));
        assertArrayEquals(hex("0123456789abcdef"), java.util.Arrays.copyOfRange(b, 24, 32));
    }
}
