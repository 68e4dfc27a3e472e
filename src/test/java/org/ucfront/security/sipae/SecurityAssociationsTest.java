package org.ucfront.security.sipae;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.Test;

/**
 * Associations are known per endpoint by (scheme, realm, target) (MS-SIPAE §3.2.5.2): a new one of
 * the same triple replaces the old (made through 401 or 407 alike), one of another scheme stays, and
 * each remembers the header its challenge names.
 */
public class SecurityAssociationsTest {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    final SecurityAssociations associations = new SecurityAssociations(Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofSeconds(60));

    static SecurityAssociation sa(SipaeScheme scheme, String target, String opaque,
            SecurityAssociation.Challenge challenge, long lifetimeSeconds) {
        return new SecurityAssociation(scheme, "SIP Communications Service", target, "0a1b2c3d4e", "amy@fabrikam.com",
                opaque, 4, challenge, NOW.plusSeconds(lifetimeSeconds), new MessageSigner() {
                    @Override
                    public byte[] sign(byte[] buffer) {
                        return new byte[16];
                    }

                    @Override
                    public boolean verify(byte[] buffer, byte[] signature) {
                        return false;
                    }
                });
    }

    @Test
    public void theChallengeNamesTheSignatureHeader() {
        assertEquals("Authentication-Info", SecurityAssociation.Challenge.answeredIn("Authorization").infoHeader());
        assertEquals("Proxy-Authentication-Info",
                SecurityAssociation.Challenge.answeredIn("Proxy-Authorization").infoHeader());
    }

    @Test
    public void aProxyAssociationOfTheSameSchemeAndTargetReplacesTheRegistrars() {
        SecurityAssociation registrar = sa(SipaeScheme.NTLM, "fabrikam.com", "AAAA0001",
                SecurityAssociation.Challenge.REGISTRAR, 3600);
        SecurityAssociation proxy = sa(SipaeScheme.NTLM, "fabrikam.com", "AAAA0002",
                SecurityAssociation.Challenge.PROXY, 3600);
        associations.put(registrar);
        associations.put(proxy);
        assertFalse(associations.byOpaque("AAAA0001").isPresent());
        assertEquals(proxy, associations.byEndpoint("0a1b2c3d4e", "AMY@fabrikam.com").orElseThrow());
        assertEquals("Proxy-Authentication-Info",
                associations.byEndpoint("0a1b2c3d4e", "amy@fabrikam.com").orElseThrow().challenge().infoHeader());
    }

    @Test
    public void associationsOfAnotherSchemeCoexistAndTheLongestLivedSigns() {
        SecurityAssociation ntlm = sa(SipaeScheme.NTLM, "fabrikam.com", "BBBB0001",
                SecurityAssociation.Challenge.REGISTRAR, 3600);
        SecurityAssociation kerberos = sa(SipaeScheme.KERBEROS, "sip/fabrikam.com", "BBBB0002",
                SecurityAssociation.Challenge.PROXY, 7200);
        associations.put(ntlm);
        associations.put(kerberos);
        assertTrue(associations.byOpaque("BBBB0001").isPresent());
        assertEquals(kerberos, associations.byEndpoint("0a1b2c3d4e", "amy@fabrikam.com").orElseThrow());
        associations.remove(kerberos);
        assertEquals(ntlm, associations.byEndpoint("0a1b2c3d4e", "amy@fabrikam.com").orElseThrow());
        associations.removeUser("amy@fabrikam.com");
        assertFalse(associations.byEndpoint("0a1b2c3d4e", "amy@fabrikam.com").isPresent());
        assertFalse(associations.byOpaque("BBBB0001").isPresent());
    }

    @Test
    public void anExpiredAssociationSignsNothing() {
        associations.put(sa(SipaeScheme.NTLM, "fabrikam.com", "CCCC0001", SecurityAssociation.Challenge.REGISTRAR, 0));
        assertFalse(associations.byEndpoint("0a1b2c3d4e", "amy@fabrikam.com").isPresent());
        assertFalse(associations.byEndpoint("ffff", "amy@fabrikam.com").isPresent());
    }
}
