package org.ucfront.directory.ldap.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Whom the directory connection trusts (RFC 4513 §3.1.3): the CA certificates of
 * {@code ucfront.ldap.ca.file}, or the JVM's trust store when none is configured. PKIX
 * validation either way; the host name is checked by the connection.
 */
public final class DirectoryTrust {

    private DirectoryTrust() {
    }

    /** The trust managers for a CA file (null: the JVM's default trust store). */
    public static TrustManager[] managers(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore store = null;
        if (caFile != null) {
            store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate c : read(caFile)) {
                store.setCertificateEntry("ca-" + i++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }

    /** The X.509 certificates of a PEM (or DER) file. */
    static List<Certificate> read(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
    }
}
