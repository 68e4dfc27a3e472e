package org.ucfront.sip;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

public class RequestInspectionTest {

    @Test
    public void requireTagsNotUnderstoodAreListedInOrder() {
        // RFC 4475 §3.3.5 (bext01): both of its Require tags are unknown
        assertEquals(List.of("nothingSupportsThis", "nothingSupportsThisEither"),
                RequestInspection.notUnderstood(List.of("nothingSupportsThis, nothingSupportsThisEither").iterator()));
    }

    @Test
    public void msSipregeTagsAreUnderstoodCaseInsensitively() {
        assertEquals(List.of(), RequestInspection.notUnderstood(List.of("GRUU-10", "ms-userservices-state-notification").iterator()));
        assertEquals(List.of("100rel"), RequestInspection.notUnderstood(List.of("gruu-10,100rel").iterator()));
    }
}
