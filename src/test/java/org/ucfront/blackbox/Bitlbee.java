package org.ucfront.blackbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Lync-protocol client: pidgin-sipe (libpurple plugin) driven headless through
 * bitlbee-libpurple, both from Debian. bitlbee runs as its own process in forking-daemon mode,
 * listening on loopback only, with a throwaway configuration under target/it-work; the test
 * speaks IRC to it. bitlbee's stderr carries libpurple's debug output (BITLBEE_DEBUG), with
 * sipe's own trace and every SIP message it sends and receives (PURPLE_UNSAFE_DEBUG).
 *
 * <p>Nothing here sleeps to synchronise: waits are blocking reads or monitor waits with a
 * deadline, and fail with what was seen so far.
 */
public final class Bitlbee implements AutoCloseable {

    /** Where Debian's packages put the two pieces. */
    static final Path SIPE_PLUGIN = Paths.get("/usr/lib/purple-2/libsipe.so");
    static final String PACKAGES = "bitlbee-libpurple pidgin-sipe";

    private final Path work;
    private final int port;
    private final Path debugLog;
    private final Path stdoutLog;
    private final List<String> debug = new ArrayList<>();
    private final List<String> irc = new ArrayList<>();
    private boolean ircClosed;
    private Process process;
    private Socket socket;
    private OutputStream ircOut;

    private Bitlbee(Path work, int port) {
        this.work = work;
        this.port = port;
        this.debugLog = work.resolve("bitlbee-debug.log");
        this.stdoutLog = work.resolve("bitlbee-stdout.log");
    }

