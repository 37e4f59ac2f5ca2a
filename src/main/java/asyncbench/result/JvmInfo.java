package asyncbench.result;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/** The JVM a cell ran in. */
public record JvmInfo(String version, String vendor, List<String> gcs, List<String> flags, int cores, long maxHeapBytes) {

    public static JvmInfo current() {
        return new JvmInfo(
                Runtime.version().toString(),
                System.getProperty("java.vendor"),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory());
    }
}
