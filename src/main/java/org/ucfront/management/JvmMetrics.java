package org.ucfront.management;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.OperatingSystemMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * JVM gauges from the platform MXBeans, under the names Prometheus' Java client uses
 * for memory and threads (jvm_memory_bytes_*, jvm_threads_*), so existing dashboards work.
 */
final class JvmMetrics {

    private JvmMetrics() {
    }

    static void register(MetricRegistry r) {
        r.gauge("jvm_memory_bytes_used", "Used bytes of a memory area (heap, nonheap)",
                () -> memory(MemoryUsage::getUsed), "area");
        r.gauge("jvm_memory_bytes_committed", "Committed bytes of a memory area (heap, nonheap)",
                () -> memory(MemoryUsage::getCommitted), "area");
        r.gauge("jvm_memory_bytes_max", "Maximum bytes of a memory area (heap, nonheap); -1 when unbounded",
                () -> memory(MemoryUsage::getMax), "area");
        r.gauge("jvm_threads_current", "Live threads", () -> ManagementFactory.getThreadMXBean().getThreadCount());
        r.gauge("jvm_threads_daemon", "Live daemon threads",
                () -> ManagementFactory.getThreadMXBean().getDaemonThreadCount());
        r.gauge("jvm_threads_peak", "Most live threads since the start",
                () -> ManagementFactory.getThreadMXBean().getPeakThreadCount());
        r.counterOf("jvm_gc_collections_total", "Collections by garbage collector",
                () -> gc(GarbageCollectorMXBean::getCollectionCount), "gc");
        r.counterOf("jvm_gc_collection_seconds_total", "Seconds spent collecting, by garbage collector",
                JvmMetrics::gcSeconds, "gc");
        r.gauge("process_start_time_seconds", "Start time of the process, seconds since the epoch",
                () -> ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0);
        r.counterOf("process_cpu_seconds_total", "CPU time used by the process, seconds",
                () -> Map.of(List.of(), cpuSeconds()));
    }

    private static Map<List<String>, Long> memory(ToLongFunction<MemoryUsage> f) {
        var m = ManagementFactory.getMemoryMXBean();
        return Map.of(List.of("heap"), f.applyAsLong(m.getHeapMemoryUsage()),
                List.of("nonheap"), f.applyAsLong(m.getNonHeapMemoryUsage()));
    }

    private static Map<List<String>, Long> gc(ToLongFunction<GarbageCollectorMXBean> f) {
        Map<List<String>, Long> out = new LinkedHashMap<>();
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            out.put(List.of(g.getName()), Math.max(0, f.applyAsLong(g)));
        }
        return out;
    }

    private static Map<List<String>, Double> gcSeconds() {
        Map<List<String>, Double> out = new LinkedHashMap<>();
        gc(GarbageCollectorMXBean::getCollectionTime).forEach((k, ms) -> out.put(k, ms / 1000.0));
        return out;
    }

    private static double cpuSeconds() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return -1;
    }
}
