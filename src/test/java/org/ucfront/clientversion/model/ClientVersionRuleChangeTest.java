package org.ucfront.clientversion.model;

import static org.junit.Assert.assertEquals;
import static org.ucfront.clientversion.model.ClientVersionRuleTest.assertRefused;

import org.junit.Test;

public class ClientVersionRuleChangeTest {

    private static final String STATIC_URL = "https://fabrikam.com/ClientUpdate.html";

    private static ClientVersionRuleChange change(String product, String comparison, String version, String action,
            String url, Integer priority, Boolean enabled) {
        return ClientVersionRuleChange.parse(product, comparison, version, action, url, priority, enabled);
    }

    @Test
    public void createsARuleFromTheApiText() {
        ClientVersionRule r = change("OC", "lt", "4.0.7577.0", "block-with-static-url", STATIC_URL, 10, null)
                .create("id-1");
        assertEquals(new ClientVersionRule("id-1", "OC", VersionComparison.LESS,
                ClientVersion.parse("4.0.7577.0").orElseThrow(), ClientVersionAction.BLOCK_WITH_STATIC_URL, STATIC_URL,
                10, true), r);
        assertEquals(VersionComparison.GREATER_OR_EQUAL,
                change("OC", "greater-or-equal", "4.0.7577.0", "allow", null, 1, false).create("id-2").comparison());
    }

    @Test
    public void eachUnreadableFieldIsNamed() {
        assertRefused("comparison: expected eq, ne, gt, ge, lt or le (or equal, not-equal, greater, greater-or-equal,"
                + " less, less-or-equal)", () -> change("OC", ">=", "4.0.7577.0", "allow", null, 1, null));
        assertRefused("version: expected Major.Minor.Build.Qfe with a build of at least 4 digits",
                () -> change("OC", "lt", "3.5.689.0", "allow", null, 1, null));
        assertRefused("action: expected one of allow, block-with-prompt, block-with-static-url, allow-with-static-url,"
                + " block-with-upgrade, allow-with-upgrade, block-with-dynamic-url, allow-with-dynamic-url",
                () -> change("OC", "lt", "4.0.7577.0", "deny", null, 1, null));
    }

    @Test
    public void creatingNeedsEveryFieldButUrlAndEnabled() {
        assertRefused("product: required", () -> change(null, "lt", "4.0.7577.0", "allow", null, 1, null).create("i"));
        assertRefused("comparison: required", () -> change("OC", null, "4.0.7577.0", "allow", null, 1, null).create("i"));
        assertRefused("version: required", () -> change("OC", "lt", null, "allow", null, 1, null).create("i"));
        assertRefused("action: required", () -> change("OC", "lt", "4.0.7577.0", null, null, 1, null).create("i"));
        assertRefused("priority: required", () -> change("OC", "lt", "4.0.7577.0", "allow", null, null, null).create("i"));
        assertRefused("url: required for allow-with-static-url",
                () -> change("OC", "lt", "4.0.7577.0", "allow-with-static-url", null, 1, null).create("i"));
        assertRefused("url: a dynamic URL must contain folder=",
                () -> change("OC", "lt", "4.0.7577.0", "allow-with-dynamic-url", STATIC_URL, 1, null).create("i"));
    }

    @Test
    public void aChangeKeepsWhatItDoesNotName() {
        ClientVersionRule r = change("OC", "lt", "4.0.7577.0", "block-with-static-url", STATIC_URL, 10, true).create("i");
        ClientVersionRule disabled = change(null, null, null, null, null, null, false).applyTo(r);
        assertEquals(new ClientVersionRule("i", "OC", VersionComparison.LESS, r.version(),
                ClientVersionAction.BLOCK_WITH_STATIC_URL, STATIC_URL, 10, false), disabled);
        assertEquals(ClientVersionAction.ALLOW_WITH_STATIC_URL,
                change(null, null, null, "allow-with-static-url", null, null, null).applyTo(r).action());
        assertEquals(5, change(null, null, null, null, null, 5, null).applyTo(r).priority());
    }

    @Test
    public void anActionWithoutUrlDropsTheOldOne() {
        ClientVersionRule r = change("OC", "lt", "4.0.7577.0", "block-with-static-url", STATIC_URL, 10, true).create("i");
        ClientVersionRule allow = change(null, null, null, "allow", null, null, null).applyTo(r);
        assertEquals(ClientVersionAction.ALLOW, allow.action());
        assertEquals(null, allow.url());
        assertRefused("url: allow takes no URL",
                () -> change(null, null, null, null, STATIC_URL, null, null).applyTo(allow));
        assertRefused("url: a dynamic URL must contain folder=",
                () -> change(null, null, null, "block-with-dynamic-url", null, null, null).applyTo(r));
    }
}
