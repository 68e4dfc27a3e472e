package org.ucfront.blackbox;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One sipp run of a scenario template (src/test/sipp) with its placeholders filled in. The run
 * passes when sipp exits 0: every message arrived and every check of the scenario held.
 */
public final class Sipp {

    public enum Transport {
        UDP("u1"), TCP("t1");

        final String mode;

        Transport(String mode) {
            this.mode = mode;
        }
    }

    private static int counter;

    private final String template;
    private final Map<String, String> values = new LinkedHashMap<>();
    private Transport transport = Transport.UDP;
    private String callId;
    private int baseCseq = 1;
    private int localPort;
    private int calls = 1;
    private Path messages;
    private Path errors;
    private Path screen;
    private Process process;

    private Sipp(String template) {
        this.template = template;
    }

    public static Sipp scenario(String template) {
        return new Sipp(template);
    }

    public Sipp set(String name, String value) {
        values.put(name, value);
        return this;
    }

    public Sipp transport(Transport t) {
        this.transport = t;
        return this;
    }

    /** A fixed Call-ID (for runs that continue another run's registration). */
    public Sipp callId(String id) {
        this.callId = id;
        set("CALL_ID", id);
        return this;
    }

    /** A fixed local port: for peers the server is configured to reach (UM servers). */
    public Sipp localPort(int port) {
        this.localPort = port;
        return this;
    }

    /** How many calls the run takes before it ends (a UAS peer that gets several INVITEs). */
    public Sipp calls(int n) {
        this.calls = n;
        return this;
    }

    public Sipp baseCseq(int cseq) {
        this.baseCseq = cseq;
        return this;
    }

    /** Starts sipp against the server; {@link #await} waits for its end. */
    public Sipp start(UcfrontServer server) throws IOException {
        int n;
        synchronized (Sipp.class) {
            n = ++counter;
        }
        Path dir = Paths.get(System.getProperty("ucfront.dist", "target/ucfront")).getParent()
                .resolve("it-work").resolve("sipp");
        Files.createDirectories(dir);
        String name = template.replace(".xml", "") + "-" + n;
        String text = Files.readString(Paths.get(System.getProperty("ucfront.test.resources", "src/test/sipp"))
                .resolve(template), StandardCharsets.ISO_8859_1);
        for (int pass = 0; pass < 3 && text.contains("%%"); pass++) { // snippets may hold placeholders too
            for (Map.Entry<String, String> v : values.entrySet()) {
                text = text.replace("%%" + v.getKey() + "%%", v.getValue());
            }
        }
        if (text.contains("%%")) {
            throw new IllegalArgumentException(template + " has unfilled placeholders: "
                    + text.substring(text.indexOf("%%"), Math.min(text.length(), text.indexOf("%%") + 30)));
        }
        Path scenario = dir.resolve(name + ".xml");
        Files.writeString(scenario, text, StandardCharsets.ISO_8859_1);
        messages = dir.resolve(name + "-messages.log");
        errors = dir.resolve(name + "-errors.log");
        screen = dir.resolve(name + "-screen.log");
        List<String> cmd = new ArrayList<>(List.of("sipp", "-sf", scenario.toString(), "-m", Integer.toString(calls),
                "-t", transport.mode, "-i", "127.0.0.1", "-p", Integer.toString(localPort > 0 ? localPort : freePort()),
                "-base_cseq", Integer.toString(baseCseq),
                "-trace_msg", "-message_file", messages.toString(),
                "-trace_err", "-error_file", errors.toString(),
                "-timeout", "60s", "-timeout_error", "-nostdin")); // foreground: the exit code is the verdict
        if (callId != null) {
            cmd.addAll(List.of("-cid_str", callId));
        }
        cmd.add("127.0.0.1:" + server.sipPort);
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(screen.toFile()).start();
        return this;
    }

    /** Waits for sipp to finish; returns its exit code (0 = every check passed). */
    public int await() throws InterruptedException {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    /** Ends sipp at once, as a client that crashes or loses its network would end. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public int run(UcfrontServer server) throws IOException, InterruptedException {
        return start(server).await();
    }

    /** The messages sipp sent and received, as it logged them. */
    public String messages() throws IOException {
        return Files.exists(messages) ? Files.readString(messages, StandardCharsets.ISO_8859_1) : "";
    }

    /** What to show when a run failed. */
    public String diagnostics() throws IOException {
        StringBuilder b = new StringBuilder("sipp " + template + " failed");
        for (Path p : new Path[] {errors, messages}) {
            if (p != null && Files.exists(p)) {
                String t = Files.readString(p, StandardCharsets.ISO_8859_1);
                b.append("\n--- ").append(p.getFileName()).append(" ---\n")
                        .append(t.length() > 6000 ? t.substring(t.length() - 6000) : t);
            }
        }
        return b.toString();
    }

    static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket s = new ServerSocket(0)) {
                int port = s.getLocalPort();
                try (DatagramSocket d = new DatagramSocket(port)) {
                    return port;
                } catch (IOException udpTaken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port");
    }
}
