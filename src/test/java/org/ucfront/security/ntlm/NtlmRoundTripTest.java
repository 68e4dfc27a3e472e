package org.ucfront.security.ntlm;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.Test;

/** ucfront's CHALLENGE answered by an independent client implementation, with and without a MIC. */
public class NtlmRoundTripTest {

    static ChallengeMessage challenge() {
        return ChallengeMessage.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, "FABRIKAM", "SIP", "fabrikam.com",
                "sip.fabrikam.com", Instant.now());
    }

    @Test
    public void aClientWithTheRightPasswordGetsTheSameKeys() {
        ChallengeMessage c = challenge();
        NtlmTestClient client = NtlmTestClient.answer(c.bytes(), "alice@fabrikam.com", "", "pw", false);
        NtlmAcceptor.Result r = NtlmAcceptor.accept(c, AuthenticateMessage.parse(client.authenticateMessage()),
                NtHash.ofPassword("pw"));
        assertTrue(String.valueOf(r.failure()), r.accepted());
        byte[] buffer = "<NTLM><1><1><x>".getBytes(StandardCharsets.UTF_8);
        assertTrue(r.session().verifyClientSignature(buffer, NtlmSession.SIP_SEQUENCE_NUMBER, client.sign(buffer)));
        assertArrayEquals(client.expectedServerSignature(buffer),
                r.session().serverSignature(buffer, NtlmSession.SIP_SEQUENCE_NUMBER));
    }

    @Test
    public void aDeclaredMicIsChecked() {
        ChallengeMessage c = challenge();
        byte[] auth = NtlmTestClient.answer(c.bytes(), "alice", "FABRIKAM", "pw", true).authenticateMessage();
        assertTrue(AuthenticateMessage.parse(auth).declaresMic());
        assertTrue(NtlmAcceptor.accept(c, AuthenticateMessage.parse(auth), NtHash.ofPassword("pw")).accepted());
        auth[AuthenticateMessage.MIC_OFFSET] ^= 1;
        assertEquals(NtlmAcceptor.Failure.BAD_MIC,
                NtlmAcceptor.accept(c, AuthenticateMessage.parse(auth), NtHash.ofPassword("pw")).failure());
    }

    @Test
    public void anAnswerToAnotherChallengeIsRefused() {
        byte[] auth = NtlmTestClient.answer(challenge().bytes(), "alice", "", "pw", false).authenticateMessage();
        ChallengeMessage other = ChallengeMessage.of(new byte[] {8, 7, 6, 5, 4, 3, 2, 1}, "FABRIKAM", "SIP",
                "fabrikam.com", "sip.fabrikam.com", Instant.now());
        assertEquals(NtlmAcceptor.Failure.WRONG_CREDENTIALS,
                NtlmAcceptor.accept(other, AuthenticateMessage.parse(auth), NtHash.ofPassword("pw")).failure());
    }

    /** NTLMv1 (with extended session security) is refused unless enabled; enabled, it yields the client's keys. */
    @Test
    public void anNtlmV1AnswerIsAcceptedOnlyWhenEnabled() throws Exception {
        ChallengeMessage c = challenge();
        NtlmTestClient client = NtlmTestClient.answerV1(c.bytes(), "alice", "FABRIKAM", "pw");
        AuthenticateMessage auth = AuthenticateMessage.parse(client.authenticateMessage());
        assertEquals(NtlmAcceptor.Failure.NOT_NTLM_V2, NtlmAcceptor.accept(c, auth, NtHash.ofPassword("pw")).failure());
        assertEquals(NtlmAcceptor.Failure.NOT_NTLM_V2,
                NtlmAcceptor.accept(c, auth, NtHash.ofPassword("pw"), false).failure());
        assertEquals(NtlmAcceptor.Failure.WRONG_CREDENTIALS,
                NtlmAcceptor.accept(c, auth, NtHash.ofPassword("pw2"), true).failure());
        NtlmAcceptor.Result r = NtlmAcceptor.accept(c, auth, NtHash.ofPassword("pw"), true);
        assertTrue(String.valueOf(r.failure()), r.accepted());
        byte[] buffer = "<NTLM><1><1><x>".getBytes(StandardCharsets.UTF_8);
        assertTrue(r.session().verifyClientSignature(buffer, NtlmSession.SIP_SEQUENCE_NUMBER, client.sign(buffer)));
        assertArrayEquals(client.expectedServerSignature(buffer),
                r.session().serverSignature(buffer, NtlmSession.SIP_SEQUENCE_NUMBER));
    }
}
