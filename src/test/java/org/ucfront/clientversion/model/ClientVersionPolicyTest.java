package org.ucfront.clientversion.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class ClientVersionPolicyTest {

    private static final ClientVersion V4 = ClientVersion.parse("4.0.7577.0").orElseThrow();
    private static final ClientVersion V35 = ClientVersion.parse("3.5.6890.0").orElseThrow();
    private static final String DYNAMIC_URL = "https://fabrikam.com/AutoUpdate/Int/Handler/update.aspx?folder=OCv3.1";

    private static ClientVersionRule rule(String id, String product, VersionComparison c, ClientVersion v,
            ClientVersionAction a, String url, int priority, boolean enabled) {
        return new ClientVersionRule(id, product, c, v, a, url, priority, enabled);
    }

    private final ClientVersionRule blockOld = rule("block-old", "OC", VersionComparison.LESS, V35,
            ClientVersionAction.BLOCK_WITH_PROMPT, null, 10, true);
    private final ClientVersionRule upgradeR2 = rule("upgrade-r2", "OC", VersionComparison.LESS, V4,
            ClientVersionAction.ALLOW_WITH_DYNAMIC_URL, DYNAMIC_URL, 20, true);
    private final ClientVersionRule allowCurrent = rule("allow-current", "UCCAPI", VersionComparison.GREATER_OR_EQUAL, V4,
            ClientVersionAction.ALLOW, null, 30, true);

    @Test
    public void theFirstMatchingRuleByPriorityDecides() {
        ClientVersionPolicy p = new ClientVersionPolicy(List.of(allowCurrent, upgradeR2, blockOld),
                ClientVersionAction.BLOCK_WITH_UPGRADE, null);
        assertEquals(List.of(blockOld, upgradeR2, allowCurrent), p.rules());

        ClientVersionDecision d = p.decide(UserAgentTest.COMMUNICATOR_2007);
        assertEquals(new ClientVersionDecision(ClientVersionAction.BLOCK_WITH_PROMPT, null, "block-old"), d);
        assertTrue(d.blocked());
        assertEquals(Optional.of("310 lcs.microsoft.com \"You are currently not using the recommended version of the client\""),
                d.warning());

        d = p.decide(UserAgentTest.COMMUNICATOR_2007_R2);
        assertEquals(new ClientVersionDecision(ClientVersionAction.ALLOW_WITH_DYNAMIC_URL, DYNAMIC_URL, "upgrade-r2"), d);
        assertEquals(Optional.of("312 lcs.microsoft.com \"" + DYNAMIC_URL + "\""), d.warning());

        d = p.decide(UserAgentTest.COMMUNICATOR_2010);
        assertEquals(new ClientVersionDecision(ClientVersionAction.ALLOW, null, "allow-current"), d);
        assertEquals(Optional.empty(), d.warning());
        assertEquals("rule allow-current", d.decidedBy());
    }

    @Test
    public void theDefaultWhenNoRuleMatchesOrThereIsNoParsableVersion() {
        ClientVersionPolicy p = new ClientVersionPolicy(List.of(blockOld, upgradeR2, allowCurrent),
                ClientVersionAction.BLOCK_WITH_UPGRADE, null);
        ClientVersionDecision fallback = new ClientVersionDecision(ClientVersionAction.BLOCK_WITH_UPGRADE, null, null);
        for (String ua : new String[] {"Linphone/3.6.1 (belle-sip/1.2.4)", "OC/3.5.689.0", "", null,
                "UCCAPI/3.5.6890.0"}) {
            assertEquals(String.valueOf(ua), fallback, p.decide(ua));
        }
        assertEquals(fallback, p.defaultDecision());
        assertTrue(fallback.byDefault());
        assertEquals("default", fallback.decidedBy());
        assertEquals(Optional.of("314 lcs.microsoft.com \"Check Microsoft Update for the newest version.\""),
                fallback.warning());
    }

    @Test
    public void disabledRulesAreSkipped() {
        ClientVersionRule disabled = rule("off", "OC", VersionComparison.LESS, V4, ClientVersionAction.BLOCK_WITH_PROMPT,
                null, 1, false);
        ClientVersionPolicy p = new ClientVersionPolicy(List.of(disabled, upgradeR2), ClientVersionAction.ALLOW, null);
        assertEquals("upgrade-r2", p.decide(UserAgentTest.COMMUNICATOR_2007_R2).ruleId());
        assertEquals(List.of(disabled, upgradeR2), p.rules());
    }

    @Test
    public void equalPrioritiesKeepTheOrderGiven() {
        ClientVersionRule first = rule("first", "OC", VersionComparison.LESS, V4, ClientVersionAction.BLOCK_WITH_PROMPT,
                null, 5, true);
        ClientVersionRule second = rule("second", "UCCAPI", VersionComparison.LESS, V4, ClientVersionAction.ALLOW,
                null, 5, true);
        assertEquals("first", new ClientVersionPolicy(List.of(first, second), ClientVersionAction.ALLOW, null)
                .decide(UserAgentTest.COMMUNICATOR_2007_R2).ruleId());
        assertEquals("second", new ClientVersionPolicy(List.of(second, first), ClientVersionAction.ALLOW, null)
                .decide(UserAgentTest.COMMUNICATOR_2007_R2).ruleId());
    }

    @Test
    public void theDefaultCarriesItsUrl() {
        ClientVersionPolicy p = new ClientVersionPolicy(List.of(), ClientVersionAction.ALLOW_WITH_STATIC_URL,
                "https://fabrikam.com/ClientUpdate.html");
        assertEquals(Optional.of("313 lcs.microsoft.com \"https://fabrikam.com/ClientUpdate.html\""),
                p.decide(UserAgentTest.COMMUNICATOR_2010).warning());
        assertEquals(200, p.decide(null).action().statusCode());
        assertThrows(InvalidRuleException.class,
                () -> new ClientVersionPolicy(List.of(), ClientVersionAction.BLOCK_WITH_DYNAMIC_URL, null));
    }
}
