package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.ucfront.sip.MalformedHeaderException;
import org.ucfront.sip.SipHeaders;

public class DeviceInfoTest {

    private static MalformedHeaderException fails(String value) {
        return assertThrows(String.valueOf(value), MalformedHeaderException.class, () -> DeviceInfo.parse(value));
    }

    @Test
    public void readsTheDocumentedForm() {
        DeviceInfo d = DeviceInfo.parse("MAC=00-11-22-33-44-55,vendor=\"Polycom\",version=4.0.7577");
        assertEquals("00-11-22-33-44-55", d.mac());
        assertEquals("Polycom", d.vendor());
        assertEquals("4.0.7577", d.version());
    }

    @Test
    public void acceptsBareVendorWhitespaceAndEightPairMac() {
        DeviceInfo d = DeviceInfo.parse(" MAC = 00-11-22-33-44-55-66-77 , vendor = Polycom , version = 4.0.7577 ");
        assertEquals("00-11-22-33-44-55-66-77", d.mac());
        assertEquals("Polycom", d.vendor());
    }

    @Test
    public void normalizesMacToUppercase() {
        assertEquals("AA-BB-CC-DD-EE-FF",
                DeviceInfo.parse("MAC=aa-bb-cc-dd-ee-ff,vendor=x,version=1").mac());
    }

    @Test
    public void quotedVendorMayHoldCommasAndEscapes() {
        DeviceInfo d = DeviceInfo.parse("MAC=00-11-22-33-44-55,vendor=\"Acme, \\\"Inc\\\"\",version=1.0");
        assertEquals("Acme, \"Inc\"", d.vendor());
    }

    @Test
    public void namesAreCaseInsensitiveAndOrderFree() {
        DeviceInfo d = DeviceInfo.parse("version=4.0.7577,mac=00-11-22-33-44-55,VENDOR=\"Polycom\"");
        assertEquals(DeviceInfo.parse("MAC=00-11-22-33-44-55,vendor=\"Polycom\",version=4.0.7577"), d);
    }

    @Test
    public void rejectsWrongMacs() {
        fails("MAC=00-11-22-33-44,vendor=x,version=1");                 // 5 pairs
        fails("MAC=00-11-22-33-44-55-66,vendor=x,version=1");           // 7 pairs
        fails("MAC=00-11-22-33-44-55-66-77-88,vendor=x,version=1");     // 9 pairs
        fails("MAC=00:11:22:33:44:55,vendor=x,version=1");
        fails("MAC=0G-11-22-33-44-55,vendor=x,version=1");
        fails("MAC=001-1-22-33-44-55,vendor=x,version=1");
        fails("MAC=\"00-11-22-33-44-55\",vendor=x,version=1");
        assertTrue(fails("MAC=001122334455,vendor=x,version=1").getMessage()
                .contains("MAC is not 6 or 8 hyphen-separated hex pairs"));
    }

    @Test
    public void rejectsMissingDuplicateAndUnknownFields() {
        assertTrue(fails("MAC=00-11-22-33-44-55,version=1").getMessage().contains("missing field 'vendor'"));
        assertTrue(fails("MAC=00-11-22-33-44-55,vendor=x").getMessage().contains("missing field 'version'"));
        assertTrue(fails("vendor=x,version=1").getMessage().contains("missing field 'MAC'"));
        fails("MAC=00-11-22-33-44-55,vendor=x,version=1,mac=00-11-22-33-44-55");
        assertTrue(fails("MAC=00-11-22-33-44-55,vendor=x,version=1,model=y").getMessage().contains("unknown field"));
    }

    @Test
    public void rejectsBadVendorAndVersion() {
        fails("MAC=00-11-22-33-44-55,vendor=\"Polycom,version=4.0.7577");  // truncated quoted-string
        fails("MAC=00-11-22-33-44-55,vendor=\"\",version=1");
        fails("MAC=00-11-22-33-44-55,vendor=a{b},version=1");
        fails("MAC=00-11-22-33-44-55,vendor=x,version=\"1.0\"");
        fails("MAC=00-11-22-33-44-55,vendor=x,version=1/0");
        fails("MAC=00-11-22-33-44-55,vendor=\"" + "v".repeat(DeviceInfo.MAX_FIELD_LENGTH + 1) + "\",version=1");
    }

    @Test
    public void rejectsGarbageAndHugeValues() {
        fails(null);
        fails("");
        fails("garbage");
        fails("MAC=00-11-22-33-44-55;vendor=x;version=1");
        fails("MAC=00-11-22-33-44-55,vendor=x,version=1,");
        fails("MAC=00-11-22-33-44-55,vendor=\"" + "v".repeat(SipHeaders.MAX_HEADER_VALUE_LENGTH) + "\",version=1");
    }
}
