package org.ucfront.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Properties;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class TlsSettingsTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static UcfrontConfig config() {
        return UcfrontConfig.of(Map.of());
    }

    @Test
    public void defaultsToPort5061WithAHandshakeDeadline() {
        TlsSettings t = TlsSettings.load(config(), k -> null);
        assertEquals(5061, t.port());
        assertEquals(10_000, t.handshakeTimeoutMillis());
        assertNull(t.keyStore());
        assertEquals(TlsSettings.ClientAuth.NONE, t.clientAuth());
    }

    @Test
    public void aMissingKeyStoreOrABadValueStopsTheStart() {
        for (Map<String, String> bad : new Map[] {Map.of(TlsSettings.KEY_STORE, "/nonexistent.p12"),
            Map.of(TlsSettings.PORT, "70000"), Map.of(TlsSettings.CLIENT_AUTH, "sometimes"),
            Map.of(TlsSettings.PORT, "5060")}) {
            try {
                TlsSettings.load(config(), bad::get);
                fail("accepted " + bad);
            } catch (UcfrontConfig.InvalidConfigException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith(bad.keySet().iterator().next() + "="));
            }
        }
    }

    @Test
    public void theGeneratedKeyStoreIsKeptPrivateAndReused() throws Exception {
        Path data = tmp.newFolder("data").toPath();
        TlsSettings t = TlsSettings.load(config(), k -> null).withGeneratedKeyStore(data, "pool.fabrikam.com");
        assertEquals(data.resolve("tls/ucfront.p12"), t.keyStore());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(t.keyStore())));
        KeyStore ks = TlsSettings.open(t.keyStore(), t.keyStorePassword());
        X509Certificate cert = (X509Certificate) ks.getCertificate("ucfront");
        assertEquals("CN=pool.fabrikam.com", cert.getSubjectX500Principal().getName());
        assertTrue(cert.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.2")); // clientAuth: usable for mutual TLS
        byte[] before = Files.readAllBytes(t.keyStore());
        TlsSettings again = TlsSettings.load(config(), k -> null).withGeneratedKeyStore(data, "pool.fabrikam.com");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(again.keyStore())));
        assertNotNull(again.clientContext());
        Properties p = new Properties();
        again.applyTo(p);
        assertEquals("TLSv1.3,TLSv1.2", p.getProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS"));
        assertEquals("10000", p.getProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT"));
    }
}
