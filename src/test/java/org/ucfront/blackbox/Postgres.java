package org.ucfront.blackbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server (Debian postgresql, installed by .ci/run): a throwaway cluster made
 * with initdb and run with pg_ctl on a loopback port, TCP only, password (SCRAM) authentication.
 * PostgreSQL refuses to run as root, so when the tests run as root the cluster belongs to the
 * {@code postgres} account the package creates and its tools run through {@code runuser}.
 * {@link #start} creates the database {@value #DATABASE} owned by the role {@value #USER}.
 */
public final class Postgres implements AutoCloseable {

    public static final String DATABASE = "ucfront";
    public static final String USER = "ucfront";
    public static final String PASSWORD = "it-pg-secret";
    static final String SUPERUSER_PASSWORD = "it-pg-superuser";
    static final Path INSTALL = Paths.get("/usr/lib/postgresql");

    public final int port;
    private final Path dir;
    private final Path bin;
    private final boolean asPostgresAccount;
    private final Path logCopy;

    public Postgres(String name, int port) throws IOException, InterruptedException {
        this.port = port;
        this.bin = newestBin();
        this.asPostgresAccount = "root".equals(System.getProperty("user.name"));
        // outside the work tree (the postgres account must own it and reach it), one per run, so
        // that runs of other work trees on the same machine keep theirs
        this.dir = Files.createTempDirectory("ucfront-it-pg-" + name + "-");
        this.logCopy = Paths.get(System.getProperty("ucfront.dist", "target/ucfront")).getParent()
                .resolve("it-work").resolve(name + "-postgres.log");
        Files.createDirectories(logCopy.getParent());
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path pwfile = dir.resolve("superuser.pw");
        Files.writeString(pwfile, SUPERUSER_PASSWORD + "\n", StandardCharsets.UTF_8);
        if (asPostgresAccount) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                "--pwfile=" + pwfile, "--auth=scram-sha-256", "-E", "UTF8", "--no-locale"), true);
    }

    static Path newestBin() throws IOException {
        if (!Files.isDirectory(INSTALL)) {
            throw new IllegalStateException(INSTALL + " is missing: install postgresql (see .ci/run)");
        }
        try (Stream<Path> versions = Files.list(INSTALL)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL server under " + INSTALL));
        }
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** Starts the server (pg_ctl -w waits until it accepts connections) and creates the database. */
    public Postgres start() throws IOException, InterruptedException, SQLException {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "start"), true);
        try (Connection c = connect("postgres", "postgres", SUPERUSER_PASSWORD); Statement s = c.createStatement()) {
            if (!s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "'").next()) {
                s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            }
        }
        return this;
    }

    /** A connection as the application's role, to look at what the server stored. */
    public Connection connect() throws SQLException {
        return connect(DATABASE, USER, PASSWORD);
    }

    private Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, user, password);
    }

    /** Stops the server and removes the cluster; its log is kept in target/it-work. */
    public void stop() throws IOException, InterruptedException {
        if (Files.exists(dir.resolve("data/postmaster.pid"))) {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                    "stop"), true);
        }
        if (Files.exists(dir.resolve("postgres.log"))) {
            Files.copy(dir.resolve("postgres.log"), logCopy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        UcfrontServer.deleteRecursively(dir);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    private void run(List<String> command, boolean asServer) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asServer && asPostgresAccount) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Path out = dir.resolve("commands.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile())).start();
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " failed; see " + out + " and "
                    + dir.resolve("postgres.log") + ":\n" + (Files.exists(out) ? Files.readString(out) : ""));
        }
    }
}
