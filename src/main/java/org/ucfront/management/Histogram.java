package org.ucfront.management;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/** Observations counted into fixed buckets (upper bounds, inclusive), with their sum: latencies. */
public final class Histogram extends MetricFamily {

    /** Seconds, for request latencies: 1 ms to 5 s. */
    public static final double[] LATENCY_SECONDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

    private final double[] bounds;
    private final Map<List<String>, Cells> values = new ConcurrentHashMap<>();

    private static final class Cells {
        final LongAdder[] buckets;
        final DoubleAdder sum = new DoubleAdder();
        final LongAdder count = new LongAdder();

        Cells(int n) {
            buckets = new LongAdder[n];
            Arrays.setAll(buckets, i -> new LongAdder());
        }
    }

    Histogram(String name, String help, double[] bounds, String... labelNames) {
        super(name, help, labelNames);
        for (int i = 1; i < bounds.length; i++) {
            if (bounds[i] <= bounds[i - 1]) {
                throw new IllegalArgumentException(name + ": bucket bounds must increase");
            }
        }
        this.bounds = bounds.clone();
    }

    public void observe(double value, String... labelValues) {
        Cells c = values.computeIfAbsent(checked(labelValues), k -> new Cells(bounds.length));
        int i = Arrays.binarySearch(bounds, value);
        for (int b = i >= 0 ? i : -i - 1; b < bounds.length; b++) {
            c.buckets[b].increment(); // cumulative, as the text format wants them
        }
        c.sum.add(value);
        c.count.increment();
    }

    /** Observations of one combination so far. */
    public long count(String... labelValues) {
        Cells c = values.get(List.of(labelValues));
        return c == null ? 0 : c.count.sum();
    }

    @Override
    String type() {
        return "histogram";
    }

    @Override
    void samples(BiConsumer<Sample, Double> out) {
        List<String> bucketLabels = new ArrayList<>(labelNames());
        bucketLabels.add("le");
        values.entrySet().stream().sorted(Map.Entry.comparingByKey(Counter::compare)).forEach(e -> {
            Cells c = e.getValue();
            long count = c.count.sum(); // read first: buckets may only be ahead of it, never behind
            for (int b = 0; b < bounds.length; b++) {
                out.accept(new Sample("_bucket", bucketLabels, with(e.getKey(), PrometheusText.number(bounds[b]))),
                        (double) Math.min(count, c.buckets[b].sum()));
            }
            out.accept(new Sample("_bucket", bucketLabels, with(e.getKey(), "+Inf")), (double) count);
            out.accept(new Sample("_sum", labelNames(), e.getKey()), c.sum.sum());
            out.accept(new Sample("_count", labelNames(), e.getKey()), (double) count);
        });
    }

    private static List<String> with(List<String> values, String le) {
        List<String> l = new ArrayList<>(values);
        l.add(le);
        return l;
    }
}
