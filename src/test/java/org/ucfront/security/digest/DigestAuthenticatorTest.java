package org.ucfront.security.digest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/** The registrar's Digest decisions (RFC 3261 §22.4, RFC 8760, RFC 7616 §3.3 stale). */
public class DigestAuthenticatorTest {

    private static final String REALM = "fabrikam.com";
    private final MutableClock clock = new MutableClock();
    private final NonceService nonces = new NonceService(new byte[32], clock, Duration.ofSeconds(300), 1000,
            new SecureRandom());
    private final DigestAuthenticator auth = new DigestAuthenticator(REALM,
            List.of(DigestAlgorithm.SHA256, DigestAlgorithm.MD5), nonces);
    // HA1 values computed here from the password, not by the code under test
    private final String md5Ha1 = hex("MD5", "alice:fabrikam.com:secret");
    private final String shaHa1 = hex("SHA-256", "alice:fabrikam.com:secret");

    private String ha1(DigestAlgorithm a) {
        return a == DigestAlgorithm.MD5 ? md5Ha1 : shaHa1;
    }

    private static String hex(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String authorization(String user, String nonce, String algorithm, String ha1, String nc) {
        String javaAlg = algorithm.equals("MD5") ? "MD5" : "SHA-256";
        String ha2 = hex(javaAlg, "REGISTER:sip:fabrikam.com");
        String response = hex(javaAlg, ha1 + ":" + nonce + ":" + nc + ":c0ffee:auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"fabrikam.com\", nonce=\"" + nonce
                + "\", uri=\"sip:fabrikam.com\", response=\"" + response + "\", algorithm=" + algorithm
                + ", cnonce=\"c0ffee\", qop=auth, nc=" + nc;
    }

    private String freshNonce() {
        DigestAuthenticator.Challenge c = (DigestAuthenticator.Challenge) auth.authenticate("REGISTER", List.of(),
                "alice", this::ha1);
        Matcher m = Pattern.compile("nonce=\"([^\"]+)\"").matcher(c.wwwAuthenticate().get(0));
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    public void noCredentialsIsAChallengePerAlgorithmInPreferenceOrder() {
        DigestAuthenticator.Outcome o = auth.authenticate("REGISTER", List.of(), "alice", this::ha1);
        DigestAuthenticator.Challenge c = (DigestAuthenticator.Challenge) o;
        assertEquals(2, c.wwwAuthenticate().size());
        assertTrue(c.wwwAuthenticate().get(0).contains("algorithm=SHA-256"));
        assertTrue(c.wwwAuthenticate().get(1).contains("algorithm=MD5"));
        assertTrue(c.wwwAuthenticate().get(0).contains("realm=\"fabrikam.com\""));
    }

    @Test
    public void validCredentialsOfEitherAlgorithmAuthenticate() {
        for (String alg : new String[] {"SHA-256", "MD5"}) {
            String ha1 = alg.equals("MD5") ? md5Ha1 : shaHa1;
            DigestAuthenticator.Outcome o = auth.authenticate("REGISTER",
                    List.of(authorization("alice", freshNonce(), alg, ha1, "00000001")), "alice", this::ha1);
            assertEquals(alg, new DigestAuthenticator.Authenticated("alice"), o);
        }
    }

    @Test
    public void aWrongPasswordIsRefused() {
        DigestAuthenticator.Outcome o = auth.authenticate("REGISTER",
                List.of(authorization("alice", freshNonce(), "MD5", hex("MD5", "alice:fabrikam.com:guess"), "00000001")),
                "alice", this::ha1);
        assertEquals(new DigestAuthenticator.Refused(DigestAuthenticator.Reason.WRONG_CREDENTIALS), o);
    }

    @Test
    public void anotherUsersCredentialsAreRefused() {
        DigestAuthenticator.Outcome o = auth.authenticate("REGISTER",
                List.of(authorization("mallory", freshNonce(), "MD5", md5Ha1, "00000001")), "alice", this::ha1);
        assertEquals(new DigestAuthenticator.Refused(DigestAuthenticator.Reason.OTHER_USER), o);
    }

    @Test
    public void theRightPasswordWithAnExpiredNonceIsChallengedStale() {
        String nonce = freshNonce();
        clock.advance(Duration.ofSeconds(301));
        DigestAuthenticator.Outcome o = auth.authenticate("REGISTER",
                List.of(authorization("alice", nonce, "SHA-256", shaHa1, "00000001")), "alice", this::ha1);
        DigestAuthenticator.Challenge c = (DigestAuthenticator.Challenge) o;
        assertTrue(c.stale());
        assertTrue(c.wwwAuthenticate().get(0), c.wwwAuthenticate().get(0).contains("stale=true"));
    }

    @Test
    public void aReplayedNonceCountIsChallengedAgain() {
        String header = authorization("alice", freshNonce(), "SHA-256", shaHa1, "00000001");
        assertTrue(auth.authenticate("REGISTER", List.of(header), "alice", this::ha1)
                instanceof DigestAuthenticator.Authenticated);
        assertTrue(auth.authenticate("REGISTER", List.of(header), "alice", this::ha1)
                instanceof DigestAuthenticator.Challenge);
    }

    @Test
    public void otherSchemesAreIgnoredAndGarbageIsMalformed() {
        assertTrue(auth.authenticate("REGISTER", List.of("NTLM qop=\"auth\", realm=\"SIP Communications Service\""),
                "alice", this::ha1) instanceof DigestAuthenticator.Challenge);
        assertEquals(new DigestAuthenticator.Refused(DigestAuthenticator.Reason.MALFORMED),
                auth.authenticate("REGISTER", List.of("Digest username=\"alice"), "alice", this::ha1));
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-21T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
