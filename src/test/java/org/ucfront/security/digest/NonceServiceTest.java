package org.ucfront.security.digest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;

import org.junit.Test;
import org.ucfront.security.digest.NonceService.Status;

public class NonceServiceTest {
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2024-05-01T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static byte[] secret(int fill) {
        byte[] s = new byte[NonceService.SECRET_LENGTH];
        Arrays.fill(s, (byte) fill);
        return s;
    }

    private final ManualClock clock = new ManualClock();
    private final NonceService service = new NonceService(secret(7), clock);

    private static String replaceChar(String s, int index) {
        char c = s.charAt(index);
        char other = c == 'A' ? 'B' : 'A';
        return s.substring(0, index) + other + s.substring(index + 1);
    }

    @Test
    public void issuedNonceIsValidAndHasTheDocumentedLayout() {
        String nonce = service.issue();
        assertEquals(43, nonce.length());
        assertTrue(nonce.chars().allMatch(c -> BASE64URL.indexOf(c) >= 0));
        byte[] raw = Base64.getUrlDecoder().decode(nonce);
        assertEquals(32, raw.length);
        assertEquals(clock.millis(), ByteBuffer.wrap(raw).getLong());
        assertEquals(Status.VALID, service.verify(nonce));
    }

    @Test
    public void noncesAreUnique() {
        assertNotEquals(service.issue(), service.issue());
    }

    @Test
    public void staleAfterTheLifetime() {
        String nonce = service.issue();
        clock.advance(Duration.ofSeconds(300));
        assertEquals(Status.VALID, service.verify(nonce));
        clock.advance(Duration.ofMillis(1));
        assertEquals(Status.STALE, service.verify(nonce));
    }

    @Test
    public void lifetimeIsConfigurable() {
        NonceService shortLived = new NonceService(secret(7), clock, Duration.ofSeconds(10), 10, new SecureRandom());
        String nonce = shortLived.issue();
        clock.advance(Duration.ofSeconds(11));
        assertEquals(Status.STALE, shortLived.verify(nonce));
    }

    @Test
    public void nonceFromTheFutureIsStale() {
        String nonce = service.issue();
        clock.advance(Duration.ofSeconds(-60));
        assertEquals(Status.STALE, service.verify(nonce));
    }

    @Test
    public void tamperedNoncesAreInvalid() {
        String nonce = service.issue();
        assertEquals(Status.INVALID, service.verify(replaceChar(nonce, 2)));   // timestamp
        assertEquals(Status.INVALID, service.verify(replaceChar(nonce, 15)));  // random part
        assertEquals(Status.INVALID, service.verify(replaceChar(nonce, 30)));  // MAC
    }

    @Test
    public void nonCanonicalSpellingIsInvalid() {
        // The last of 43 characters carries 4 data bits and 2 padding bits; flipping the
        // lowest padding bit decodes to the same bytes under a lenient decoder.
        String nonce = service.issue();
        char last = nonce.charAt(42);
        char alias = BASE64URL.charAt(BASE64URL.indexOf(last) ^ 1);
        String other = nonce.substring(0, 42) + alias;
        assertEquals(Status.INVALID, service.verify(other));
    }

    @Test
    public void anotherSecretsNonceIsInvalid() {
        NonceService other = new NonceService(secret(8), clock);
        assertEquals(Status.INVALID, service.verify(other.issue()));
    }

    @Test
    public void garbageIsInvalid() {
        String nonce = service.issue();
        String[] bad = {
            null, "", "abc", "!".repeat(43), nonce + "=", nonce.substring(1), nonce + "A",
            Base64.getEncoder().withoutPadding().encodeToString(new byte[32]), "x".repeat(100_000),
        };
        for (String s : bad) {
            assertEquals(String.valueOf(s), Status.INVALID, service.verify(s));
        }
    }

    @Test
    public void nonceCountMustIncrease() {
        String nonce = service.issue();
        assertTrue(service.acceptNonceCount(nonce, 1));
        assertFalse(service.acceptNonceCount(nonce, 1));
        assertTrue(service.acceptNonceCount(nonce, 2));
        assertFalse(service.acceptNonceCount(nonce, 1));
        assertTrue(service.acceptNonceCount(nonce, 5));
        assertFalse(service.acceptNonceCount(nonce, 4));
        assertFalse(service.acceptNonceCount(nonce, 0));
        String another = service.issue();
        assertTrue(service.acceptNonceCount(another, 1));
    }

    @Test
    public void nonceCountTableIsABoundedLru() {
        NonceService small = new NonceService(secret(7), clock, Duration.ofSeconds(300), 2, new SecureRandom());
        assertTrue(small.acceptNonceCount("a", 1));
        assertTrue(small.acceptNonceCount("b", 1));
        assertFalse(small.acceptNonceCount("a", 1)); // touches a: b is now the eldest
        assertTrue(small.acceptNonceCount("c", 1));  // evicts b
        assertFalse(small.acceptNonceCount("a", 1)); // a is still tracked
        assertTrue(small.acceptNonceCount("b", 1));  // b was forgotten (documented window)
    }

    @Test
    public void refusesWeakConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new NonceService(new byte[31], clock));
        assertThrows(IllegalArgumentException.class,
                () -> new NonceService(secret(1), clock, Duration.ZERO, 10, new SecureRandom()));
        assertThrows(IllegalArgumentException.class,
                () -> new NonceService(secret(1), clock, Duration.ofSeconds(1), 0, new SecureRandom()));
        assertEquals(NonceService.SECRET_LENGTH, NonceService.randomSecret().length);
    }

    @Test
    public void secretIsCopied() {
        byte[] s = secret(7);
        NonceService copy = new NonceService(s, clock);
        String nonce = copy.issue();
        Arrays.fill(s, (byte) 0);
        assertEquals(Status.VALID, copy.verify(nonce));
    }
}
