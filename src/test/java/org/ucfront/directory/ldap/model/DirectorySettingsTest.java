package org.ucfront.directory.ldap.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;
import org.ucfront.launcher.UcfrontConfig.InvalidConfigException;

public class DirectorySettingsTest {

    static Map<String, String> minimal() {
        Map<String, String> c = new HashMap<>();
        c.put("ucfront.ldap.url", "ldap://dc1.fabrikam.com");
        c.put("ucfront.ldap.base.dn", "dc=fabrikam,dc=com");
        return c;
    }

    static DirectorySettings load(Map<String, String> c) {
        return DirectorySettings.load("fabrikam.com", c::get);
    }

    @Test
    public void withoutAUrlThereIsNoDirectory() {
        assertNull(load(new HashMap<>()));
    }

    @Test
    public void defaultsAreTheInetOrgPersonPresetOnPort389() {
        DirectorySettings s = load(minimal());
        assertEquals(389, s.url().getPort());
        assertEquals(DirectoryPreset.INETORGPERSON, s.preset());
        assertEquals("(&(objectClass=inetOrgPerson)(mail=*))", s.filter());
        assertEquals(500, s.pageSize());
        assertEquals("fabrikam.com", s.pool().poolFqdn());
    }

    @Test
    public void theBindPasswordComesFromAFileAndIsNeverShown() throws Exception {
        Path f = Files.createTempFile("bind", ".pw");
        Files.writeString(f, "s3cret\n");
        Map<String, String> c = minimal();
        c.put("ucfront.ldap.bind.dn", "cn=ucfront,dc=fabrikam,dc=com");
        c.put("ucfront.ldap.bind.password.file", f.toString());
        DirectorySettings s = load(c);
        assertEquals("s3cret", s.bindPassword());
        assertTrue(s.toString(), !s.toString().contains("s3cret"));
        Files.delete(f);
    }

    @Test
    public void invalidSettingsNameTheKey() {
        String[][] cases = {
            {"ucfront.ldap.url", "http://dc1"}, {"ucfront.ldap.preset", "novell"}, {"ucfront.ldap.page.size", "0"},
            {"ucfront.ldap.starttls", "yes"}, {"ucfront.ldap.filter", "objectClass=*"},
            {"ucfront.ldap.bind.dn", "cn=x"}, {"ucfront.registrar.uri", "pool1.fabrikam.com"},
            {"ucfront.ldap.bind.password.file", "/nonexistent/pw"}};
        for (String[] c : cases) {
            Map<String, String> m = minimal();
            m.put(c[0], c[1]);
            try {
                load(m);
                fail("accepted " + c[0] + "=" + c[1]);
            } catch (InvalidConfigException e) {
                assertTrue(e.getMessage(), e.getMessage().contains(c[0]));
            }
        }
        Map<String, String> m = minimal();
        m.put("ucfront.ldap.url", "ldaps://dc1.fabrikam.com");
        m.put("ucfront.ldap.starttls", "true");
        try {
            load(m);
            fail("accepted StartTLS over ldaps");
        } catch (InvalidConfigException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("ucfront.ldap.starttls"));
        }
        m.remove("ucfront.ldap.starttls");
        assertEquals(636, load(m).url().getPort());
    }

    static final String TEST_CA = "src/test/resources/ldap/test-ca.pem";

    @Test
    public void aCaFileIsReadAtStartAndOnlyWithTls() throws Exception {
        Map<String, String> m = minimal();
        m.put("ucfront.ldap.url", "ldaps://dc1.fabrikam.com");
        m.put("ucfront.ldap.ca.file", TEST_CA);
        assertEquals(Path.of(TEST_CA), load(m).caFile());
        javax.net.ssl.X509TrustManager tm = (javax.net.ssl.X509TrustManager) DirectoryTrust.managers(load(m).caFile())[0];
        assertEquals(1, tm.getAcceptedIssuers().length);
        assertEquals("CN=ucfront unit-test CA", tm.getAcceptedIssuers()[0].getSubjectX500Principal().getName());

        Path empty = Files.createTempFile("no-certificate", ".pem");
        try {
            Files.writeString(empty, "not a certificate");
            m.put("ucfront.ldap.ca.file", empty.toString());
            expectInvalid(m, "ucfront.ldap.ca.file");
            m.put("ucfront.ldap.ca.file", empty.resolveSibling("missing-" + empty.getFileName()).toString());
            expectInvalid(m, "ucfront.ldap.ca.file");
        } finally {
            Files.delete(empty);
        }
        m.put("ucfront.ldap.ca.file", TEST_CA);
        m.put("ucfront.ldap.url", "ldap://dc1.fabrikam.com"); // plain text: a CA file would be ignored
        expectInvalid(m, "ucfront.ldap.ca.file");
        m.put("ucfront.ldap.starttls", "true");
        assertTrue(load(m).secure());
    }

    static void expectInvalid(Map<String, String> m, String key) {
        try {
            load(m);
            fail("accepted " + m);
        } catch (InvalidConfigException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(key));
        }
    }
}
