package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Test;

/**
 * kill -9 of the server during a registration load (sipp, UDP, Digest), then a restart on the same
 * data directory: every endpoint whose 200 OK the client had before the server's write-behind
 * watermark (ucfront_persist_durable_before_seconds, read just before the kill; it trails by one
 * window, ucfront.persist.window.ms, plus the write in progress) is registered again, with the
 * identity it registered (no half or mixed rows); endpoints answered later may be lost, and
 * nothing the client never sent appears. The kill comes just after the watermark moves, when the
 * database may still hold the batch it marks in memory only (H2's write delay).
 */
public class CrashSafetyIT {

    static final int SIP_PORT = 15610;
    static final int HTTP_PORT = 18610;
    static final int USERS = 600;
    static final int RATE = 100; // registrations/s: the kill comes ~3 s into the load
    static final int KILL_AFTER = 300; // 200 OKs seen before the kill
    /** The write-behind window of this test. */
    static final long WINDOW_MS = 1000;
    /**
     * How old the watermark may be at the kill: the window plus the write in progress, which on a
     * loaded 2-core machine takes seconds for the first, JIT-cold, batch.
     */
    static final long MAX_LAG_MS = 10 * WINDOW_MS;

    private UcfrontServer server;
    private Process sipp;

    @After
    public void stop() throws Exception {
        if (sipp != null) {
            sipp.destroyForcibly().waitFor();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    public void everyEndpointAcknowledgedBeforeTheWindowSurvivesAKill() throws Exception {
        server = new UcfrontServer("crash", SIP_PORT, HTTP_PORT)
                .with("UCFRONT_DIGEST_ALGORITHMS", "MD5")
                .with("UCFRONT_PERSIST_WINDOW_MS", Long.toString(WINDOW_MS))
                .with("UCFRONT_FLOOD_SOURCE_RATE", "0") // the whole load comes from one address
                .start();
        AdminClient admin = AdminClient.of(server);
        Path dir = server.dataDir().getParent();
        Map<String, String> instances = new HashMap<>();
        StringBuilder csv = new StringBuilder("SEQUENTIAL\n");
        for (int i = 0; i < USERS; i++) {
            String user = "crash" + i;
            admin.createUser("sip:" + user + "@" + UcfrontServer.DOMAIN, "pw" + i);
            String instance = UUID.nameUUIDFromBytes(user.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase();
            instances.put(user, instance);
            csv.append(user).append(";[authentication username=").append(user).append(" password=pw").append(i)
                    .append("];e").append(Integer.toHexString(user.hashCode())).append(';').append(instance).append('\n');
        }
        Path injection = dir.resolve("users.csv");
        Files.writeString(injection, csv, StandardCharsets.ISO_8859_1);
        Path messages = dir.resolve("sipp-messages.log");
        Path scenario = java.nio.file.Paths.get(System.getProperty("ucfront.test.resources", "src/test/sipp"))
                .resolve("register-load.xml");
        sipp = new ProcessBuilder("sipp", "-sf", scenario.toString(), "-inf", injection.toString(),
                "-key", "domain", UcfrontServer.DOMAIN, "-t", "u1", "-i", "127.0.0.1",
                "-p", Integer.toString(Sipp.freePort()), "-r", Integer.toString(RATE), "-m", Integer.toString(USERS),
                "-trace_msg", "-message_file", messages.toString(), "-nostdin",
                "-default_behaviors", "abortunexp", "127.0.0.1:" + SIP_PORT)
                .redirectErrorStream(true).redirectOutput(dir.resolve("sipp-screen.log").toFile()).start();

        awaitOks(messages, KILL_AFTER);
        // the server's write-behind watermark: every change acknowledged before it is written. The
        // kill comes as soon as it moves, when the batch just committed is the most likely to be lost
        long durable = awaitNewWatermark(admin, durableBefore(admin.metrics()));
        long killedAt = System.currentTimeMillis();
        ProcessHandle.of(server.pid()).orElseThrow().destroyForcibly(); // SIGKILL: no flush, no clean stop
        assertTrue(ProcessHandle.of(server.pid()).map(p -> p.onExit().thenApply(x -> true)).get()
                .get(30, TimeUnit.SECONDS));
        sipp.destroyForcibly().waitFor();

        Map<String, Long> acknowledged = oks(messages);
        Set<String> sent = authenticatedSent(messages);
        assertTrue("only " + acknowledged.size() + " 200 OKs before the kill", acknowledged.size() >= KILL_AFTER);

        server.start();
        String listing = admin.send("GET", "/registrations", null).body();
        Map<String, String> registered = registrations(listing);

        List<String> lostTooEarly = new ArrayList<>();
        int lost = 0;
        for (Map.Entry<String, Long> ok : acknowledged.entrySet()) {
            if (!registered.containsKey(ok.getKey())) {
                lost++;
                if (ok.getValue() <= durable) {
                    lostTooEarly.add(ok.getKey() + " (200 OK " + (durable - ok.getValue()) + " ms before the watermark)");
                }
            }
        }
        System.out.printf("crash: %d 200 OKs before the kill, %d registered after the restart, %d lost; "
                + "watermark %d ms before the kill (window %d ms)%n",
                acknowledged.size(), registered.size(), lost, killedAt - durable, WINDOW_MS);
        assertTrue("lost although acknowledged before the write-behind watermark: " + lostTooEarly, lostTooEarly.isEmpty());
        assertTrue("the watermark was " + (killedAt - durable) + " ms old at the kill", killedAt - durable <= MAX_LAG_MS);
        for (Map.Entry<String, String> r : registered.entrySet()) {
            assertTrue(r.getKey() + " registered but its client never sent credentials", sent.contains(r.getKey()));
            assertEquals("instance of " + r.getKey(), "urn:uuid:" + instances.get(r.getKey()).toLowerCase(),
                    r.getValue().toLowerCase());
        }
        Matcher restored = Pattern.compile("(\\d+) endpoints of (\\d+) users restored").matcher(server.logText());
        String last = null;
        while (restored.find()) {
            last = restored.group(1) + "/" + restored.group(2);
        }
        assertEquals("rows restored = endpoints listed, one per user", registered.size() + "/" + registered.size(), last);
    }

    /** ucfront_persist_durable_before_seconds from the metrics, as epoch ms. */
    static long durableBefore(String metrics) {
        Matcher m = Pattern.compile("(?m)^ucfront_persist_durable_before_seconds ([0-9.eE+]+)$").matcher(metrics);
        assertTrue("no watermark in the metrics", m.find());
        return (long) (Double.parseDouble(m.group(1)) * 1000);
    }

    /** The watermark once it has moved past {@code previous}. */
    private static long awaitNewWatermark(AdminClient admin, long previous) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        long durable;
        while ((durable = durableBefore(admin.metrics())) <= previous) {
            assertTrue("the watermark stayed at " + previous + " for 30 s", System.currentTimeMillis() < deadline);
        }
        return durable;
    }

    private static void awaitOks(Path messages, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (oks(messages).size() < count) {
            assertTrue("sipp got fewer than " + count + " 200 OKs in 60 s", System.currentTimeMillis() < deadline);
            Thread.sleep(50); // polls sipp's log: the event is in another process
        }
    }

    private static final Pattern ENTRY = Pattern.compile(
            "-{40,} (\\d{4}-\\d\\d-\\d\\d[ \\t]\\d\\d:\\d\\d:\\d\\d\\.\\d+)\\R(UDP|TCP) message (received|sent)[^\\n]*\\n\\n([^\\n]*)\\n((?:[^\\n]+\\n)*)");
    private static final Pattern TO_USER = Pattern.compile("(?m)^To: <sip:([^@>]+)@");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    /** User → when sipp received its 200 OK (epoch ms), from sipp's message log. */
    static Map<String, Long> oks(Path messages) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        for (String[] e : entries(messages)) {
            if (e[1].equals("received") && e[2].startsWith("SIP/2.0 200 ")) {
                out.putIfAbsent(e[3], Long.parseLong(e[0]));
            }
        }
        return out;
    }

    /** Users whose REGISTER with credentials sipp sent. */
    static Set<String> authenticatedSent(Path messages) throws IOException {
        Set<String> out = new HashSet<>();
        for (String[] e : entries(messages)) {
            if (e[1].equals("sent") && e[4].contains("Authorization:")) {
                out.add(e[3]);
            }
        }
        return out;
    }

    /** [epoch ms, received|sent, start line, To user, headers] of each logged message. */
    private static List<String[]> entries(Path messages) throws IOException {
        List<String[]> out = new ArrayList<>();
        if (!Files.exists(messages)) {
            return out;
        }
        String text = Files.readString(messages, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
        Matcher m = ENTRY.matcher(text);
        while (m.find()) {
            Matcher to = TO_USER.matcher(m.group(5));
            if (!to.find()) {
                continue; // the last entry may be cut by the kill
            }
            long at = LocalDateTime.parse(m.group(1).replace('\t', ' '), STAMP).atZone(ZoneId.systemDefault())
                    .toInstant().toEpochMilli();
            out.add(new String[] {Long.toString(at), m.group(3), m.group(4), to.group(1), m.group(5)});
        }
        return out;
    }

    /** User → instance of each registration the admin API lists (each must have a GRUU and a Contact). */
    static Map<String, String> registrations(String json) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode r : new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)) {
            String user = r.path("user").asText();
            assertTrue("no GRUU or Contact: " + r, !r.path("gruu").asText().isEmpty() && !r.path("contact").asText().isEmpty());
            String u = user.substring("sip:".length(), user.indexOf('@'));
            assertTrue("two registrations of " + u, out.put(u, r.path("instance").asText()) == null);
        }
        return out;
    }
}
