package org.ucfront.clientversion.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Optional;
import org.junit.Test;

public class VersionComparisonTest {

    private static final ClientVersion OLD = ClientVersion.parse("3.5.6890.0").orElseThrow();
    private static final ClientVersion NEW = ClientVersion.parse("4.0.7577.0").orElseThrow();

    @Test
    public void eachComparisonOfClientAgainstReference() {
        assertTrue(VersionComparison.EQUAL.test(NEW, NEW));
        assertFalse(VersionComparison.EQUAL.test(OLD, NEW));
        assertTrue(VersionComparison.NOT_EQUAL.test(OLD, NEW));
        assertFalse(VersionComparison.NOT_EQUAL.test(NEW, NEW));
        assertTrue(VersionComparison.GREATER.test(NEW, OLD));
        assertFalse(VersionComparison.GREATER.test(NEW, NEW));
        assertTrue(VersionComparison.GREATER_OR_EQUAL.test(NEW, NEW));
        assertFalse(VersionComparison.GREATER_OR_EQUAL.test(OLD, NEW));
        assertTrue(VersionComparison.LESS.test(OLD, NEW));
        assertFalse(VersionComparison.LESS.test(NEW, NEW));
        assertTrue(VersionComparison.LESS_OR_EQUAL.test(NEW, NEW));
        assertFalse(VersionComparison.LESS_OR_EQUAL.test(NEW, OLD));
    }

    @Test
    public void readsCodesAndWords() {
        String[][] names = {{"eq", "equal"}, {"ne", "not-equal"}, {"gt", "greater"}, {"ge", "greater-or-equal"},
                {"lt", "less"}, {"le", "less-or-equal"}};
        for (int i = 0; i < names.length; i++) {
            VersionComparison c = VersionComparison.values()[i];
            assertEquals(names[i][0], c.code());
            assertEquals(names[i][1], c.word());
            assertEquals(Optional.of(c), VersionComparison.fromText(names[i][0]));
            assertEquals(Optional.of(c), VersionComparison.fromText(names[i][1]));
        }
        assertEquals(Optional.of(VersionComparison.GREATER_OR_EQUAL), VersionComparison.fromText("GE"));
        assertEquals(Optional.of(VersionComparison.GREATER_OR_EQUAL), VersionComparison.fromText("greater_or_equal"));
        assertEquals(Optional.of(VersionComparison.LESS_OR_EQUAL), VersionComparison.fromText("Less or equal"));
        assertEquals(Optional.empty(), VersionComparison.fromText(">="));
        assertEquals(Optional.empty(), VersionComparison.fromText(""));
        assertEquals(Optional.empty(), VersionComparison.fromText(null));
    }
}
