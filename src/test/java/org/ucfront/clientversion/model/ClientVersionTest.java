package org.ucfront.clientversion.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Optional;
import org.junit.Test;

public class ClientVersionTest {

    private static ClientVersion v(String text) {
        return ClientVersion.parse(text).orElseThrow(() -> new AssertionError("not a version: " + text));
    }

    @Test
    public void readsTheVersionsOfTheSpecExamples() {
        assertEquals(new ClientVersion(4, 0, 7577, 0), v("4.0.7577.0"));    // DIGEST §4
        assertEquals(new ClientVersion(3, 5, 6890, 0), v("3.5.6890.0"));    // §4.3.1
        assertEquals(new ClientVersion(3, 5, 6889, 0), v("3.5.6889.0"));    // §3.4.1.5.1
        assertEquals(new ClientVersion(2, 0, 6362, 0), v("2.0.6362.0"));
        assertEquals(new ClientVersion(16, 0, 4266, 1001), v("16.0.4266.1001"));
    }

    @Test
    public void theBuildNumberHasAtLeastFourDigits() {
        assertEquals(Optional.empty(), ClientVersion.parse("3.5.689.0"));  // §3.4.1.5.1: Build-number = 4*DIGIT
        assertEquals(Optional.empty(), ClientVersion.parse("3.5.0.0"));
        assertEquals(new ClientVersion(3, 5, 689, 0), v("3.5.0689.0"));    // four digits, leading zero
        assertEquals(new ClientVersion(3, 5, 123456789, 0), v("3.5.123456789.0"));
    }

    @Test
    public void anythingElseIsNotAVersion() {
        for (String bad : new String[] {null, "", "4", "4.0", "4.0.7577", "4.0.7577.0.1", "4.0.7577.", ".0.7577.0",
                "4..7577.0", "4.0.7577.x", "v4.0.7577.0", "4.0.7577.0 ", " 4.0.7577.0", "-4.0.7577.0", "4.+0.7577.0",
                "4.0.7 577.0", "1234567890.0.7577.0", "4.0.7577.1234567890", "٤.0.7577.0"}) {
            assertEquals(String.valueOf(bad), Optional.empty(), ClientVersion.parse(bad));
        }
    }

    @Test
    public void comparesComponentByComponentNumerically() {
        assertTrue(v("4.0.7577.0").compareTo(v("3.5.6890.0")) > 0);
        assertTrue(v("3.5.6890.0").compareTo(v("3.5.6889.0")) > 0);
        assertTrue(v("3.5.6889.1").compareTo(v("3.5.6889.0")) > 0);
        assertTrue(v("3.10.1000.0").compareTo(v("3.9.9999.0")) > 0);  // not text order
        assertTrue(v("2.0.6362.0").compareTo(v("2.0.10000.0")) < 0);
        assertEquals(0, v("3.5.06890.0").compareTo(v("3.5.6890.0")));
    }

    @Test
    public void canonicalFormWritesTheBuildWithFourDigits() {
        assertEquals("4.0.7577.0", v("4.0.7577.0").toString());
        assertEquals("3.5.0689.0", v("3.5.0689.0").toString());
        assertEquals("3.5.6890.0", v("03.5.6890.00").toString());
        assertEquals(v("3.5.0689.0"), v(v("3.5.0689.0").toString()));
    }

    @Test
    public void componentsAreNotNegative() {
        assertThrows(IllegalArgumentException.class, () -> new ClientVersion(-1, 0, 7577, 0));
    }
}
