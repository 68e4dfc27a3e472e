package org.ucfront.management;

import java.util.List;
import java.util.function.BiConsumer;

/** One named metric with its labels: what {@link PrometheusText} writes and the MBeans read. */
public abstract sealed class MetricFamily permits Counter, Gauge, Histogram {

    private final String name;
    private final String help;
    private final List<String> labelNames;

    MetricFamily(String name, String help, String... labelNames) {
        if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
        this.name = name;
        this.help = help;
        this.labelNames = List.of(labelNames);
    }

    public String name() {
        return name;
    }

    public String help() {
        return help;
    }

    public List<String> labelNames() {
        return labelNames;
    }

    /** The Prometheus type: counter, gauge or histogram. */
    abstract String type();

    /** Every sample now: (name suffix and labels, value). */
    abstract void samples(BiConsumer<Sample, Double> out);

    /** A sample's name suffix ("", "_bucket", "_sum", "_count") and label values. */
    record Sample(String suffix, List<String> labelNames, List<String> labelValues) {
    }

    List<String> checked(String... labelValues) {
        if (labelValues.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes labels " + labelNames);
        }
        for (String v : labelValues) {
            if (v == null) {
                throw new IllegalArgumentException(name + ": null label value");
            }
        }
        return List.of(labelValues);
    }
}
