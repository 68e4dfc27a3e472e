package org.ucfront.clientversion.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Optional;
import org.junit.Test;

public class ClientVersionDecisionTest {

    @Test
    public void blockedDecisionsCarryTheirWarning() {
        ClientVersionDecision d = new ClientVersionDecision(ClientVersionAction.BLOCK_WITH_STATIC_URL,
                "https://fabrikam.com/ClientUpdate.html", "r1");
        assertTrue(d.blocked());
        assertFalse(d.byDefault());
        assertEquals("rule r1", d.decidedBy());
        assertEquals(Optional.of("311 lcs.microsoft.com \"https://fabrikam.com/ClientUpdate.html\""), d.warning());
    }

    @Test
    public void aPlainAllowHasNoWarning() {
        ClientVersionDecision d = new ClientVersionDecision(ClientVersionAction.ALLOW, null, null);
        assertFalse(d.blocked());
        assertTrue(d.byDefault());
        assertEquals(Optional.empty(), d.warning());
        assertThrows(NullPointerException.class, () -> new ClientVersionDecision(null, null, null));
    }
}
