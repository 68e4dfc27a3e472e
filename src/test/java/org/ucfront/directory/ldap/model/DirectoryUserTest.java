package org.ucfront.directory.ldap.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

public class DirectoryUserTest {

    static DirectoryUser read(Map<String, String> entry, AttributeMapping m) throws Exception {
        return DirectoryUser.from("cn=x,dc=fabrikam,dc=com", entry::get, m);
    }

    static Map<String, String> ad() {
        Map<String, String> e = new HashMap<>();
        e.put("msRTCSIP-PrimaryUserAddress", "sip:Alice@Fabrikam.com");
        e.put("msRTCSIP-UserEnabled", "TRUE");
        e.put("displayName", "Alice Ciccu");
        e.put("telephoneNumber", "+14255550100");
        e.put("mail", "alice.ciccu@fabrikam.com");
        e.put("userAccountControl", "512");
        e.put("msRTCSIP-PrimaryHomeServer", "CN=Lc Services,CN=Microsoft,CN=fe1.pool1.fabrikam.com,DC=fabrikam");
        e.put("uSNChanged", "12345");
        return e;
    }

    @Test
    public void theAdPresetReadsTheLyncAttributes() throws Exception {
        DirectoryUser u = read(ad(), DirectoryPreset.AD.mapping());
        assertEquals("alice@fabrikam.com", u.aor().toString());
        assertEquals("Alice Ciccu", u.displayName());
        assertEquals("+14255550100", u.telephoneNumber());
        assertEquals("alice.ciccu@fabrikam.com", u.mail());
        assertTrue(u.enabled());
        assertEquals("12345", u.changeMarker());
        assertNull(u.registrar());
    }

    @Test
    public void userEnabledFalseOrAccountDisableBitDisables() throws Exception {
        Map<String, String> e = ad();
        e.put("msRTCSIP-UserEnabled", "FALSE");
        assertFalse(read(e, DirectoryPreset.AD.mapping()).enabled());
        e = ad();
        e.put("userAccountControl", "514"); // 512 NORMAL_ACCOUNT | 2 ACCOUNTDISABLE
        assertFalse(read(e, DirectoryPreset.AD.mapping()).enabled());
    }

    @Test
    public void theInetOrgPersonPresetTakesTheAddressFromMailWithoutScheme() throws Exception {
        Map<String, String> e = new HashMap<>();
        e.put("mail", "bob@fabrikam.com");
        e.put("displayName", "Bob");
        e.put("modifyTimestamp", "20240102030405Z");
        DirectoryUser u = read(e, DirectoryPreset.INETORGPERSON.mapping());
        assertEquals("bob@fabrikam.com", u.aor().toString());
        assertTrue(u.enabled());
        assertEquals("20240102030405Z", u.changeMarker());
    }

    @Test
    public void anOverrideNamesAnotherAttributeAndNoneClearsOne() throws Exception {
        Map<String, String> config = Map.of("ucfront.ldap.attribute.sip", "labeledURI",
                "ucfront.ldap.attribute.registrar", "departmentNumber", "ucfront.ldap.attribute.telephone.number", "none");
        AttributeMapping m = DirectoryPreset.INETORGPERSON.mapping().withOverrides(config::get);
        Map<String, String> e = new HashMap<>();
        e.put("labeledURI", "sip:carol@fabrikam.com");
        e.put("telephoneNumber", "+1");
        e.put("departmentNumber", "pool2.contoso.com");
        DirectoryUser u = read(e, m);
        assertEquals("carol@fabrikam.com", u.aor().toString());
        assertNull(u.telephoneNumber());
        assertEquals("sip:pool2.contoso.com", u.registrar());
    }

    @Test(expected = IllegalArgumentException.class)
    public void anOverrideThatIsNoAttributeNameIsRefused() {
        DirectoryPreset.AD.mapping().withOverrides(Map.of("ucfront.ldap.attribute.sip", "mail)(cn=*")::get);
    }

    @Test(expected = DirectoryUser.UnusableEntryException.class)
    public void anEntryWithoutAValidSipAddressIsUnusable() throws Exception {
        Map<String, String> e = ad();
        e.put("msRTCSIP-PrimaryUserAddress", "sip:no-at-sign");
        read(e, DirectoryPreset.AD.mapping());
    }

    @Test
    public void aRegistrarValueThatCouldAddAHeaderReadsAsNone() {
        assertNull(DirectoryUser.registrarUri("pool2.contoso.com>\r\nX-Evil: 1"));
        assertEquals("sip:pool2.contoso.com", DirectoryUser.registrarUri("SIP:pool2.contoso.com"));
    }

    @Test
    public void anNtHashIsReadOnlyWhenItIsOne() {
        assertEquals("A4F49C406510BDCAB6824EE7C30FD852", DirectoryUser.ntHash(" A4F49C406510BDCAB6824EE7C30FD852 "));
        assertNull(DirectoryUser.ntHash("not-a-hash"));
        assertNull(DirectoryUser.ntHash("a4f49c406510bdcab6824ee7c30fd85"));
        assertNull(DirectoryUser.ntHash(null));
    }
}
