package org.ucfront.blackbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway MIT Kerberos realm (Debian krb5-kdc, installed by .ci/run): database, principals and
 * keytab made with kdb5_util and kadmin.local, krb5kdc in the foreground on a loopback port. Clients
 * and the server find it through the krb5.conf written here ({@link #krb5Conf()}).
 */
public final class Kdc implements AutoCloseable {

    static final Path KRB5KDC = Paths.get("/usr/sbin/krb5kdc");
    static final String PACKAGES = "krb5-kdc krb5-admin-server";

    private final Path dir;
    private final String realm;
    private final Process process;

    private Kdc(Path dir, String realm, Process process) {
        this.dir = dir;
        this.realm = realm;
        this.process = process;
    }

    /** Fails (does not skip) when MIT Kerberos is missing: CI installs it. */
    static void check() {
        if (!Files.isExecutable(KRB5KDC) || !Files.isExecutable(Paths.get("/usr/sbin/kadmin.local"))) {
            throw new AssertionError("MIT Kerberos KDC missing; install the Debian packages " + PACKAGES
                    + " (.ci/run does)");
        }
    }

    /**
     * @param domain  DNS domain mapped to the realm
     * @param users   user principal → password
     * @param service service principal whose key goes to {@link #keytab()}
     */
    public static Kdc start(Path dir, String realm, String domain, int port, Map<String, String> users, String service)
            throws IOException, InterruptedException {
        check();
        UcfrontServer.deleteRecursively(dir);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("krb5.conf"), String.join("\n",
                "[libdefaults]",
                "  default_realm = " + realm,
                "  dns_lookup_kdc = false",
                "  dns_lookup_realm = false",
                "  rdns = false",
                "  dns_canonicalize_hostname = false",
                "  udp_preference_limit = 1",
                "[realms]",
                "  " + realm + " = {",
                "    kdc = 127.0.0.1:" + port,
                "  }",
                "[domain_realm]",
                "  ." + domain + " = " + realm,
                "  " + domain + " = " + realm,
                ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("kdc.conf"), String.join("\n",
                "[kdcdefaults]",
                "  kdc_ports = " + port,
                "  kdc_tcp_ports = " + port,
                "[realms]",
                "  " + realm + " = {",
                "    database_name = " + dir.resolve("principal"),
                "    key_stash_file = " + dir.resolve("stash"),
                "    acl_file = " + dir.resolve("kadm5.acl"),
                "    supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal",
                "    max_life = 10h",
                "  }",
                "[logging]",
                "  kdc = FILE:" + dir.resolve("kdc.log"),
                ""), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("kadm5.acl"), "", StandardCharsets.UTF_8);
        run(dir, "/usr/sbin/kdb5_util", "create", "-s", "-r", realm, "-P", "throwaway-master-key");
        for (Map.Entry<String, String> u : users.entrySet()) {
            run(dir, "/usr/sbin/kadmin.local", "-r", realm, "-q", "addprinc -pw " + u.getValue() + " " + u.getKey());
        }
        run(dir, "/usr/sbin/kadmin.local", "-r", realm, "-q", "addprinc -randkey " + service);
        run(dir, "/usr/sbin/kadmin.local", "-r", realm, "-q", "ktadd -k " + dir.resolve("sip.keytab") + " " + service);
        ProcessBuilder pb = new ProcessBuilder(KRB5KDC.toString(), "-n", "-r", realm, "-P",
                dir.resolve("krb5kdc.pid").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("krb5kdc.out").toFile());
        env(pb, dir);
        Kdc kdc = new Kdc(dir, realm, pb.start());
        kdc.awaitListening(port);
        return kdc;
    }

    private static void env(ProcessBuilder pb, Path dir) {
        pb.environment().put("KRB5_CONFIG", dir.resolve("krb5.conf").toString());
        pb.environment().put("KRB5_KDC_PROFILE", dir.resolve("kdc.conf").toString());
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        env(pb, dir);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(List.of(command) + " failed:\n" + out);
        }
    }

    /** Connects until krb5kdc accepts on its TCP port, or fails with its output. */
    private void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("krb5kdc did not listen on " + port + ": "
                            + Files.readString(dir.resolve("krb5kdc.out")));
                }
                process.waitFor(100, TimeUnit.MILLISECONDS); // bounded back-off while it starts
            }
        }
    }

    public Path krb5Conf() {
        return dir.resolve("krb5.conf");
    }

    public Path keytab() {
        return dir.resolve("sip.keytab");
    }

    public String realm() {
        return realm;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
