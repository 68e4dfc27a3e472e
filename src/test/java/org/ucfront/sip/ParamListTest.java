package org.ucfront.sip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.ucfront.sip.ParamList.Param;

public class ParamListTest {

    private static MalformedHeaderException fails(String input) {
        return assertThrows(MalformedHeaderException.class, () -> ParamList.parse(input, "X"));
    }

    @Test
    public void readsBareAndQuotedValuesInOrderWithLowercasedKeys() {
        Map<String, Param> p = ParamList.parse(" A=1 ,b=\"two, \\\"2\\\"\",\tC = x-y ", "X");
        assertEquals(List.of("a", "b", "c"), List.copyOf(p.keySet()));
        assertEquals(new Param("A", "1", false), p.get("a"));
        assertEquals(new Param("b", "two, \"2\"", true), p.get("b"));
        assertEquals("x-y", p.get("c").value());
    }

    @Test
    public void foldedLineIsWhitespace() {
        Map<String, Param> p = ParamList.parse("a=1,\r\n b=\"x\r\n y\"", "X");
        assertEquals("1", p.get("a").value());
        assertEquals("x y", p.get("b").value());
    }

    @Test
    public void emptyQuotedValueIsAllowed() {
        assertEquals("", ParamList.parse("a=\"\"", "X").get("a").value());
    }

    @Test
    public void rejectsDuplicatesCaseInsensitively() {
        assertTrue(fails("a=1, A=2").getMessage().contains("duplicate parameter 'A'"));
    }

    @Test
    public void rejectsUnterminatedQuotedString() {
        assertTrue(fails("a=\"abc").getMessage().contains("unterminated quoted-string"));
        assertTrue(fails("a=\"abc\\").getMessage().contains("unterminated quoted-string"));
    }

    @Test
    public void rejectsStructuralErrors() {
        fails(null);
        fails("");
        fails("   ");
        fails("a=1,");
        fails(",a=1");
        fails("a");
        fails("a=");
        fails("a=1 b=2");
        fails("=1");
        fails("a=b=c");
        fails("a=1;b=2");
        fails("a=\"x\"y");
    }

    @Test
    public void rejectsControlCharacters() {
        fails("a=\"x\u0001y\"");
        fails("a=\"x\ny\"");
        fails("a=x\r\nb=y");
        fails("a=\"x\\\ny\"");
    }

    @Test
    public void boundsTheInputLength() {
        String big = "a=\"" + "x".repeat(SipHeaders.MAX_HEADER_VALUE_LENGTH) + "\"";
        assertTrue(fails(big).getMessage().contains("longer than 4096"));
        String fits = "a=" + "x".repeat(SipHeaders.MAX_HEADER_VALUE_LENGTH - 2);
        assertFalse(ParamList.parse(fits, "X").isEmpty());
    }

    @Test
    public void messageNamesTheHeaderAndPosition() {
        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> ParamList.parse("a=1 b=2", "Ms-Device-Info"));
        assertEquals("Ms-Device-Info: expected ',' after parameter 'a' (at index 4)", e.getMessage());
    }
}
