package org.ucfront.sip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class MsDiagnosticsTest {

    @Test
    public void headerNameIsThePublicVariant() {
        assertEquals("ms-diagnostics-public", MsDiagnostics.HEADER);
        assertEquals(MsDiagnostics.HEADER, SipHeaders.MS_DIAGNOSTICS_PUBLIC);
    }

    @Test
    public void formatsTheSection413Line() {
        assertEquals("4141;reason=\"User disabled\"", MsDiagnostics.value(4141, "User disabled"));
    }

    @Test
    public void formatsTheSection414And415Lines() {
        assertEquals("4165;reason=\"User Services Pool is unavailable.\"",
                MsDiagnostics.value(4165, "User Services Pool is unavailable."));
        assertEquals("4166;reason=\"Preferred Registrar Change.\"",
                MsDiagnostics.value(4166, "Preferred Registrar Change."));
    }

    @Test
    public void escapesQuoteAndBackslashAsQuotedPairs() {
        assertEquals("4055;reason=\"Event header is not set to \\\"registration\\\".\"",
                MsDiagnostics.value(4055, "Event header is not set to \"registration\"."));
        assertEquals("1;reason=\"a\\\\b\"", MsDiagnostics.value(1, "a\\b"));
    }

    @Test
    public void stripsCrLfSoTheReasonCannotInjectHeaders() {
        String v = MsDiagnostics.value(7, "bad\r\nVia: evil");
        assertEquals("7;reason=\"badVia: evil\"", v);
        assertFalse(v.contains("\r") || v.contains("\n"));
    }

    @Test
    public void keepsTabAndNonAscii() {
        assertEquals("1;reason=\"a\tb é\"", MsDiagnostics.value(1, "a\tb é"));
    }

    @Test
    public void emptyReasonIsAnEmptyQuotedString() {
        assertEquals("0;reason=\"\"", MsDiagnostics.value(0, ""));
    }

    @Test
    public void rejectsNegativeErrorId() {
        assertThrows(IllegalArgumentException.class, () -> MsDiagnostics.value(-1, "x"));
    }

    @Test
    public void quoteRefusesControlCharacters() {
        assertThrows(IllegalArgumentException.class, () -> QuotedString.quote("a\nb"));
        assertThrows(IllegalArgumentException.class, () -> QuotedString.quote("a\u0000b"));
        assertThrows(IllegalArgumentException.class, () -> QuotedString.quote(null));
    }

    @Test
    public void serverValueIsRtc40() {
        assertEquals("Server", SipHeaders.SERVER);
        assertEquals("RTC/4.0", SipHeaders.SERVER_VALUE);
        assertEquals("P-Preferred-Registrar", SipHeaders.P_PREFERRED_REGISTRAR);
    }
}
