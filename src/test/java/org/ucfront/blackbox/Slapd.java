package org.ucfront.blackbox;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenLDAP server (Debian slapd, installed by .ci/run) on a loopback port with a
 * throwaway mdb database: core, cosine and inetOrgPerson schema from /etc/ldap/schema, plus the
 * AD/Lync attribute names (src/test/resources/ldap/ad-lync.schema), and optionally TLS (ldaps and
 * StartTLS) with certificates openssl makes for the run. Entries are written with the UnboundID SDK
 * as the directory's administrator.
 */
public final class Slapd implements AutoCloseable {

    public static final String SUFFIX = "dc=fabrikam,dc=com";
    public static final String ADMIN_DN = "cn=admin," + SUFFIX;
    public static final String ADMIN_PASSWORD = "it-ldap-secret";
    public static final String USERS = "ou=users," + SUFFIX;
    static final Path SLAPD = Paths.get("/usr/sbin/slapd");
    static final Path SCHEMA = Paths.get("/etc/ldap/schema");

    public final int port;
    /** The ldaps port, or 0 without TLS. */
    public final int tlsPort;
    private final Path dir;
    private Process process;

    public Slapd(String name, int port) throws IOException, InterruptedException {
        this(name, port, 0);
    }

    /**
     * With {@code tlsPort} &gt; 0, slapd also speaks ldaps there and StartTLS on {@code port}, with a
     * server certificate for 127.0.0.1 issued by a throwaway CA ({@link #caCertificate()}).
     */
    public Slapd(String name, int port, int tlsPort) throws IOException, InterruptedException {
        if (!Files.isExecutable(SLAPD)) {
            throw new IllegalStateException(SLAPD + " is missing: install slapd (see .ci/run)");
        }
        this.port = port;
        this.tlsPort = tlsPort;
        Path dist = Paths.get(System.getProperty("ucfront.dist", "target/ucfront"));
        this.dir = dist.getParent().resolve("it-work").resolve(name + "-slapd").toAbsolutePath();
        UcfrontServer.deleteRecursively(dir);
        Files.createDirectories(dir.resolve("db"));
        Path adSchema = Paths.get("src/test/resources/ldap/ad-lync.schema").toAbsolutePath();
        String tls = "";
        if (tlsPort > 0) {
            issueCertificates();
            tls = "TLSCACertificateFile " + caCertificate() + "\nTLSCertificateFile " + dir.resolve("server.pem")
                    + "\nTLSCertificateKeyFile " + dir.resolve("server.key") + "\n";
        }
        Files.writeString(dir.resolve("slapd.conf"), tls + String.join("\n",
                "include " + SCHEMA.resolve("core.schema"),
                "include " + SCHEMA.resolve("cosine.schema"),
                "include " + SCHEMA.resolve("inetorgperson.schema"),
                "include " + adSchema,
                "pidfile " + dir.resolve("slapd.pid"),
                "argsfile " + dir.resolve("slapd.args"),
                "modulepath /usr/lib/ldap",
                "moduleload back_mdb",
                "database mdb",
                "maxsize 10485760",
                "suffix \"" + SUFFIX + "\"",
                "rootdn \"" + ADMIN_DN + "\"",
                "rootpw " + ADMIN_PASSWORD,
                "directory " + dir.resolve("db"),
                "index objectClass eq",
                ""), StandardCharsets.UTF_8);
    }

    public String url() {
        return "ldap://127.0.0.1:" + port + "/";
    }

    public String tlsUrl() {
        return "ldaps://127.0.0.1:" + tlsPort + "/";
    }

    /** The PEM certificate of the CA that issued slapd's certificate. */
    public Path caCertificate() {
        return dir.resolve("ca.pem");
    }

    /** A CA certificate that did not issue slapd's: a directory the server must not trust. */
    public Path otherCaCertificate() throws IOException, InterruptedException {
        Path other = dir.resolve("other-ca.pem");
        if (!Files.exists(other)) {
            openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Not The Directory CA",
                    "-keyout", dir.resolve("other-ca.key").toString(), "-out", other.toString());
        }
        return other;
    }

    /** A CA and a server certificate (SAN IP 127.0.0.1), made with openssl for this run only. */
    private void issueCertificates() throws IOException, InterruptedException {
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=ucfront test directory CA",
                "-keyout", dir.resolve("ca.key").toString(), "-out", caCertificate().toString());
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                "-keyout", dir.resolve("server.key").toString(), "-out", dir.resolve("server.csr").toString());
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\n");
        openssl("x509", "-req", "-in", dir.resolve("server.csr").toString(), "-CA", caCertificate().toString(),
                "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial", "-days", "2",
                "-extfile", dir.resolve("server.ext").toString(), "-out", dir.resolve("server.pem").toString());
    }

    private void openssl(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "openssl";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl " + args[0] + " failed; see " + dir.resolve("openssl.log"));
        }
    }

    /** Starts slapd in the foreground (-d 0) and waits until it accepts connections. */
    public Slapd start() throws IOException, InterruptedException {
        String urls = tlsPort > 0 ? url() + " " + tlsUrl() : url();
        process = new ProcessBuilder(SLAPD.toString(), "-d", "0", "-h", urls, "-f", dir.resolve("slapd.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("slapd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return this;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("slapd did not start; see " + dir.resolve("slapd.log"));
                }
                Thread.sleep(50);
            }
        }
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** Adds entries given as LDIF text (records separated by blank lines). */
    public void add(String... ldif) throws LDAPException, com.unboundid.ldif.LDIFException {
        try (LDAPConnection c = admin()) {
            for (String entry : ldif) {
                c.add(new com.unboundid.ldap.sdk.Entry(entry.split("\n")));
            }
        }
    }

    /** Replaces attribute values: name, value, name, value, ... */
    public void replace(String dn, String... nameValues) throws LDAPException {
        Modification[] mods = new Modification[nameValues.length / 2];
        for (int i = 0; i < mods.length; i++) {
            mods[i] = new Modification(ModificationType.REPLACE, nameValues[2 * i], nameValues[2 * i + 1]);
        }
        try (LDAPConnection c = admin()) {
            c.modify(dn, mods);
        }
    }

    private LDAPConnection admin() throws LDAPException {
        return new LDAPConnection("127.0.0.1", port, ADMIN_DN, ADMIN_PASSWORD);
    }
}
