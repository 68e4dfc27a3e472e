package org.ucfront.security.digest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class DigestChallengeTest {

    @Test
    public void offersQopAuthWithTheAlgorithm() {
        assertEquals("Digest realm=\"fabrikam.com\", nonce=\"abc\", algorithm=SHA-256, qop=\"auth\"",
                DigestChallenge.of("fabrikam.com", "abc", DigestAlgorithm.SHA256).toHeaderValue());
        assertEquals("Digest realm=\"fabrikam.com\", nonce=\"abc\", algorithm=MD5, qop=\"auth\"",
                DigestChallenge.of("fabrikam.com", "abc", DigestAlgorithm.MD5).toHeaderValue());
    }

    @Test
    public void staleAndOpaque() {
        DigestChallenge c = DigestChallenge.of("r", "n", DigestAlgorithm.SHA256);
        assertEquals("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256, qop=\"auth\", stale=true",
                c.withStale(true).toHeaderValue());
        assertEquals("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256, qop=\"auth\", stale=true, opaque=\"o\"",
                c.withStale(true).withOpaque("o").toHeaderValue());
        assertEquals("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256, qop=\"auth\", opaque=\"o\"",
                c.withOpaque("o").toHeaderValue());
        assertEquals(c.toHeaderValue(), c.withStale(true).withStale(false).toHeaderValue());
    }

    @Test
    public void quotesTheRealm() {
        assertEquals("Digest realm=\"a \\\"b\\\"\", nonce=\"n\", algorithm=MD5, qop=\"auth\"",
                DigestChallenge.of("a \"b\"", "n", DigestAlgorithm.MD5).toHeaderValue());
    }

    @Test
    public void roundTripsThroughTheCredentialsParser() {
        // A client echoes realm and nonce; our parser must read back what we wrote.
        String nonce = "AAABjQ-_3x8zNwbE1ZSyHzM5rQ4q9t8ZTtM3d1BC6wE";
        DigestChallenge c = DigestChallenge.of("SIP \"Users\"", nonce, DigestAlgorithm.SHA256);
        String header = c.toHeaderValue().replace("qop=\"auth\"", "username=\"u\", uri=\"sip:x\", response=\""
                + "0".repeat(64) + "\"").replace(", algorithm=SHA-256", "");
        DigestCredentials parsed = DigestCredentials.parse(header);
        assertEquals("SIP \"Users\"", parsed.realm());
        assertEquals(nonce, parsed.nonce());
    }

    @Test
    public void refusesValuesThatCannotBeQuoted() {
        assertThrows(IllegalArgumentException.class, () -> DigestChallenge.of("a\r\nb", "n", DigestAlgorithm.MD5));
        assertThrows(IllegalArgumentException.class,
                () -> DigestChallenge.of("r", "n", DigestAlgorithm.MD5).withOpaque("x\ny"));
        assertThrows(NullPointerException.class, () -> DigestChallenge.of(null, "n", DigestAlgorithm.MD5));
    }
}
