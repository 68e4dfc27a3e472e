package org.restcomm.commons.statistics.reporter;

import com.codahale.metrics.MetricRegistry;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for restcomm-statistics' reporter, which the SIP container always starts and which
 * resolves and posts to hosts no administrator configured. This class has the same name and the
 * members the container calls, and does nothing: ucfront opens no connection it was not told to.
 * The real artifact is excluded and banned in pom.xml; NoPhoneHomeTest proves it stays out.
 */
public class RestcommStatsReporter {

    private static final RestcommStatsReporter INSTANCE = new RestcommStatsReporter();
    private static final MetricRegistry METRICS = new MetricRegistry();

    public static RestcommStatsReporter getRestcommStatsReporter() {
        return INSTANCE;
    }

    public static MetricRegistry getMetricRegistry() {
        return METRICS;
    }

    public void start(long period, TimeUnit unit) {
        // deliberately nothing: no scheduler, no network
    }

    public void stop() {
    }

    public void setRemoteServer(String remoteServer) {
    }

    public void setProjectName(String projectName) {
    }

    public void setProjectType(String projectType) {
    }

    public void setVersion(String version) {
    }
}
