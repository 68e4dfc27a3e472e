package org.ucfront.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import org.junit.Test;
import org.ucfront.launcher.UcfrontConfig;

public class AuthenticationSettingsTest {

    @Test
    public void defaultsOfferDigestWithTheDomainAsTarget() {
        AuthenticationSettings s = AuthenticationSettings.load("fabrikam.com", k -> null);
        assertEquals(EnumSet.of(AuthenticationSettings.Scheme.DIGEST), s.schemes());
        assertEquals("fabrikam.com", s.fqdn());
        assertEquals("FABRIKAM", s.netbiosDomain());
        assertEquals(4, s.version());
        assertEquals(8 * 3600, s.saLifetimeSeconds());
        assertFalse(s.ntlmV1());
    }

    @Test
    public void ntlmV1IsVerifiedOnlyWhenExplicitlyEnabled() {
        assertTrue(AuthenticationSettings.load("fabrikam.com", Map.of(AuthenticationSettings.NTLM_V1, "TRUE")::get)
                .ntlmV1());
        assertFalse(AuthenticationSettings.load("fabrikam.com", Map.of(AuthenticationSettings.NTLM_V1, "false")::get)
                .ntlmV1());
    }

    @Test
    public void thePoolFqdnIsTheTargetUnlessOneIsGiven() {
        assertEquals("pool.fabrikam.com", AuthenticationSettings.load("fabrikam.com",
                Map.of("ucfront.pool.fqdn", "Pool.Fabrikam.com")::get).fqdn());
        assertEquals("sip.fabrikam.com", AuthenticationSettings.load("fabrikam.com",
                Map.of("ucfront.pool.fqdn", "pool.fabrikam.com", AuthenticationSettings.FQDN, "sip.fabrikam.com")::get)
                .fqdn());
    }

    @Test
    public void badValuesStopTheStartNamingTheSetting() {
        for (Map<String, String> bad : new Map[] {Map.of(AuthenticationSettings.SCHEMES, "ntlm,basic"),
            Map.of(AuthenticationSettings.SCHEMES, " , "), Map.of(AuthenticationSettings.SCHEMES, "kerberos"),
            Map.of(AuthenticationSettings.VERSION, "5"), Map.of(AuthenticationSettings.SA_LIFETIME, "86400"),
            Map.of(AuthenticationSettings.NTLM_DOMAIN, "MUCH-TOO-LONG-NETBIOS"),
            Map.of(AuthenticationSettings.KEYTAB, "/nonexistent.keytab"), Map.of(AuthenticationSettings.NTLM_V1, "yes")}) {
            try {
                AuthenticationSettings.load("fabrikam.com", bad::get);
                fail("accepted " + bad);
            } catch (UcfrontConfig.InvalidConfigException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith(bad.keySet().iterator().next() + "=")
                        || e.getMessage().startsWith(AuthenticationSettings.SCHEMES + "="));
            }
        }
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

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

    @Test
    public void aGuessingAddressIsRefusedForThatUserOnlyAndForgivenAfterTheWindow() {
        TestClock clock = new TestClock();
        FailedAuthentications f = new FailedAuthentications(3, 100, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 3; i++) {
            assertFalse(f.blocked("alice@fabrikam.com", "192.0.2.9"));
            f.failed("alice@fabrikam.com", "192.0.2.9");
        }
        assertTrue(f.blocked("alice@fabrikam.com", "192.0.2.9"));
        assertFalse("the real user elsewhere", f.blocked("alice@fabrikam.com", "198.51.100.7"));
        assertFalse("other users from there", f.blocked("bob@fabrikam.com", "192.0.2.9"));
        clock.now = clock.now.plusSeconds(61);
        assertFalse(f.blocked("alice@fabrikam.com", "192.0.2.9"));
    }

    @Test
    public void anAddressFailingForManyUsersIsRefusedForAll() {
        FailedAuthentications f = new FailedAuthentications(100, 3, Duration.ofSeconds(60), new TestClock());
        f.failed("a@fabrikam.com", "192.0.2.9");
        f.failed("b@fabrikam.com", "192.0.2.9");
        assertFalse(f.blocked("c@fabrikam.com", "192.0.2.9"));
        f.failed("c@fabrikam.com", "192.0.2.9");
        assertTrue(f.blocked("d@fabrikam.com", "192.0.2.9"));
        assertFalse(f.blocked("d@fabrikam.com", "192.0.2.10"));
    }

    @Test
    public void aSuccessClearsThePair() {
        FailedAuthentications f = new FailedAuthentications(1, 100, Duration.ofSeconds(60), new TestClock());
        f.failed("alice@fabrikam.com", "192.0.2.9");
        assertTrue(f.blocked("alice@fabrikam.com", "192.0.2.9"));
        f.succeeded("alice@fabrikam.com", "192.0.2.9");
        assertFalse(f.blocked("alice@fabrikam.com", "192.0.2.9"));
    }
}
