package org.ucfront.directory.ldap.model;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class ChangeMarkerTest {

    @Test
    public void usnsCompareAsNumbers() {
        assertEquals("1000", ChangeMarker.max("999", "1000"));
    }

    @Test
    public void generalizedTimesCompareInOrder() {
        assertEquals("20240102030405Z", ChangeMarker.max("20240102030405Z", "20231231235959Z"));
    }

    @Test
    public void noMarkerIsTheEarliest() {
        assertEquals("5", ChangeMarker.max(null, "5"));
        assertEquals("5", ChangeMarker.max("5", null));
    }
}
