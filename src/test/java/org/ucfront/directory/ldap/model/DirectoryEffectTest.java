package org.ucfront.directory.ldap.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Optional;
import org.junit.Test;
import org.ucfront.directory.model.DirectoryState;
import org.ucfront.registrar.model.RegistrationEvent;
import org.ucfront.sip.AddressOfRecord;

/** §2.2.1.13: which deregister NOTIFY a directory change causes. */
public class DirectoryEffectTest {

    static final PoolIdentity POOL = new PoolIdentity("pool1.fabrikam.com", "sip:pool1.fabrikam.com");
    static final DirectoryState HOMED = new DirectoryState(DirectoryState.LDAP, true, "fe1.pool1.fabrikam.com", null);

    static DirectoryUser user(boolean enabled, String homeServer, String registrar) {
        return new DirectoryUser("cn=a", AddressOfRecord.parse("a@fabrikam.com"), "A", null, null, enabled,
                homeServer, registrar, "1");
    }

    static Optional<DirectoryEffect> effect(DirectoryState before, DirectoryUser after) {
        return DirectoryEffect.of(before, after, POOL);
    }

    @Test
    public void disablingRejects() {
        assertEquals(Optional.of(DirectoryEffect.REJECTED), effect(HOMED, user(false, "fe1.pool1.fabrikam.com", null)));
    }

    @Test
    public void anotherServerOfThePoolIsAMove() {
        assertEquals(Optional.of(DirectoryEffect.DEACTIVATED), effect(HOMED, user(true, "fe2.pool1.fabrikam.com", null)));
    }

    @Test
    public void anotherPoolIsAPreferredRegistrarChangeToIt() {
        Optional<DirectoryEffect> e = effect(HOMED, user(true, "CN=Lc Services,CN=pool2.contoso.com,DC=contoso", null));
        assertEquals(RegistrationEvent.PREFERRED_REGISTRAR_CHANGE, e.get().event());
        assertEquals("sip:pool2.contoso.com", e.get().registrar());
    }

    @Test
    public void anotherRegistrarIsAPreferredRegistrarChangeButThisOneIsNot() {
        assertEquals("sip:pool9.fabrikam.com",
                effect(HOMED, user(true, "fe1.pool1.fabrikam.com", "sip:pool9.fabrikam.com")).get().registrar());
        assertEquals(Optional.empty(), effect(HOMED, user(true, "fe1.pool1.fabrikam.com", "sip:pool1.fabrikam.com")));
    }

    @Test
    public void nothingForUnchangedNewOrAlreadyDisabledUsers() {
        assertEquals(Optional.empty(), effect(HOMED, user(true, "FE1.pool1.fabrikam.com", null)));
        assertEquals(Optional.empty(), effect(null, user(false, "fe2.pool1.fabrikam.com", null)));
        assertEquals(Optional.empty(), effect(new DirectoryState(DirectoryState.LDAP, false, null, null),
                user(false, null, null)));
    }

    @Test
    public void adminActionsParse() {
        assertEquals(DirectoryEffect.REJECTED, DirectoryEffect.parse("rejected", null));
        assertEquals(DirectoryEffect.DEACTIVATED, DirectoryEffect.parse("deactivated", null));
        assertEquals("sip:pool2.fabrikam.com",
                DirectoryEffect.parse("preferred-registrar-change", "sip:pool2.fabrikam.com").registrar());
        for (String[] bad : new String[][] {{"preferred-registrar-change", null},
                {"preferred-registrar-change", "sip:x>\r\nX: y"}, {"unregistered", null}, {null, null}}) {
            try {
                DirectoryEffect.parse(bad[0], bad[1]);
                throw new AssertionError("accepted " + bad[0] + " " + bad[1]);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage(), expected.getMessage().startsWith("event") || expected.getMessage()
                        .startsWith("registrar"));
            }
        }
    }
}
