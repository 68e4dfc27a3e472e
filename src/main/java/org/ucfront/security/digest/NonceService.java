package org.ucfront.security.digest;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless Digest nonces (RFC 7616 §3.3 leaves the construction to the server):
 * {@code base64url(ts || rnd || HMAC-SHA256(secret, ts || rnd)[0..16])} with ts the issue time
 * in epoch milliseconds (8 bytes, big-endian) and rnd 8 random bytes, 43 characters unpadded.
 * Any node holding the secret can verify a nonce; nothing is stored per nonce.
 *
 * <p>Replay protection is minimal and in memory: {@link #acceptNonceCount} accepts a
 * nonce-count only if it is greater than the last one accepted for the same nonce. The table
 * is a bounded LRU; once a nonce is evicted its history is forgotten and its counts start
 * over, a window limited by the nonce lifetime. Credentials without qop carry no nonce-count
 * and can be replayed within the lifetime (RFC 2069 compatibility has that cost).
 */
public final class NonceService {
    /** ucfront's default nonce lifetime. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(300);
    /** ucfront's default bound on the nonce-count table. */
    public static final int DEFAULT_MAX_TRACKED = 100_000;
    /** Length of the secret key (HMAC-SHA256 block-size-safe; RFC 2104 §3 recommends ≥ output size). */
    public static final int SECRET_LENGTH = 32;

    /** Verdict on a nonce. */
    public enum Status {
        /** Issued by this service (or one sharing its secret) and within its lifetime. */
        VALID,
        /** Ours, but too old (or from the future after a clock step): challenge again with stale=true. */
        STALE,
        /** Not one of ours: a forgery, a truncation, or another secret's. */
        INVALID
    }

    private static final String HMAC = "HmacSHA256";
    private static final int TS_BYTES = 8;
    private static final int RANDOM_BYTES = 8;
    private static final int MAC_BYTES = 16;
    private static final int NONCE_BYTES = TS_BYTES + RANDOM_BYTES + MAC_BYTES;
    private static final int NONCE_CHARS = 43; // unpadded base64 of 32 bytes
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Clock clock;
    private final long lifetimeMillis;
    private final SecureRandom random;
    private final Map<String, Long> lastNonceCount;
    /** One initialised Mac per thread: getInstance and init cost more than the MAC itself. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * @param secret   at least 32 random bytes; copied
     * @param lifetime how long a nonce stays VALID
     * @param maxTracked bound of the nonce-count table
     */
    public NonceService(byte[] secret, Clock clock, Duration lifetime, int maxTracked, SecureRandom random) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < SECRET_LENGTH) {
            throw new IllegalArgumentException("secret must have at least " + SECRET_LENGTH + " bytes");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive: " + lifetime);
        }
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be positive: " + maxTracked);
        }
        this.key = new SecretKeySpec(secret.clone(), HMAC);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lifetimeMillis = lifetime.toMillis();
        this.random = Objects.requireNonNull(random, "random");
        this.lastNonceCount = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > maxTracked;
            }
        };
    }

    /** Defaults: 300 s lifetime, 100 000 tracked nonces, a fresh SecureRandom. */
    public NonceService(byte[] secret, Clock clock) {
        this(secret, clock, DEFAULT_LIFETIME, DEFAULT_MAX_TRACKED, new SecureRandom());
    }

    /** A new random secret of {@link #SECRET_LENGTH} bytes (nonces then die with the process). */
    public static byte[] randomSecret() {
        byte[] secret = new byte[SECRET_LENGTH];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** A fresh nonce stamped with the clock's current time. */
    public String issue() {
        byte[] nonce = new byte[NONCE_BYTES];
        ByteBuffer.wrap(nonce).putLong(clock.millis());
        byte[] rnd = new byte[RANDOM_BYTES];
        synchronized (random) {
            random.nextBytes(rnd);
        }
        System.arraycopy(rnd, 0, nonce, TS_BYTES, RANDOM_BYTES);
        System.arraycopy(mac(nonce), 0, nonce, TS_BYTES + RANDOM_BYTES, MAC_BYTES);
        return ENCODER.encodeToString(nonce);
    }

    /** Checks that a nonce is ours (constant-time MAC comparison) and how old it is. */
    public Status verify(String nonce) {
        if (nonce == null || nonce.length() != NONCE_CHARS) {
            return Status.INVALID;
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(nonce);
        } catch (IllegalArgumentException e) {
            return Status.INVALID;
        }
        // Only the canonical spelling is ours: otherwise one nonce would have several names.
        if (bytes.length != NONCE_BYTES || !ENCODER.encodeToString(bytes).equals(nonce)) {
            return Status.INVALID;
        }
        byte[] expected = mac(bytes);
        byte[] actual = Arrays.copyOfRange(bytes, TS_BYTES + RANDOM_BYTES, NONCE_BYTES);
        if (!MessageDigest.isEqual(expected, actual)) {
            return Status.INVALID;
        }
        long age = clock.millis() - ByteBuffer.wrap(bytes).getLong();
        return age < 0 || age > lifetimeMillis ? Status.STALE : Status.VALID;
    }

    /**
     * Records a nonce-count for a nonce and says whether it is new (strictly greater than the
     * last accepted one). Call only after the credentials' response has been verified, so that
     * a forger cannot burn a legitimate client's counts.
     */
    public boolean acceptNonceCount(String nonce, long nc) {
        Objects.requireNonNull(nonce, "nonce");
        if (nc < 1) {
            return false;
        }
        synchronized (lastNonceCount) {
            Long last = lastNonceCount.get(nonce);
            if (last != null && nc <= last) {
                return false;
            }
            lastNonceCount.put(nonce, nc);
            return true;
        }
    }

    /** HMAC-SHA256 of the timestamp and random bytes, truncated to 16 bytes. */
    private byte[] mac(byte[] nonce) {
        Mac mac = macs.get();
        mac.update(nonce, 0, TS_BYTES + RANDOM_BYTES);
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES); // doFinal resets the Mac for the next nonce
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is required of every JRE", e);
        }
    }
}
