package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** New endpoints' stored identities: growing in the order the key index sorts them, never reused. */
public class EndpointIdsTest {

    @Test
    public void idsGrowInTheOrderStringsSort() {
        EndpointIds ids = EndpointIds.after(List.of(), 0);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // past 0x0f and 0x1f: a digit more must still sort after
            made.add(ids.get());
        }
        assertEquals("0000000000000001", made.get(0));
        assertEquals("0000000000000010", made.get(15));
        List<String> sorted = new ArrayList<>(made);
        sorted.sort(null);
        assertEquals(made, sorted);
    }

    @Test
    public void aRestartTakesUpPastTheStoredIdsEvenWithTheClockSetBack() {
        EndpointIds before = EndpointIds.after(List.of(), 1_700_000_000_000L);
        String last = before.get();
        // restarted at an earlier time than the ids were made: still after the stored ones
        EndpointIds after = EndpointIds.after(List.of("alice@contoso.com epid:01010101", last), 1_600_000_000_000L);
        String next = after.get();
        assertTrue(next + " after " + last, next.compareTo(last) > 0);
    }

    @Test
    public void aRestartTakesUpPastTheClockWhenItIsAhead() {
        EndpointIds ids = EndpointIds.after(List.of("0000000000000005"), 1_700_000_000_000L);
        assertEquals(Long.toHexString((1_700_000_000_000L << EndpointIds.PER_MILLISECOND_BITS) + 1), ids.get());
    }

    @Test
    public void idsStoredBeforeThemAreNotCounters() {
        assertFalse(EndpointIds.isCounter("alice@contoso.com <urn:uuid:00000000-0000-0000-0000-00000000000a>"));
        assertFalse(EndpointIds.isCounter("000000000000000g"));
        assertFalse(EndpointIds.isCounter("00000000000000A1")); // made lower case only
        assertTrue(EndpointIds.isCounter("018bcfe568000001"));
    }
}