    /** The bitlbee executable, or a failure that says what CI must install. */
    static Path executable() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.add("/usr/sbin");
        dirs.add("/usr/bin");
        for (String dir : dirs) {
            if (!dir.isEmpty() && Files.isExecutable(Paths.get(dir, "bitlbee"))) {
                if (!Files.isRegularFile(SIPE_PLUGIN)) {
                    throw new AssertionError("bitlbee is installed but pidgin-sipe is not (" + SIPE_PLUGIN
                            + " missing); install the Debian packages " + PACKAGES + " (.ci/run does)");
                }
                return Paths.get(dir, "bitlbee");
            }
        }
        throw new AssertionError("bitlbee is not installed; install the Debian packages " + PACKAGES
                + " (.ci/run does)");
    }

    /**
     * Starts bitlbee on 127.0.0.1:{@code port} with a configuration of its own in {@code work}, and
     * connects to it as IRC user {@code nick}; returns once bitlbee's control channel is joined.
     */
    public static Bitlbee start(Path work, int port, String nick, Duration timeout)
            throws IOException, InterruptedException {
        return start(work, port, nick, timeout, java.util.Map.of());
    }

    /** As above, with extra environment for bitlbee (e.g. KRB5_CONFIG of a test realm). */
    public static Bitlbee start(Path work, int port, String nick, Duration timeout, java.util.Map<String, String> env)
            throws IOException, InterruptedException {
        Path exe = executable();
        UcfrontServer.deleteRecursively(work);
        Files.createDirectories(work.resolve("config"));
        Bitlbee b = new Bitlbee(work, port);
        Path conf = work.resolve("bitlbee.conf");
        Files.writeString(conf, String.join("\n",
                "[settings]",
                "RunMode = ForkDaemon",
                "AuthMode = Open",
                // listen on loopback only, and bind outgoing connections to loopback too
                "DaemonInterface = 127.0.0.1",
                "DaemonPort = " + port,
                "ClientInterface = 127.0.0.1",
                "ConfigDir = " + work.resolve("config").toAbsolutePath(),
                "PidFile = " + work.resolve("bitlbee.pid").toAbsolutePath(),
                "MotdFile = /dev/null",
                "PingInterval = 0",
                "PingTimeOut = 0",
                // only the sipe protocol plugin is offered
                "Protocols = sipe",
                "[defaults]",
                ""), StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder(exe.toString(), "-F", "-c", conf.toAbsolutePath().toString(),
                "-i", "127.0.0.1", "-p", Integer.toString(port), "-n")
                .redirectOutput(b.stdoutLog.toFile());
        // a private HOME (libpurple and GLib write caches there); no desktop session to reach
        pb.environment().put("HOME", work.toAbsolutePath().toString());
        pb.environment().remove("DISPLAY");
        pb.environment().put("DBUS_SESSION_BUS_ADDRESS", "disabled:");
        // libpurple debug to stderr, with sipe's trace and its SIP messages
        pb.environment().put("BITLBEE_DEBUG", "1");
        pb.environment().put("PURPLE_VERBOSE_DEBUG", "1");
        pb.environment().put("PURPLE_UNSAFE_DEBUG", "1");
        pb.environment().putAll(env);
        b.process = pb.start();
        Thread pump = new Thread(() -> b.pumpDebug(b.process.getErrorStream()), "bitlbee-debug");
        pump.setDaemon(true);
        pump.start();
        try {
            b.connect(timeout);
            b.send("NICK " + nick);
            b.send("USER " + nick + " 0 * :" + nick);
            b.awaitIrc(Pattern.compile(" 366 " + Pattern.quote(nick) + " &bitlbee "), null, timeout);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            b.close();
            throw e;
        }
        return b;
    }

    /**
     * bitlbee listens once it has read its configuration; until then a connection is refused. The
     * attempts are bounded by the deadline and spaced by the connect timeout of each.
     */
    private void connect(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("bitlbee exited with " + process.exitValue() + " before listening; see "
                        + debugLog + " and " + stdoutLog);
            }
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                socket = s;
                break;
            } catch (ConnectException e) {
                s.close();
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("bitlbee did not listen on 127.0.0.1:" + port + " within " + timeout);
                }
                // bounded back-off before the next attempt; the process may still be starting
                process.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        ircOut = socket.getOutputStream();
        Thread reader = new Thread(this::readIrc, "bitlbee-irc");
        reader.setDaemon(true);
        reader.start();
    }

    private void readIrc() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("PING ")) {
                    send("PONG " + line.substring(5));
                }
                synchronized (irc) {
                    irc.add(line);
                    irc.notifyAll();
                }
            }
        } catch (IOException e) {
            // connection closed
        } finally {
            synchronized (irc) {
                ircClosed = true;
                irc.notifyAll();
            }
        }
    }

    private void pumpDebug(InputStream err) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(debugLog, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                synchronized (debug) {
                    debug.add(line);
                    debug.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    public synchronized void send(String line) {
        try {
            ircOut.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            ircOut.flush();
        } catch (IOException e) {
            throw new IllegalStateException("IRC connection to bitlbee lost", e);
        }
    }

    /** A command for bitlbee's control channel, as a user types it. */
    public void command(String text) {
        send("PRIVMSG &bitlbee :" + text);
    }

    /**
     * Waits for an IRC line matching {@code expected}; fails at once on a line matching
     * {@code failure} (when given), when bitlbee closes the connection, or at the deadline.
     */
    public Matcher awaitIrc(Pattern expected, Pattern failure, Duration timeout) throws InterruptedException {
        return await(irc, expected, failure, timeout, "IRC");
    }

    /** Waits for a line of bitlbee's debug output (libpurple and sipe trace) matching {@code expected}. */
    public Matcher awaitDebug(Pattern expected, Duration timeout) throws InterruptedException {
        return await(debug, expected, null, timeout, "debug output");
    }

    private Matcher await(List<String> lines, Pattern expected, Pattern failure, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (lines) {
            while (true) {
                for (; seen < lines.size(); seen++) {
                    String line = lines.get(seen);
                    Matcher m = expected.matcher(line);
                    if (m.find()) {
                        return m;
                    }
                    if (failure != null && failure.matcher(line).find()) {
                        throw new AssertionError("bitlbee reported: " + line + "\n(while waiting for " + expected
                                + "); " + what + " so far:\n" + tail(lines));
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (lines == irc && ircClosed)) {
                    throw new AssertionError("no " + what + " line matching " + expected + " within " + timeout
                            + (lines == irc && ircClosed ? " (bitlbee closed the connection)" : "")
                            + "; so far:\n" + tail(lines) + "\nsee " + debugLog);
                }
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
        }
    }

    private static String tail(List<String> lines) {
        int from = Math.max(0, lines.size() - 40);
        return String.join("\n", lines.subList(from, lines.size()));
    }

    /** The debug output so far, one string. */
    public String debugText() {
        synchronized (debug) {
            return String.join("\n", debug);
        }
    }

    /** The IRC lines so far. */
    public List<String> ircLines() {
        synchronized (irc) {
            return List.copyOf(irc);
        }
    }

    public Path debugLog() {
        return debugLog;
    }

    /**
     * Waits for the first SIP message sipe logged ({@code incoming}: received, else sent) that
     * matches {@code which}, once its end marker is written: a line inside it (a header) can be
     * read before the rest of the message is.
     */
    public String awaitSipMessage(boolean incoming, Predicate<String> which, Duration timeout)
            throws InterruptedException {
        String end = endMarker(incoming);
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        synchronized (debug) {
            while (true) {
                boolean ended = false;
                for (; seen < debug.size(); seen++) {
                    ended |= debug.get(seen).contains(end);
                }
                if (ended) {
                    Optional<String> found = sipMessages(incoming).stream().filter(which).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no complete " + (incoming ? "received" : "sent") + " SIP message as expected"
                            + " within " + timeout + "; see " + debugLog);
                }
                TimeUnit.NANOSECONDS.timedWait(debug, left);
            }
        }
    }

    private static String endMarker(boolean incoming) {
        return incoming ? "MESSAGE END <<<<<<<<<< SIP" : "MESSAGE END >>>>>>>>>> SIP";
    }

    /**
     * The complete SIP messages sipe logged so far (with PURPLE_UNSAFE_DEBUG), in order;
     * {@code incoming} selects those it received ({@code <<<<}) or those it sent ({@code >>>>}).
     */
    public List<String> sipMessages(boolean incoming) {
        String marker = incoming ? "MESSAGE START <<<<<<<<<< SIP" : "MESSAGE START >>>>>>>>>> SIP";
        String end = endMarker(incoming);
        List<String> messages = new ArrayList<>();
        String text = debugText();
        int at = 0;
        while ((at = text.indexOf(marker, at)) >= 0) {
            int start = text.indexOf('\n', at) + 1;
            int stop = text.indexOf(end, start);
            if (start <= 0 || stop < 0) {
                break;
            }
            messages.add(text.substring(start, stop));
            at = stop;
        }
        return messages;
    }

    /**
     * Whether this machine's pidgin-sipe can parse XML at all: its own parser (sipe_xml_parse,
     * exported by libsipe.so) run on {@code <a/>} through python3's ctypes. Empty when that probe
     * cannot run (no python3).
     */
    public static Optional<Boolean> sipeParsesXml() {
        String probe = "import ctypes\n"
                + "ctypes.CDLL('libpurple.so.0', mode=ctypes.RTLD_GLOBAL)\n"
                + "s = ctypes.CDLL('" + SIPE_PLUGIN + "')\n"
                + "s.sipe_xml_parse.restype = ctypes.c_void_p\n"
                + "s.sipe_xml_parse.argtypes = [ctypes.c_char_p, ctypes.c_size_t]\n"
                + "print('parsed' if s.sipe_xml_parse(b'<a/>', 4) else 'null')\n";
        try {
            Process p = new ProcessBuilder("python3", "-c", probe).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            return out.equals("parsed") ? Optional.of(true) : out.equals("null") ? Optional.of(false) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Leaves IRC (bitlbee then signs the account off: sipe unregisters) and stops bitlbee and the
     * child it forked for this connection.
     */
    @Override
    public void close() throws InterruptedException {
        if (socket != null && !socket.isClosed()) {
            try {
                send("QUIT :done");
            } catch (IllegalStateException e) {
                // already gone
            }
            synchronized (irc) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!ircClosed && System.nanoTime() < deadline) {
                    TimeUnit.NANOSECONDS.timedWait(irc, deadline - System.nanoTime());
                }
            }
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        if (process != null) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            for (ProcessHandle child : children) {
                child.destroy();
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            for (ProcessHandle child : children) {
                try {
                    child.onExit().get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    child.destroyForcibly();
                }
            }
        }
    }

    @Override
    public String toString() {
        return "bitlbee on 127.0.0.1:" + port + " (" + work + ")";
    }
}
