package org.ucfront.clientversion.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Optional;
import org.junit.Test;

/** Every action's answer and Warning, with the values of DIGEST §4 and §3.4.2.5.2–9. */
public class ClientVersionActionTest {

    /** §4.3.4 / §4.3.9. */
    static final String STATIC_URL = "https://fabrikam.com/ClientUpdate.html";
    /** §3.4.1.5.2 / §3.4.2.5.8. */
    static final String DYNAMIC_URL = "https://fabrikam.com/AutoUpdate/Int/Handler/update.aspx?folder=OCv3.1";

    private static Optional<String> warning(ClientVersionAction a, String url) {
        return a.warning(url).map(ClientVersionWarning::toHeaderValue);
    }

    @Test
    public void allowIs200WithoutWarning() {
        assertEquals(200, ClientVersionAction.ALLOW.statusCode());
        assertEquals(Optional.empty(), warning(ClientVersionAction.ALLOW, null));
    }

    @Test
    public void blockWithPromptIs403With310() {
        assertEquals(403, ClientVersionAction.BLOCK_WITH_PROMPT.statusCode());
        assertEquals(Optional.of("310 lcs.microsoft.com \"You are currently not using the recommended version of the client\""),
                warning(ClientVersionAction.BLOCK_WITH_PROMPT, null));
    }

    @Test
    public void blockWithStaticUrlIs403With311() {
        assertEquals(403, ClientVersionAction.BLOCK_WITH_STATIC_URL.statusCode());
        assertEquals(Optional.of("311 lcs.microsoft.com \"https://fabrikam.com/ClientUpdate.html\""),
                warning(ClientVersionAction.BLOCK_WITH_STATIC_URL, STATIC_URL));
    }

    @Test
    public void allowWithStaticUrlIs200With313() {
        assertEquals(200, ClientVersionAction.ALLOW_WITH_STATIC_URL.statusCode());
        assertEquals(Optional.of("313 lcs.microsoft.com \"https://fabrikam.com/ClientUpdate.html\""),
                warning(ClientVersionAction.ALLOW_WITH_STATIC_URL, STATIC_URL));
    }

    @Test
    public void blockWithUpgradeIs403With314() {
        assertEquals(403, ClientVersionAction.BLOCK_WITH_UPGRADE.statusCode());
        assertEquals(Optional.of("314 lcs.microsoft.com \"Check Microsoft Update for the newest version.\""),
                warning(ClientVersionAction.BLOCK_WITH_UPGRADE, null));
    }

    @Test
    public void allowWithUpgradeIs200WithTheSame314() {
        assertEquals(200, ClientVersionAction.ALLOW_WITH_UPGRADE.statusCode());
        assertEquals(Optional.of("314 lcs.microsoft.com \"Check Microsoft Update for the newest version.\""),
                warning(ClientVersionAction.ALLOW_WITH_UPGRADE, null));
    }

    @Test
    public void blockWithDynamicUrlIs403With312() {
        assertEquals(403, ClientVersionAction.BLOCK_WITH_DYNAMIC_URL.statusCode());
        assertEquals(Optional.of("312 lcs.microsoft.com \"https://fabrikam.com/AutoUpdate/Int/Handler/update.aspx?folder=OCv3.1\""),
                warning(ClientVersionAction.BLOCK_WITH_DYNAMIC_URL, DYNAMIC_URL));
    }

    @Test
    public void allowWithDynamicUrlIs200WithTheSame312() {
        assertEquals(200, ClientVersionAction.ALLOW_WITH_DYNAMIC_URL.statusCode());
        assertEquals(Optional.of("312 lcs.microsoft.com \"https://fabrikam.com/ClientUpdate/update.aspx?folder=OCv3.1\""),
                warning(ClientVersionAction.ALLOW_WITH_DYNAMIC_URL, "https://fabrikam.com/ClientUpdate/update.aspx?folder=OCv3.1"));
    }

    @Test
    public void everyBlockIs403WithAWarningAndEveryAllow200() {
        for (ClientVersionAction a : ClientVersionAction.values()) {
            assertEquals(a.name(), a.name().startsWith("BLOCK"), a.blocks());
            assertEquals(a.name(), a.blocks() ? 403 : 200, a.statusCode());
            if (a.blocks()) {
                assertTrue(a.name(), a.warning(a.takesUrl() ? DYNAMIC_URL : null).isPresent());
            }
            assertEquals(a.name(), a.name().endsWith("_URL"), a.takesUrl());
        }
    }

