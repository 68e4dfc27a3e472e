package org.ucfront.management;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The text exposition format 0.0.4, written by hand from the format's description. */
public class PrometheusTextTest {

    private static String text(MetricRegistry r) throws Exception {
        StringWriter w = new StringWriter();
        PrometheusText.write(r, w);
        return w.toString();
    }

    @Test
    public void countersWithLabelsSortedAndEscaped() throws Exception {
        MetricRegistry r = new MetricRegistry();
        Counter c = r.counter("x_requests_total", "Requests\\by \"method\"\nand code", "method", "code");
        c.inc("REGISTER", "200");
        c.add(2, "REGISTER", "200");
        c.inc("INVITE", "a\"b\\c\nd");
        assertEquals("""
                # HELP x_requests_total Requests\\\\by "method"\\nand code
                # TYPE x_requests_total counter
                x_requests_total{method="INVITE",code="a\\"b\\\\c\\nd"} 1
                x_requests_total{method="REGISTER",code="200"} 3
                """, text(r));
        assertEquals(3, c.value("REGISTER", "200"));
        assertEquals(4, c.total());
        assertEquals(Map.of("INVITE a\"b\\c\nd", 1L, "REGISTER 200", 3L), c.byLabels());
    }

    @Test
    public void histogramBucketsAreCumulativeWithInfSumAndCount() throws Exception {
        MetricRegistry r = new MetricRegistry();
        Histogram h = r.histogram("x_seconds", "Latency", new double[] {0.01, 0.1, 1}, "method");
        h.observe(0.005, "REGISTER");
        h.observe(0.01, "REGISTER"); // a bound is inclusive (le)
        h.observe(0.5, "REGISTER");
        h.observe(7, "REGISTER");
        assertEquals("""
                # HELP x_seconds Latency
                # TYPE x_seconds histogram
                x_seconds_bucket{method="REGISTER",le="0.01"} 2
                x_seconds_bucket{method="REGISTER",le="0.1"} 2
                x_seconds_bucket{method="REGISTER",le="1"} 3
                x_seconds_bucket{method="REGISTER",le="+Inf"} 4
                x_seconds_sum{method="REGISTER"} 7.515
                x_seconds_count{method="REGISTER"} 4
                """, text(r));
    }

    @Test
    public void gaugesAreReadWhenWrittenAndCountersOfOthersAreTypedCounter() throws Exception {
        MetricRegistry r = new MetricRegistry();
        int[] endpoints = {3};
        r.gauge("x_endpoints", "Endpoints", () -> Map.of(List.of("registered"), endpoints[0]), "state");
        r.gauge("x_users", "Users", () -> 1.5);
        r.counterOf("x_cpu_seconds_total", "CPU", () -> Map.of(List.of(), 2.25));
        endpoints[0] = 4;
        assertEquals("""
                # HELP x_endpoints Endpoints
                # TYPE x_endpoints gauge
                x_endpoints{state="registered"} 4
                # HELP x_users Users
                # TYPE x_users gauge
                x_users 1.5
                # HELP x_cpu_seconds_total CPU
                # TYPE x_cpu_seconds_total counter
                x_cpu_seconds_total 2.25
                """, text(r));
    }

    @Test
    public void oneFamilyPerNameAndNamesAndLabelsAreChecked() {
        MetricRegistry r = new MetricRegistry();
        Counter a = r.counter("x_total", "X", "l");
        assertSame(a, r.counter("x_total", "X", "l"));
        assertThrows(IllegalArgumentException.class, () -> r.counter("x_total", "X", "other"));
        assertThrows(IllegalArgumentException.class, () -> r.counter("x", "no _total"));
        assertThrows(IllegalArgumentException.class, () -> r.counter("bad-name_total", "X"));
        assertThrows(IllegalArgumentException.class, () -> a.inc("one", "two"));
        assertThrows(IllegalArgumentException.class, () -> r.histogram("h", "H", new double[] {1, 1}));
    }

    @Test
    public void numbersAsTheFormatSpellsThem() {
        assertEquals("+Inf", PrometheusText.number(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", PrometheusText.number(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", PrometheusText.number(Double.NaN));
        assertEquals("268435456", PrometheusText.number(268435456));
        assertEquals("0.0025", PrometheusText.number(0.0025));
    }
}
