package org.ucfront.blackbox;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** Invalid configuration stops the start with exit code 2 and one line saying what is wrong. */
public class ConfigurationIT {

    private static final String SCRIPT = Paths.get(System.getProperty("ucfront.dist", "target/ucfront"))
            .resolve("bin/ucfront").toString();

    private static String[] start(Map<String, String> env) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory("ucfront-config-it");
        ProcessBuilder pb = new ProcessBuilder(SCRIPT).redirectErrorStream(true);
        pb.environment().put("UCFRONT_DATA_DIR", data.toString());
        pb.environment().put("UCFRONT_SIP_PORT", "15080");
        pb.environment().put("UCFRONT_HTTP_PORT", "18100");
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the server started although its configuration is invalid");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return new String[] {Integer.toString(p.exitValue()), out};
    }

    private static void assertRefused(String[] result, String expectedLine) {
        assertEquals(result[1], "2", result[0]);
        assertEquals("ucfront: configuration error: " + expectedLine, result[1]);
    }

    @Test
    public void unknownAuthenticationModeIsRefused() throws Exception {
        assertRefused(start(Map.of("UCFRONT_AUTH", "ntlm-please")),
                "ucfront.auth=ntlm-please is not valid; expected digest or none");
    }

    @Test
    public void aTakenSipPortIsRefused() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 15081));
            String[] r = start(Map.of("UCFRONT_SIP_PORT", "15081"));
            assertEquals(r[1], "2", r[0]);
            assertTrue(r[1], r[1].startsWith("ucfront: configuration error: ucfront.sip.port=15081: TCP 127.0.0.1:15081 is taken"));
        }
    }

    @Test
    public void anUnwritableDataDirectoryIsRefused() throws Exception {
        Path file = Files.createTempFile("ucfront-not-a-dir", ".txt");
        String[] r = start(Map.of("UCFRONT_DATA_DIR", file.toString()));
        assertEquals(r[1], "2", r[0]);
        assertTrue(r[1], r[1].startsWith("ucfront: configuration error: ucfront.data.dir=" + file + " is not a writable directory"));
    }

    @Test
    public void anOutOfRangeSettingIsRefused() throws Exception {
        assertRefused(start(Map.of("UCFRONT_REGISTER_EXPIRES_MIN", "10")),
                "ucfront.register.expires.min=10 is out of range 30..2147483647");
    }
}
