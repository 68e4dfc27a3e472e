package org.ucfront.clientversion.service;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.Test;
import org.ucfront.clientversion.model.ClientVersion;
import org.ucfront.clientversion.model.ClientVersionAction;
import org.ucfront.clientversion.model.ClientVersionRule;
import org.ucfront.clientversion.model.VersionComparison;
import org.ucfront.clientversion.persistence.ClientVersionRuleStore;

public class ClientVersionServiceTest {

    private static final String R2 = "UCCAPI/3.5.6890.0 OC/3.5.6890.0 (Microsoft Office Communicator 2007 R2)";

    /** The store as a map, counting reads, so the test sees when the policy is reloaded. */
    static final class MemoryStore extends ClientVersionRuleStore {
        final Map<String, ClientVersionRule> rows = new LinkedHashMap<>();
        int loads;

        @Override
        public List<ClientVersionRule> loadAll() {
            loads++;
            return new ArrayList<>(rows.values());
        }

        @Override
        public void insert(ClientVersionRule rule, Instant now) {
            rows.put(rule.id(), rule);
        }

        @Override
        public boolean update(ClientVersionRule rule, Instant now) {
            return rows.replace(rule.id(), rule) != null;
        }

        @Override
        public boolean delete(String id) {
            return rows.remove(id) != null;
        }
    }

    private static ClientVersionRule blockOc(String id, int priority, boolean enabled) {
        return new ClientVersionRule(id, "OC", VersionComparison.LESS, ClientVersion.parse("4.0.7577.0").orElseThrow(),
                ClientVersionAction.BLOCK_WITH_PROMPT, null, priority, enabled);
    }

    @Test
    public void decidesFromTheCachedPolicyAndReloadsOnEachChange() {
        MemoryStore store = new MemoryStore();
        ClientVersionService service = new ClientVersionService(store, ClientVersionAction.ALLOW, null);
        assertEquals(1, store.loads);
        assertTrue(service.decide(R2).byDefault());

        service.create(blockOc("r1", 10, true));
        assertEquals(2, store.loads);
        assertEquals("r1", service.decide(R2).ruleId());
        assertEquals(2, store.loads); // deciding reads no storage
        assertEquals(Optional.of(blockOc("r1", 10, true)), service.rule("r1"));

        assertTrue(service.update(blockOc("r1", 10, false)));
        assertTrue(service.decide(R2).byDefault());
        assertEquals(List.of(blockOc("r1", 10, false)), service.rules());

        assertTrue(service.delete("r1"));
        assertEquals(List.of(), service.rules());
        assertEquals(Optional.empty(), service.rule("r1"));
    }

    @Test
    public void unknownIdsAreReported() {
        ClientVersionService service = new ClientVersionService(new MemoryStore(), ClientVersionAction.ALLOW, null);
        assertFalse(service.update(blockOc("nope", 1, true)));
        assertFalse(service.delete("nope"));
    }

    @Test
    public void theConfiguredDefaultApplies() {
        ClientVersionService service = new ClientVersionService(new MemoryStore(),
                ClientVersionAction.ALLOW_WITH_STATIC_URL, "https://fabrikam.com/ClientUpdate.html");
        assertEquals(Optional.of("313 lcs.microsoft.com \"https://fabrikam.com/ClientUpdate.html\""),
                service.decide("Linphone/3.6.1").warning());
    }
}
