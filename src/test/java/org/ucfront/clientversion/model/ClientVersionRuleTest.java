package org.ucfront.clientversion.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ClientVersionRuleTest {

    static final ClientVersion V4 = ClientVersion.parse("4.0.7577.0").orElseThrow();

    static ClientVersionRule rule(String product, VersionComparison c, ClientVersion v, boolean enabled) {
        return new ClientVersionRule("r1", product, c, v, ClientVersionAction.BLOCK_WITH_PROMPT, null, 10, enabled);
    }

    @Test
    public void matchesTheVersionOfItsProduct() {
        ClientVersionRule older = rule("OC", VersionComparison.LESS, V4, true);
        assertTrue(older.matches(UserAgent.parse(UserAgentTest.COMMUNICATOR_2007_R2)));
        assertTrue(older.matches(UserAgent.parse(UserAgentTest.COMMUNICATOR_2007)));
        assertFalse(older.matches(UserAgent.parse(UserAgentTest.COMMUNICATOR_2010)));
        assertTrue(rule("UCCP", VersionComparison.EQUAL, ClientVersion.parse("2.0.6362.0").orElseThrow(), true)
                .matches(UserAgent.parse(UserAgentTest.COMMUNICATOR_2007)));
        assertTrue(rule("uccapi", VersionComparison.GREATER_OR_EQUAL, V4, true)
                .matches(UserAgent.parse(UserAgentTest.COMMUNICATOR_2010)));
    }

    @Test
    public void neverMatchesWithoutAParsableVersionOfItsProduct() {
        ClientVersionRule notV4 = rule("OC", VersionComparison.NOT_EQUAL, V4, true);
        assertFalse(notV4.matches(UserAgent.parse("OC/3.5.689.0")));
        assertFalse(notV4.matches(UserAgent.parse("Linphone/3.6.1")));
        assertFalse(notV4.matches(UserAgent.parse(null)));
        assertTrue(notV4.matches(UserAgent.parse("OC/3.5.6890.0")));
    }

    @Test
    public void aDisabledRuleNeverMatches() {
        assertFalse(rule("OC", VersionComparison.LESS, V4, false).matches(UserAgent.parse(UserAgentTest.COMMUNICATOR_2007)));
    }

    @Test
    public void everyFieldIsChecked() {
        assertRefused("product: required", () -> rule(null, VersionComparison.LESS, V4, true));
        for (String bad : new String[] {"", "O C", "OC/4", "(OC)", "x".repeat(65)}) {
            assertRefused("product: must be a product token (RFC 3261 token) of at most 64 characters, e.g. OC",
                    () -> rule(bad, VersionComparison.LESS, V4, true));
        }
        assertRefused("comparison: required", () -> rule("OC", null, V4, true));
        assertRefused("version: required", () -> rule("OC", VersionComparison.LESS, null, true));
        assertRefused("action: required",
                () -> new ClientVersionRule("r1", "OC", VersionComparison.LESS, V4, null, null, 1, true));
        assertRefused("url: a dynamic URL must contain folder=", () -> new ClientVersionRule("r1", "OC",
                VersionComparison.LESS, V4, ClientVersionAction.BLOCK_WITH_DYNAMIC_URL,
                "https://fabrikam.com/ClientUpdate.html", 1, true));
        assertRefused("priority: must be 0 or more", () -> new ClientVersionRule("r1", "OC", VersionComparison.LESS, V4,
                ClientVersionAction.ALLOW, null, -1, true));
        assertRefused("id: must be a token of at most 64 characters", () -> new ClientVersionRule("a/b", "OC",
                VersionComparison.LESS, V4, ClientVersionAction.ALLOW, null, 1, true));
    }

    static void assertRefused(String message, org.junit.function.ThrowingRunnable r) {
        assertEquals(message, assertThrows(InvalidRuleException.class, r).getMessage());
    }
}
