package org.ucfront.registrar.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Base64;
import java.util.UUID;

import org.junit.Test;
import org.ucfront.sip.MalformedHeaderException;

public class GruuTest {
    /** §4.1.1: the +sip.instance of the REGISTER. */
    private static final SipInstance INSTANCE =
            SipInstance.parse("\"<urn:uuid:B43B3D1D-9F8F-5FDC-9F74-3CA273CADB97>\"");
    /** §4.1.1: the gruu Contact parameter of the 200 OK, unquoted and joined. */
    private static final String SPEC_GRUU = "sip:alice@fabrikam.com;opaque=user:epid:HT07tI-f3F-fdDyic8rblwAA;gruu";

    @Test
    public void reproducesTheSection411GruuByteForByte() {
        Gruu g = Gruu.of("alice", "fabrikam.com", INSTANCE);
        assertEquals(SPEC_GRUU, g.uri());
        assertEquals(SPEC_GRUU, g.toString());
        assertEquals("HT07tI-f3F-fdDyic8rblwAA", g.epidToken());
        assertEquals("\"" + SPEC_GRUU + "\"", g.toParamValue());
    }

    @Test
    public void tokenIsMicrosoftGuidOrderPlusTwoZeroBytes() {
        // Expected value from Python's uuid.UUID(...).bytes_le + b"\0\0", base64url unpadded.
        SipInstance i = SipInstance.of(UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"));
        String token = Gruu.epidToken(i);
        assertEquals("MyIRAFVEd2aImaq7zN3u_wAA", token);
        byte[] raw = Base64.getUrlDecoder().decode(token);
        assertArrayEquals(new byte[] {0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66,
            (byte) 0x88, (byte) 0x99, (byte) 0xaa, (byte) 0xbb, (byte) 0xcc, (byte) 0xdd, (byte) 0xee, (byte) 0xff,
            0, 0}, raw);
    }

    @Test
    public void sameInstanceInAnyCaseGivesTheSameGruu() {
        SipInstance lower = SipInstance.parse("<urn:uuid:b43b3d1d-9f8f-5fdc-9f74-3ca273cadb97>");
        assertEquals(Gruu.of("alice", "fabrikam.com", INSTANCE), Gruu.of("alice", "FABRIKAM.com", lower));
        assertEquals(SPEC_GRUU, Gruu.of("alice", "Fabrikam.COM", lower).uri());
    }

    @Test
    public void nonUuidInstanceUsesSha1OfTheLowercaseUrn() {
        // Expected value: base64url(sha1("urn:foo:bar")[0:16] + b"\0\0") computed with Python hashlib.
        assertEquals("gG_V6iGWTu2gttcPq7dD5AAA", Gruu.epidToken(SipInstance.parse("<urn:foo:bar>")));
        assertEquals("gG_V6iGWTu2gttcPq7dD5AAA", Gruu.epidToken(SipInstance.parse("\"<URN:FOO:BAR>\"")));
    }

    @Test
    public void differentInstancesGiveDifferentGruus() {
        Gruu a = Gruu.of("alice", "fabrikam.com", INSTANCE);
        Gruu b = Gruu.of("alice", "fabrikam.com",
                SipInstance.of(UUID.fromString("b43b3d1d-9f8f-5fdc-9f74-3ca273cadb98")));
        assertNotEquals(a, b);
        assertNotEquals(a.epidToken(), b.epidToken());
    }

    @Test
    public void parseReadsBackTheToken() {
        Gruu parsed = Gruu.parse(SPEC_GRUU);
        assertEquals("HT07tI-f3F-fdDyic8rblwAA", parsed.epidToken());
        assertEquals("alice", parsed.user());
        assertEquals("fabrikam.com", parsed.host());
        assertEquals(Gruu.of("alice", "fabrikam.com", INSTANCE), parsed);
    }

    @Test
    public void parseToleratesBracketsCaseParameterOrderAndExtras() {
        String token = "HT07tI-f3F-fdDyic8rblwAA";
        assertEquals(token, Gruu.parse("<" + SPEC_GRUU + ">").epidToken());
        assertEquals(token, Gruu.parse("SIP:alice@Fabrikam.com;GRUU;transport=tls;OPAQUE=USER:EPID:" + token).epidToken());
        assertEquals("fabrikam.com", Gruu.parse("sip:alice@Fabrikam.com;gruu;opaque=user:epid:" + token).host());
    }

    @Test
    public void parseRejectsWhatIsNotOurGruu() {
        String token = "HT07tI-f3F-fdDyic8rblwAA";
        String[] bad = {
            null, "", "sip:alice@fabrikam.com",
            "sip:alice@fabrikam.com;opaque=user:epid:" + token,              // no gruu flag
            "sip:alice@fabrikam.com;gruu",                                      // no opaque
            "sip:alice@fabrikam.com;opaque=app:voicemail;gruu",                 // other opaque
            "sip:alice@fabrikam.com;opaque=user:epid:HT07tI;gruu",              // short token
            "sip:alice@fabrikam.com;opaque=user:epid:" + token + "A;gruu",      // long token
            "sip:alice@fabrikam.com;opaque=user:epid:HT07tI+f3F/fdDyic8rblwAA;gruu", // not url-safe
            "sip:alice@fabrikam.com;opaque=user:epid:" + token + ";opaque=user:epid:" + token + ";gruu",
            "sip:alice@fabrikam.com;;opaque=user:epid:" + token + ";gruu",
            "tel:+1555;opaque=user:epid:" + token + ";gruu",
            "sip:fabrikam.com;opaque=user:epid:" + token + ";gruu",             // no user
            "sip:@fabrikam.com;opaque=user:epid:" + token + ";gruu",
            "sip:alice@;opaque=user:epid:" + token + ";gruu",
            "sip:al ice@fabrikam.com;opaque=user:epid:" + token + ";gruu",
            "sip:alice@fabrikam.com:5061;opaque=user:epid:" + token + ";gruu",
            "sip:alice@" + "a".repeat(Gruu.MAX_URI_LENGTH) + ";opaque=user:epid:" + token + ";gruu",
        };
        for (String s : bad) {
            assertThrows(String.valueOf(s), MalformedHeaderException.class, () -> Gruu.parse(s));
        }
    }

    @Test
    public void ofRejectsInvalidUserOrHost() {
        assertThrows(IllegalArgumentException.class, () -> Gruu.of("", "fabrikam.com", INSTANCE));
        assertThrows(IllegalArgumentException.class, () -> Gruu.of("a;b", "fabrikam.com", INSTANCE));
        assertThrows(IllegalArgumentException.class, () -> Gruu.of("a@b", "fabrikam.com", INSTANCE));
        assertThrows(IllegalArgumentException.class, () -> Gruu.of("alice", "fab rikam.com", INSTANCE));
        assertThrows(IllegalArgumentException.class, () -> Gruu.of(null, "fabrikam.com", INSTANCE));
        assertThrows(IllegalArgumentException.class, () -> Gruu.of("alice", null, INSTANCE));
    }

    @Test
    public void epidOnlyEndpointsGetAStableCaseInsensitiveGruu() {
        SipInstance a = Gruu.instanceForEpid("492a7ce35f"); // §4.1.1 epid
        assertEquals(a, Gruu.instanceForEpid("492A7CE35F"));
        assertTrue(a.uuid().isEmpty());
        assertEquals(Gruu.of("alice", "fabrikam.com", a), Gruu.of("alice", "fabrikam.com", Gruu.instanceForEpid("492a7ce35f")));
        assertNotEquals(Gruu.epidToken(a), Gruu.epidToken(Gruu.instanceForEpid("90e62db136")));
        assertThrows(MalformedHeaderException.class, () -> Gruu.instanceForEpid("a b"));
        assertThrows(MalformedHeaderException.class, () -> Gruu.instanceForEpid(""));
    }

    @Test
    public void acceptsEscapedUserAndIpHosts() {
        assertTrue(Gruu.of("j%20doe", "10.1.2.3", INSTANCE).uri().startsWith("sip:j%20doe@10.1.2.3;"));
        assertTrue(Gruu.of("bob", "[2001:db8::1]", INSTANCE).uri().startsWith("sip:bob@[2001:db8::1];"));
    }
}
