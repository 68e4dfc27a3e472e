package org.ucfront.management;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The Prometheus text exposition format, version 0.0.4: per family a {@code # HELP} and a
 * {@code # TYPE} line, then one {@code name{label="value",...} value} line per sample.
 */
public final class PrometheusText {

    /** The Content-Type of the format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {
    }

    public static void write(MetricRegistry registry, Writer w) throws IOException {
        try {
            for (MetricFamily f : registry.families()) {
                w.write("# HELP " + f.name() + " " + escapeHelp(f.help()) + "\n");
                w.write("# TYPE " + f.name() + " " + f.type() + "\n");
                f.samples((sample, value) -> {
                    try {
                        w.write(f.name() + sample.suffix() + labels(sample.labelNames(), sample.labelValues()) + " "
                                + number(value) + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String labels(List<String> names, List<String> values) {
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(names.get(i)).append("=\"").append(escapeLabel(values.get(i))).append('"');
        }
        return b.append('}').toString();
    }

    /** Integers without a fraction, the rest as Java writes doubles; +Inf, -Inf, NaN as the format spells them. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** Label values escape backslash, double quote and line feed. */
    static String escapeLabel(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** HELP text escapes backslash and line feed. */
    static String escapeHelp(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
