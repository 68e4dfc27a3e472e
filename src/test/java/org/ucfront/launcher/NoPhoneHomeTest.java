package org.ucfront.launcher;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.Test;
import org.restcomm.commons.statistics.reporter.RestcommStatsReporter;

/**
 * The SIP container always starts restcomm-statistics' reporter, which contacts hosts no
 * administrator configured (RUNTIME-RECIPE). ucfront ships a no-op class of the same name instead;
 * these tests fail if the real artifact or any copy of its classes comes back on the class path.
 */
public class NoPhoneHomeTest {

    private static final String REPORTER = "org/restcomm/commons/statistics/reporter/RestcommStatsReporter.class";

    @Test
    public void theReporterTheContainerLoadsIsUcfrontsOwn() throws URISyntaxException {
        File origin = new File(RestcommStatsReporter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        File ours = new File(NoPhoneHomeTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParentFile().toPath().resolve("classes").toFile();
        assertEquals(ours.getAbsoluteFile(), origin.getAbsoluteFile());
    }

    @Test
    public void noJarOnTheClassPathCarriesTheRealReporter() throws IOException {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            assertFalse(entry, entry.contains("restcomm-statistics"));
            if (entry.endsWith(".jar")) {
                try (ZipFile jar = new ZipFile(entry)) {
                    assertTrue(entry + " carries " + REPORTER, jar.getEntry(REPORTER) == null);
                }
            }
        }
    }

    @Test
    public void startingTheReporterStartsNothing() {
        int before = Thread.activeCount();
        RestcommStatsReporter reporter = RestcommStatsReporter.getRestcommStatsReporter();
        reporter.setRemoteServer("http://203.0.113.1/never");
        reporter.start(1, TimeUnit.MILLISECONDS);
        reporter.stop();
        assertEquals(before, Thread.activeCount());
    }
}
