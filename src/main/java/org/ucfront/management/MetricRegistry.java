package org.ucfront.management;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The metrics of one server: counters, gauges and histograms by name, written by
 * {@link PrometheusText} at {@code GET /metrics} and read by the MBeans. One per class loader
 * ({@link #get()}); a capability declares its families once, in a static field, e.g.
 * <pre>
 * static final Counter ROUTED = MetricRegistry.get().counter("ucfront_voicemail_calls_routed_total",
 *         "calls routed to Exchange UM, by UM server", "um_server");
 * ...
 * ROUTED.inc(server.fqdn());
 * </pre>
 * Asking for a name that exists returns the existing family (when its kind and labels agree).
 */
public final class MetricRegistry {

    private static final MetricRegistry SERVER = new MetricRegistry();

    private final List<MetricFamily> families = new CopyOnWriteArrayList<>();

    /** A registry of its own (tests); the server uses {@link #get()}. */
    MetricRegistry() {
    }

    /** The server's registry. */
    public static MetricRegistry get() {
        return SERVER;
    }

    public Counter counter(String name, String help, String... labelNames) {
        return register(new Counter(name, help, labelNames));
    }

    public Histogram histogram(String name, String help, double[] bounds, String... labelNames) {
        return register(new Histogram(name, help, bounds, labelNames));
    }

    /** A gauge read at each collection: the supplier returns label values → value. */
    public Gauge gauge(String name, String help, Supplier<Map<List<String>, ? extends Number>> read,
            String... labelNames) {
        return register(new Gauge(name, help, false, read, labelNames));
    }

    /** A count kept elsewhere (e.g. by the JVM), read at each collection; written as a counter. */
    public Gauge counterOf(String name, String help, Supplier<Map<List<String>, ? extends Number>> read,
            String... labelNames) {
        if (!name.endsWith("_total")) {
            throw new IllegalArgumentException("a counter's name ends with _total: " + name);
        }
        return register(new Gauge(name, help, true, read, labelNames));
    }

    /** A gauge without labels. */
    public Gauge gauge(String name, String help, Supplier<? extends Number> read) {
        return register(new Gauge(name, help, false, () -> Map.of(List.of(), read.get())));
    }

    /** Removes a family (a gauge over a bean that is going away). */
    public void remove(MetricFamily family) {
        families.remove(family);
    }

    List<MetricFamily> families() {
        return families;
    }

    @SuppressWarnings("unchecked")
    private synchronized <T extends MetricFamily> T register(T family) {
        for (MetricFamily f : families) {
            if (f.name().equals(family.name())) {
                if (f.getClass() != family.getClass() || !f.labelNames().equals(family.labelNames())) {
                    throw new IllegalArgumentException(family.name() + " is already a " + f.type() + " with labels "
                            + f.labelNames());
                }
                if (family instanceof Gauge) { // a new reader (e.g. after a redeploy) replaces the old one
                    families.set(families.indexOf(f), family);
                    return family;
                }
                return (T) f;
            }
        }
        families.add(family);
        return family;
    }
}
