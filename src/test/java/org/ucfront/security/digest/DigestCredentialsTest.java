package org.ucfront.security.digest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Optional;

import org.junit.Test;
import org.ucfront.sip.MalformedHeaderException;

public class DigestCredentialsTest {
    /** RFC 2617 §3.5 Authorization header. */
    static final String RFC2617 = "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", "
            + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", uri=\"/dir/index.html\", qop=auth, nc=00000001, "
            + "cnonce=\"0a4f113b\", response=\"6629fae49393a05397450978507c4ef1\", "
            + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
    private static final String MINIMAL = "Digest username=\"bob\", realm=\"r\", nonce=\"n\", uri=\"sip:fabrikam.com\", "
            + "response=\"" + "a".repeat(32) + "\"";

    private static MalformedCredentialsException fails(String value) {
        return assertThrows(String.valueOf(value), MalformedCredentialsException.class,
                () -> DigestCredentials.parse(value));
    }

    @Test
    public void readsTheRfc2617Example() {
        DigestCredentials c = DigestCredentials.parse(RFC2617);
        assertEquals("Mufasa", c.username());
        assertEquals("testrealm@host.com", c.realm());
        assertEquals("dcd98b7102dd2f0e8b11d0f600bfb0c093", c.nonce());
        assertEquals("/dir/index.html", c.uri());
        assertEquals(Optional.of("auth"), c.qop());
        assertEquals(Optional.of("00000001"), c.nc());
        assertEquals(Optional.of(1L), c.nonceCount());
        assertEquals(Optional.of("0a4f113b"), c.cnonce());
        assertEquals("6629fae49393a05397450978507c4ef1", c.response());
        assertEquals(Optional.of("5ccc069c403ebaf9f0171e9517f40e41"), c.opaque());
        assertEquals(Optional.empty(), c.algorithmToken());
        assertEquals(Optional.of(DigestAlgorithm.MD5), c.algorithm()); // absent means MD5
    }

    @Test
    public void readsSipStyleCredentialsWithoutQop() {
        DigestCredentials c = DigestCredentials.parse(MINIMAL);
        assertEquals("sip:fabrikam.com", c.uri());
        assertEquals(Optional.empty(), c.qop());
        assertEquals(Optional.empty(), c.nonceCount());
        assertEquals(Optional.empty(), c.opaque());
    }

    @Test
    public void algorithmTokens() {
        assertEquals(Optional.of(DigestAlgorithm.SHA256),
                DigestCredentials.parse(MINIMAL + ", algorithm=SHA-256").algorithm());
        assertEquals(Optional.of(DigestAlgorithm.SHA256),
                DigestCredentials.parse(MINIMAL + ", algorithm=\"sha-256\"").algorithm());
        DigestCredentials sess = DigestCredentials.parse(MINIMAL + ", algorithm=MD5-sess");
        assertEquals(Optional.empty(), sess.algorithm());
        assertEquals(Optional.of("MD5-sess"), sess.algorithmToken());
    }

    @Test
    public void anyOrderCaseInsensitiveNamesAndScheme() {
        DigestCredentials c = DigestCredentials.parse("dIgEsT RESPONSE=\"6629FAE49393A05397450978507C4EF1\","
                + "Nc=00000001,QOP=\"auth\",CNonce=\"0a4f113b\",URI=\"/dir/index.html\","
                + "Nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\",Realm=\"testrealm@host.com\",UserName=\"Mufasa\"");
        assertEquals("Mufasa", c.username());
        assertEquals("6629fae49393a05397450978507c4ef1", c.response()); // kept lowercase
        assertEquals(Optional.of("auth"), c.qop());
    }

    @Test
    public void unescapesQuotedPairsIgnoresUnknownParamsAndAcceptsFolding() {
        DigestCredentials c = DigestCredentials.parse("Digest\tusername=\"bo\\\"b\\\\\", userhash=false,\r\n realm=\"r\","
                + " nonce=\"n\", uri=\"sip:a@b\", foo=\"bar, baz\", response=\"" + "0".repeat(64) + "\"");
        assertEquals("bo\"b\\", c.username());
        assertEquals("0".repeat(64), c.response());
    }

