package org.ucfront.clientversion.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class ClientVersionWarningTest {

    @Test
    public void warnCodeAgentAndQuotedText() {
        assertEquals("310 lcs.microsoft.com \"You are currently not using the recommended version of the client\"",
                new ClientVersionWarning(310, ClientVersionWarning.PROMPT_TEXT).toHeaderValue());
        assertEquals("314 lcs.microsoft.com \"Check Microsoft Update for the newest version.\"",
                new ClientVersionWarning(314, ClientVersionWarning.UPGRADE_TEXT).toHeaderValue());
        // §3.4.2.5.4 shows the URL bare; warn-text is a quoted-string (RFC 3261 §20.43, DIGEST §4)
        assertEquals("311 lcs.microsoft.com \"http://fabrikam.com\"",
                new ClientVersionWarning(311, "http://fabrikam.com").toHeaderValue());
    }

    @Test
    public void theSpecCodesAndTexts() {
        assertEquals("lcs.microsoft.com", ClientVersionWarning.WARN_AGENT);
        assertEquals(310, ClientVersionWarning.PROMPT);
        assertEquals(311, ClientVersionWarning.BLOCKED_STATIC_URL);
        assertEquals(312, ClientVersionWarning.DYNAMIC_URL);
        assertEquals(313, ClientVersionWarning.ALLOWED_STATIC_URL);
        assertEquals(314, ClientVersionWarning.UPGRADE);
    }

    @Test
    public void textThatCannotBeQuotedIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClientVersionWarning(311, null));
        assertThrows(IllegalArgumentException.class, () -> new ClientVersionWarning(311, "http://a\r\nX: y"));
        assertThrows(IllegalArgumentException.class, () -> new ClientVersionWarning(31, "x"));
        assertEquals("313 lcs.microsoft.com \"a \\\"b\\\"\"", new ClientVersionWarning(313, "a \"b\"").toHeaderValue());
    }
}
