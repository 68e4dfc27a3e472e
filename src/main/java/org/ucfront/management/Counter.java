package org.ucfront.management;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * A count that only grows, one per combination of label values. Label values must come from a
 * bounded set (enum names, status codes, configured ids): never put client-sent text in a label.
 */
public final class Counter extends MetricFamily {

    private final Map<List<String>, LongAdder> values = new ConcurrentHashMap<>();

    Counter(String name, String help, String... labelNames) {
        super(name, help, labelNames);
        if (!name.endsWith("_total")) {
            throw new IllegalArgumentException("a counter's name ends with _total: " + name);
        }
    }

    public void inc(String... labelValues) {
        add(1, labelValues);
    }

    public void add(long n, String... labelValues) {
        values.computeIfAbsent(checked(labelValues), k -> new LongAdder()).add(n);
    }

    /** The count of one combination (0 if never counted). */
    public long value(String... labelValues) {
        LongAdder a = values.get(List.of(labelValues));
        return a == null ? 0 : a.sum();
    }

    /** The sum over every combination. */
    public long total() {
        return values.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Every combination counted so far, its label values joined with a space, e.g. "REGISTER 200". */
    public Map<String, Long> byLabels() {
        Map<String, Long> out = new LinkedHashMap<>();
        values.entrySet().stream().sorted(Map.Entry.comparingByKey(Counter::compare))
                .forEach(e -> out.put(String.join(" ", e.getKey()), e.getValue().sum()));
        return out;
    }

    @Override
    String type() {
        return "counter";
    }

    @Override
    void samples(BiConsumer<Sample, Double> out) {
        values.entrySet().stream().sorted(Map.Entry.comparingByKey(Counter::compare))
                .forEach(e -> out.accept(new Sample("", labelNames(), e.getKey()), (double) e.getValue().sum()));
    }

    static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
