package org.ucfront.management;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * A value read when it is collected (endpoints now, heap now), one per combination of label
 * values. A monotonic one (CPU seconds, collections) is a counter kept by someone else.
 */
public final class Gauge extends MetricFamily {

    private final Supplier<Map<List<String>, ? extends Number>> read;
    private final boolean monotonic;

    Gauge(String name, String help, boolean monotonic, Supplier<Map<List<String>, ? extends Number>> read,
            String... labelNames) {
        super(name, help, labelNames);
        this.read = read;
        this.monotonic = monotonic;
    }

    @Override
    String type() {
        return monotonic ? "counter" : "gauge";
    }

    @Override
    void samples(BiConsumer<Sample, Double> out) {
        read.get().entrySet().stream().sorted(Map.Entry.comparingByKey(Counter::compare))
                .forEach(e -> out.accept(new Sample("", labelNames(), checked(e.getKey().toArray(String[]::new))),
                        e.getValue().doubleValue()));
    }
}
