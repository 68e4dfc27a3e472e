package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.UUID;

import org.junit.Test;
import org.ucfront.sip.MalformedHeaderException;

public class SipInstanceTest {
    /** §4.1.1 REGISTER Contact parameter, as the client sends it. */
    private static final String REQUEST_VALUE = "\"<urn:uuid:B43B3D1D-9F8F-5FDC-9F74-3CA273CADB97>\"";
    /** §4.1.1 200 OK Contact parameter, as the registrar answers it. */
    private static final String RESPONSE_VALUE = "\"<urn:uuid:b43b3d1d-9f8f-5fdc-9f74-3ca273cadb97>\"";
    private static final UUID ID = UUID.fromString("b43b3d1d-9f8f-5fdc-9f74-3ca273cadb97");

    @Test
    public void readsTheSection411ValueAndAnswersItLowercase() {
        SipInstance i = SipInstance.parse(REQUEST_VALUE);
        assertEquals(ID, i.uuid().orElseThrow());
        assertEquals("urn:uuid:b43b3d1d-9f8f-5fdc-9f74-3ca273cadb97", i.urn());
        assertEquals(RESPONSE_VALUE, i.toParamValue());
    }

    @Test
    public void acceptsAngleBracketsOnlyOrBareUrn() {
        SipInstance quoted = SipInstance.parse(REQUEST_VALUE);
        assertEquals(quoted, SipInstance.parse("<urn:uuid:B43B3D1D-9F8F-5FDC-9F74-3CA273CADB97>"));
        assertEquals(quoted, SipInstance.parse("URN:UUID:b43b3d1d-9f8f-5fdc-9f74-3ca273cadb97"));
        assertEquals(quoted, SipInstance.parse("  " + REQUEST_VALUE + " "));
        assertEquals(quoted, SipInstance.of(ID));
    }

    @Test
    public void comparesCaseInsensitively() {
        SipInstance upper = SipInstance.parse(REQUEST_VALUE);
        SipInstance lower = SipInstance.parse(RESPONSE_VALUE);
        assertEquals(upper, lower);
        assertEquals(upper.hashCode(), lower.hashCode());
        assertNotEquals(upper, SipInstance.of(UUID.fromString("b43b3d1d-9f8f-5fdc-9f74-3ca273cadb98")));
    }

    @Test
    public void allowsOtherUrnsComparedCaseInsensitively() {
        SipInstance a = SipInstance.parse("<urn:foo:bar>");
        SipInstance b = SipInstance.parse("\"<URN:Foo:BAR>\"");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertFalse(a.uuid().isPresent());
        assertEquals("urn:foo:bar", a.urn());
        assertEquals("\"<urn:foo:bar>\"", b.toParamValue());
    }

    @Test
    public void rejectsMalformedValues() {
        String[] bad = {
            null, "", "   ", "\"\"", "<>", "\"<>\"",
            "\"<urn:uuid:B43B3D1D-9F8F-5FDC-9F74-3CA273CADB97>",  // unbalanced quote
            "<urn:uuid:B43B3D1D-9F8F-5FDC-9F74-3CA273CADB97",      // unbalanced bracket
            "urn:uuid:B43B3D1D-9F8F-5FDC-9F74-3CA273CADB97>",
            "<urn:uuid:not-a-uuid>",
            "<urn:uuid:1-1-1-1-1>",                                // UUID.fromString would take it
            "<urn:uuid:B43B3D1D9F8F5FDC9F743CA273CADB97>",
            "<urn:uuid:>",
            "<urn:foo bar>", "<urn:foo\"bar>", "<urn:a<b>", "<urn:a\u0000b>", "<urn:é>",
        };
        for (String s : bad) {
            assertThrows(String.valueOf(s), MalformedHeaderException.class, () -> SipInstance.parse(s));
        }
    }

    @Test
    public void boundsTheLength() {
        String ok = "<urn:x:" + "a".repeat(SipInstance.MAX_LENGTH - 8) + ">";
        assertEquals(SipInstance.MAX_LENGTH, ok.length());
        SipInstance.parse(ok);
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> SipInstance.parse("<urn:x:" + "a".repeat(SipInstance.MAX_LENGTH) + ">"));
        assertTrue(e.getMessage().contains("longer than 256"));
    }
}
