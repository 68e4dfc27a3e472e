package org.ucfront.registrar.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.Test;

public class RegisterErrorTest {

    @Test
    public void specErrorsOfSection31251() {
        assertEquals(400, RegisterError.MISSING_ENDPOINT_ID.statusCode());
        assertEquals("4010;reason=\"Missing endpoint identifier (Epid and SIP.INSTANCE).\"",
                RegisterError.MISSING_ENDPOINT_ID.diagnostics());
        assertEquals(489, RegisterError.BAD_EVENT.statusCode());
        assertEquals("4055;reason=\"Event header is not set to \\\"registration\\\".\"",
                RegisterError.BAD_EVENT.diagnostics());
        assertEquals(421, RegisterError.GRUU_REQUIRED.statusCode());
        assertEquals(2057, RegisterError.GRUU_REQUIRED.errorId());
        assertEquals("Supported header does not have gruu-10 , but msrtc-event-categories is present.",
                RegisterError.GRUU_REQUIRED.reason());
        assertEquals(503, RegisterError.USER_SERVICES_UNAVAILABLE.statusCode());
        assertEquals(4164, RegisterError.USER_SERVICES_UNAVAILABLE.errorId());
    }

    @Test
    public void gruuRequiredCarriesRequireGruu10() {
        assertEquals(Optional.of("gruu-10"), RegisterError.GRUU_REQUIRED.requiredOptionTag());
        assertEquals(Optional.empty(), RegisterError.BAD_EVENT.requiredOptionTag());
    }

    @Test
    public void intervalTooBriefCarriesMinExpires() {
        assertEquals(423, RegisterError.INTERVAL_TOO_BRIEF.statusCode());
        assertTrue(RegisterError.INTERVAL_TOO_BRIEF.needsMinExpires());
        assertFalse(RegisterError.MALFORMED.needsMinExpires());
    }

    @Test
    public void ucfrontErrorsUseTheirOwnRangeAndStatusCodes() {
        assertEquals(400, RegisterError.MALFORMED.statusCode());
        assertEquals(404, RegisterError.NOT_FOUND.statusCode());
        assertEquals(403, RegisterError.USER_DISABLED.statusCode());
        assertEquals(403, RegisterError.AOR_MISMATCH.statusCode());
        assertEquals(400, RegisterError.CSEQ_OUT_OF_ORDER.statusCode());
        assertEquals(403, RegisterError.BAD_CREDENTIALS.statusCode());
        assertEquals(403, RegisterError.CLIENT_VERSION_BLOCKED.statusCode());
        assertEquals("60008;reason=\"Client version blocked.\"", RegisterError.CLIENT_VERSION_BLOCKED.diagnostics());
        Set<Integer> ids = new HashSet<>();
        for (RegisterError e : RegisterError.values()) {
            assertTrue(e.name(), ids.add(e.errorId()));
            boolean spec = e.ordinal() <= RegisterError.USER_SERVICES_UNAVAILABLE.ordinal();
            assertEquals(e.name(), !spec, e.errorId() > RegisterError.UCFRONT_ERROR_ID_BASE);
            assertEquals(e.diagnostics(), e.errorId() + ";reason=\"" + e.reason().replace("\"", "\\\"") + "\"");
            assertFalse(e.reasonPhrase().isEmpty());
        }
    }
}