    @Test
    public void codesAreTheApiNames() {
        assertEquals("allow, block-with-prompt, block-with-static-url, allow-with-static-url, block-with-upgrade,"
                + " allow-with-upgrade, block-with-dynamic-url, allow-with-dynamic-url", ClientVersionAction.codes());
        for (ClientVersionAction a : ClientVersionAction.values()) {
            assertEquals(Optional.of(a), ClientVersionAction.fromCode(a.code()));
            assertEquals(Optional.of(a), ClientVersionAction.fromCode(a.name()));
        }
        assertEquals(Optional.empty(), ClientVersionAction.fromCode("block"));
        assertEquals(Optional.empty(), ClientVersionAction.fromCode(null));
    }

    @Test
    public void staticUrlsAreAbsoluteHttpOrHttps() {
        ClientVersionAction.BLOCK_WITH_STATIC_URL.checkUrl(STATIC_URL);
        ClientVersionAction.ALLOW_WITH_STATIC_URL.checkUrl("http://fabrikam.com"); // §3.4.2.5.4 example
        assertUrlRefused(ClientVersionAction.BLOCK_WITH_STATIC_URL, null, "url: required for block-with-static-url");
        assertUrlRefused(ClientVersionAction.BLOCK_WITH_STATIC_URL, " ", "url: required for block-with-static-url");
        for (String bad : new String[] {"fabrikam.com/update", "/update.html", "ftp://fabrikam.com/x",
                "https://fabrikam.com/a b", "https://fabrikam.com/\"x\"", "https://fabrikam.com/ü", "https:///x",
                "javascript:alert(1)"}) {
            assertUrlRefused(ClientVersionAction.ALLOW_WITH_STATIC_URL, bad, "url: expected an absolute http or https URL");
        }
        assertUrlRefused(ClientVersionAction.ALLOW_WITH_STATIC_URL,
                "https://fabrikam.com/" + "x".repeat(ClientVersionAction.MAX_URL_LENGTH), "url: longer than 1024 characters");
    }

    @Test
    public void aDynamicUrlIsHttpsWithAFolder() {
        ClientVersionAction.BLOCK_WITH_DYNAMIC_URL.checkUrl(DYNAMIC_URL);
        ClientVersionAction.ALLOW_WITH_DYNAMIC_URL.checkUrl("https://fabrikam.com/u.aspx?x=1&folder=OCv3.1");
        for (String bad : new String[] {"https://fabrikam.com/ClientUpdate.html", "https://fabrikam.com/u.aspx?folder=",
                "https://fabrikam.com/u.aspx?myfolder=OCv3.1", "https://fabrikam.com/folder=OCv3.1",
                "https://fabrikam.com/u.aspx#folder=OCv3.1"}) {
            assertUrlRefused(ClientVersionAction.ALLOW_WITH_DYNAMIC_URL, bad, "url: a dynamic URL must contain folder=");
        }
        assertUrlRefused(ClientVersionAction.BLOCK_WITH_DYNAMIC_URL,
                "http://fabrikam.com/AutoUpdate/Int/Handler/update.aspx?folder=OCv3.1", "url: a dynamic URL must be an https URL");
    }

    @Test
    public void actionsWithoutUrlTakeNone() {
        for (ClientVersionAction a : new ClientVersionAction[] {ClientVersionAction.ALLOW,
                ClientVersionAction.BLOCK_WITH_PROMPT, ClientVersionAction.BLOCK_WITH_UPGRADE,
                ClientVersionAction.ALLOW_WITH_UPGRADE}) {
            a.checkUrl(null);
            assertFalse(a.takesUrl());
            assertUrlRefused(a, STATIC_URL, "url: " + a.code() + " takes no URL");
        }
    }

    private static void assertUrlRefused(ClientVersionAction a, String url, String message) {
        InvalidRuleException e = assertThrows(url, InvalidRuleException.class, () -> a.checkUrl(url));
        assertEquals(message, e.getMessage());
        assertEquals("url", e.field());
    }
}