    @Test
    public void otherSchemesAreReportedAsSuch() {
        // §4.1.1's Authorization header (shortened).
        UnsupportedSchemeException e = assertThrows(UnsupportedSchemeException.class, () -> DigestCredentials.parse(
                "NTLM qop=\"auth\", realm=\"SIP Communications Service\", targetname=\"ocs.fabrikam.com\", "
                        + "opaque=\"99052D67\", version=3"));
        assertEquals("NTLM", e.scheme());
        assertEquals("Kerberos", assertThrows(UnsupportedSchemeException.class,
                () -> DigestCredentials.parse("Kerberos qop=\"auth\"")).scheme());
        assertTrue(e instanceof MalformedCredentialsException);
        assertTrue(e instanceof MalformedHeaderException);
    }

    @Test
    public void rejectsMissingMandatoryParameters() {
        for (String p : new String[] {"username", "realm", "nonce", "uri", "response"}) {
            String value = MINIMAL.replaceFirst(p + "=\"[^\"]*\", ?", "").replaceFirst(", " + p + "=\"[^\"]*\"$", "");
            assertFalse(value, value.contains(p + "="));
            assertTrue(value, fails(value).getMessage().contains("missing parameter '" + p + "'"));
        }
    }

    @Test
    public void rejectsInconsistentQop() {
        assertTrue(fails(MINIMAL + ", qop=auth, nc=00000001").getMessage().contains("qop without cnonce"));
        assertTrue(fails(MINIMAL + ", qop=auth, cnonce=\"c\"").getMessage().contains("qop without nc"));
        fails(MINIMAL + ", qop=auth, cnonce=\"\", nc=00000001");
        fails(MINIMAL + ", qop=auth, cnonce=\"c\", nc=1");
        fails(MINIMAL + ", qop=auth, cnonce=\"c\", nc=0000000g");
        fails(MINIMAL + ", nc=123456789");
        fails(MINIMAL + ", qop=\"auth, auth-int\", cnonce=\"c\", nc=00000001");
    }

    @Test
    public void rejectsBadResponses() {
        fails(MINIMAL.replace("a".repeat(32), "a".repeat(31)));
        fails(MINIMAL.replace("a".repeat(32), "a".repeat(40)));
        fails(MINIMAL.replace("a".repeat(32), "z".repeat(32)));
        fails(MINIMAL.replace("a".repeat(32), ""));
    }

    @Test
    public void rejectsGarbage() {
        fails(null);
        fails("");
        fails("   ");
        fails("Digest");
        fails("Digest   ");
        fails("Digest,username=\"a\"");
        fails("\"Digest\" username=\"a\"");
        fails("Digest username=\"Mufasa");                               // truncated quoted-string
        fails(RFC2617.substring(0, RFC2617.length() - 20));              // truncated header
        fails(MINIMAL + ",");
        fails(MINIMAL.replace("\", realm", "\" realm"));                 // missing comma
        fails(MINIMAL + ", nonce=\"again\"");                            // duplicate
        fails(MINIMAL + ", NONCE=\"again\"");
        fails(MINIMAL.replace("bob", "b\u0000b"));
        fails(MINIMAL + ", algorithm=\"MD 5\"");
        fails("Digest username=\"a\", realm==\"b\"");
    }

    @Test
    public void boundsLengths() {
        assertTrue(fails(MINIMAL + ", x=\"" + "y".repeat(5000) + "\"").getMessage().contains("longer than 4096"));
        assertTrue(fails(MINIMAL.replace("bob", "b".repeat(DigestCredentials.MAX_PARAM_LENGTH + 1)))
                .getMessage().contains("longer than 1024"));
    }

    @Test
    public void toStringHidesTheResponse() {
        assertFalse(DigestCredentials.parse(RFC2617).toString().contains("6629fae4"));
    }
}
