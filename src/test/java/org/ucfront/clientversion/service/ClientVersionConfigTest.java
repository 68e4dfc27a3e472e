package org.ucfront.clientversion.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Map;
import org.junit.Test;
import org.ucfront.clientversion.model.ClientVersionAction;
import org.ucfront.launcher.UcfrontConfig;

/** ucfront.clientversion.default and .default.url are checked when the server starts. */
public class ClientVersionConfigTest {

    private static String refused(Map<String, String> values) {
        return assertThrows(UcfrontConfig.InvalidConfigException.class, () -> UcfrontConfig.of(values)).getMessage();
    }

    @Test
    public void allowByDefault() {
        UcfrontConfig c = UcfrontConfig.of(Map.of());
        assertEquals(ClientVersionAction.ALLOW, c.clientVersionDefault);
        assertEquals(null, c.clientVersionDefaultUrl);
    }

    @Test
    public void anyActionWithTheUrlItNeeds() {
        UcfrontConfig c = UcfrontConfig.of(Map.of("ucfront.clientversion.default", "allow-with-dynamic-url",
                "ucfront.clientversion.default.url", "https://fabrikam.com/AutoUpdate/Int/Handler/update.aspx?folder=OCv3.1"));
        assertEquals(ClientVersionAction.ALLOW_WITH_DYNAMIC_URL, c.clientVersionDefault);
        assertEquals("https://fabrikam.com/AutoUpdate/Int/Handler/update.aspx?folder=OCv3.1", c.clientVersionDefaultUrl);
        assertEquals(ClientVersionAction.BLOCK_WITH_PROMPT,
                UcfrontConfig.of(Map.of("ucfront.clientversion.default", "block-with-prompt")).clientVersionDefault);
    }

    @Test
    public void invalidSettingsStopTheStartWithOneLine() {
        assertEquals("ucfront.clientversion.default=deny is not valid; expected allow, block-with-prompt,"
                + " block-with-static-url, allow-with-static-url, block-with-upgrade, allow-with-upgrade,"
                + " block-with-dynamic-url, allow-with-dynamic-url",
                refused(Map.of("ucfront.clientversion.default", "deny")));
        assertEquals("ucfront.clientversion.default.url=https://fabrikam.com/ClientUpdate.html is not valid for"
                + " ucfront.clientversion.default=block-with-dynamic-url: a dynamic URL must contain folder=",
                refused(Map.of("ucfront.clientversion.default", "block-with-dynamic-url",
                        "ucfront.clientversion.default.url", "https://fabrikam.com/ClientUpdate.html")));
        assertEquals("ucfront.clientversion.default.url is not set for"
                + " ucfront.clientversion.default=block-with-static-url: required for block-with-static-url",
                refused(Map.of("ucfront.clientversion.default", "block-with-static-url")));
        assertEquals("ucfront.clientversion.default.url=https://fabrikam.com/ClientUpdate.html is not valid for"
                + " ucfront.clientversion.default=allow: allow takes no URL",
                refused(Map.of("ucfront.clientversion.default.url", "https://fabrikam.com/ClientUpdate.html")));
    }
}
