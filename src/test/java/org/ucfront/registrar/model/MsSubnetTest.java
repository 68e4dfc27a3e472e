package org.ucfront.registrar.model;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;
import org.ucfront.sip.MalformedHeaderException;

public class MsSubnetTest {

    @Test
    public void readsTheSection411Value() {
        MsSubnet s = MsSubnet.parse("10.1.2.1");
        assertEquals("10.1.2.1", s.value());
        assertArrayEquals(new byte[] {10, 1, 2, 1}, s.toInetAddress().getAddress());
    }

    @Test
    public void acceptsTheRangeLimitsAndSurroundingWhitespace() {
        assertEquals("255.255.255.255", MsSubnet.parse(" 255.255.255.255 ").value());
        assertEquals("0.0.0.0", MsSubnet.parse("0.0.0.0").value());
        assertEquals("10.1.2.1", MsSubnet.parse("010.001.002.001").value()); // 1*3DIGIT allows zeros
        assertEquals(MsSubnet.parse("10.1.2.1"), MsSubnet.parse("010.1.2.1"));
    }

    @Test
    public void rejectsAnythingButDottedIpv4() {
        String[] bad = {
            null, "", "10.1.2", "10.1.2.1.5", "256.1.1.1", "1.2.3.999", "1..2.3", ".1.2.3", "1.2.3.",
            "1234.1.1.1", "10.1.2.1x", "10.1.2.1/24", "fe80::1", "::ffff:10.1.2.1", "host.example.com",
            "10 .1.2.1", "-1.2.3.4", "1.2.\n3.4", "0x0a.1.2.1", "1.2.3.4" + "0".repeat(5000),
        };
        for (String s : bad) {
            assertThrows(String.valueOf(s), MalformedHeaderException.class, () -> MsSubnet.parse(s));
        }
    }
}
