package org.ucfront.blackbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server (target/ucfront/bin/ucfront) run as its own process, as an administrator
 * runs it. Start returns when the server logs that it is ready; its output goes to a log file.
 */
public final class UcfrontServer implements AutoCloseable {

    public static final String DOMAIN = "fabrikam.com";
    public static final String ADMIN_PASSWORD = "it-admin-secret";

    private final Map<String, String> env = new HashMap<>();
    private final Path log;
    private final List<String> lines = new ArrayList<>();
    private String readyLine = "ucfront ready in";
    private Process process;
    public final int sipPort;
    public final int httpPort;

    public UcfrontServer(String name, int sipPort, int httpPort) throws IOException {
        this.sipPort = sipPort;
        this.httpPort = httpPort;
        Path dist = Paths.get(System.getProperty("ucfront.dist", "target/ucfront"));
        Path work = dist.getParent().resolve("it-work").resolve(name);
        deleteRecursively(work);
        Files.createDirectories(work);
        this.log = work.resolve("server.log");
        env.put("UCFRONT_SIP_PORT", Integer.toString(sipPort));
        env.put("UCFRONT_HTTP_PORT", Integer.toString(httpPort));
        // no TLS connector unless a test asks for one: every server would otherwise take 5061
        env.put("UCFRONT_TLS_PORT", "0");
        env.put("UCFRONT_DOMAIN", DOMAIN);
        env.put("UCFRONT_DATA_DIR", work.resolve("data").toString());
        env.put("UCFRONT_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("UCFRONT_HOME_SCRIPT", dist.resolve("bin/ucfront").toString());
    }

    public UcfrontServer with(String key, String value) {
        env.put(key, value);
        return this;
    }

    /** Another start script (the standalone server's) and the line it logs when ready. */
    public UcfrontServer script(Path script, String readyLine) {
        env.put("UCFRONT_HOME_SCRIPT", script.toString());
        this.readyLine = readyLine;
        return this;
    }

    /** Waits until the server has logged a line containing the text at least this many times (since it was first started). */
    public void awaitLog(String text, int occurrences, long timeoutSeconds) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        synchronized (lines) {
            while (lines.stream().filter(l -> l.contains(text)).count() < occurrences) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new IllegalStateException("the server did not log \"" + text + "\" " + occurrences
                            + " time(s) in " + timeoutSeconds + " s; see " + log);
                }
                lines.wait(left);
            }
        }
    }

    public UcfrontServer without(String key) {
        env.remove(key);
        return this;
    }

    public Path dataDir() {
        return Paths.get(env.get("UCFRONT_DATA_DIR"));
    }

    /** The server's process id (bin/ucfront execs the JVM). */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public UcfrontServer start() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(env.get("UCFRONT_HOME_SCRIPT")).redirectErrorStream(true);
        pb.environment().putAll(env);
        process = pb.start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread pump = new Thread(() -> pump(ready), "ucfront-log");
        pump.setDaemon(true);
        pump.start();
        if (!ready.await(180, TimeUnit.SECONDS) || !process.isAlive()) {
            throw new IllegalStateException("ucfront did not become ready; see " + log);
        }
        return this;
    }

    private void pump(CountDownLatch ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
                if (line.contains(readyLine)) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            ready.countDown();
        }
    }

    /** Stops the server as an administrator would (SIGTERM) and waits for it to exit. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public String logText() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
        }
    }
}
