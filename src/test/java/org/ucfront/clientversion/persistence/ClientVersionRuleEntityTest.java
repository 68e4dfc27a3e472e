package org.ucfront.clientversion.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.lang.reflect.Field;
import java.time.Instant;
import org.junit.Test;
import org.ucfront.clientversion.model.ClientVersion;
import org.ucfront.clientversion.model.ClientVersionAction;
import org.ucfront.clientversion.model.ClientVersionRule;
import org.ucfront.clientversion.model.InvalidRuleException;
import org.ucfront.clientversion.model.VersionComparison;

public class ClientVersionRuleEntityTest {

    private static final Instant CREATED = Instant.parse("2024-05-01T10:00:00Z");
    private static final ClientVersionRule RULE = new ClientVersionRule("6f1c2a9e-0d4b-4c55-9a43-8d2f1e7b3c10", "OC",
            VersionComparison.LESS, ClientVersion.parse("4.0.7577.0").orElseThrow(),
            ClientVersionAction.BLOCK_WITH_DYNAMIC_URL,
            "https://fabrikam.com/AutoUpdate/Int/Handler/update.aspx?folder=OCv3.1", 10, true);

    @Test
    public void aRuleSurvivesStorage() {
        ClientVersionRuleEntity e = new ClientVersionRuleEntity(RULE, CREATED);
        assertEquals(RULE, e.toRule());
        assertEquals(RULE.id(), e.getId());
        assertEquals(CREATED, e.getCreatedAt());
        assertEquals("lt", field(e, "comparison"));
        assertEquals("block-with-dynamic-url", field(e, "action"));
        assertEquals("4.0.7577.0", field(e, "clientVersion"));
    }

    @Test
    public void copyKeepsTheIdAndCreationTime() {
        ClientVersionRuleEntity e = new ClientVersionRuleEntity(RULE, CREATED);
        ClientVersionRule allow = new ClientVersionRule(RULE.id(), "UCCAPI", VersionComparison.GREATER_OR_EQUAL,
                RULE.version(), ClientVersionAction.ALLOW, null, 3, false);
        e.copy(allow, CREATED.plusSeconds(60));
        assertEquals(allow, e.toRule());
        assertEquals(CREATED, e.getCreatedAt());
    }

    @Test
    public void aRowEditedIntoNonsenseIsRefused() throws Exception {
        ClientVersionRuleEntity e = new ClientVersionRuleEntity(RULE, CREATED);
        set(e, "comparison", ">=");
        assertEquals("comparison", assertThrows(InvalidRuleException.class, e::toRule).field());
        e = new ClientVersionRuleEntity(RULE, CREATED);
        set(e, "url", "https://fabrikam.com/ClientUpdate.html");
        assertEquals("url", assertThrows(InvalidRuleException.class, e::toRule).field());
    }

    private static Object field(Object o, String name) {
        try {
            Field f = o.getClass().getDeclaredField(name);
            f.setAccessible(true);
            return f.get(o);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void set(Object o, String name, Object value) throws ReflectiveOperationException {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        f.set(o, value);
    }
}
