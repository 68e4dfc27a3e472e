package org.ucfront.sip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.junit.Test;

public class OptionTagsTest {

    @Test
    public void collectsTheRepeatedSupportedHeadersOfSection411() {
        Set<String> tags = OptionTags.parse(List.of("gruu-10, adhoclist, msrtc-event-categories",
                "ms-cluster-failover", "ms-userservices-state-notification"));
        assertEquals(5, tags.size());
        assertTrue(tags.contains(OptionTags.GRUU_10));
        assertTrue(tags.contains(OptionTags.ADHOCLIST));
        assertTrue(tags.contains(OptionTags.MSRTC_EVENT_CATEGORIES));
        assertTrue(tags.contains(OptionTags.MS_CLUSTER_FAILOVER));
        assertTrue(tags.contains(OptionTags.MS_USERSERVICES_STATE_NOTIFICATION));
    }

    @Test
    public void isCaseInsensitiveAndSkipsEmptyElements() {
        Set<String> tags = OptionTags.parse(Arrays.asList("GRUU-10,, ", null, "com.microsoft.msrtc.presence"));
        assertTrue(tags.contains("gruu-10"));
        assertTrue(tags.contains(OptionTags.MSRTC_PRESENCE));
        assertEquals(2, tags.size());
        assertTrue(OptionTags.parse(null).isEmpty());
        assertTrue(OptionTags.parse(Collections.emptyList()).isEmpty());
    }

    @Test
    public void rejectsNonTokensAndHugeValues() {
        assertThrows(MalformedHeaderException.class, () -> OptionTags.parse(List.of("ad hoc list")));
        assertThrows(MalformedHeaderException.class, () -> OptionTags.parse(List.of("gruu-10;x")));
        assertThrows(MalformedHeaderException.class,
                () -> OptionTags.parse(List.of("a".repeat(SipHeaders.MAX_HEADER_VALUE_LENGTH + 1))));
    }
}
