package asyncbench.os;

/**
 * How many more platform threads this process may start before a kernel limit bites, and which.
 *
 * <p>Running out of pids starves every process on the machine, so workloads check their thread count
 * against this before starting threads, keeping {@link #SPARE_PIDS} free for everything else.
 */
public record ThreadBudget(long available, String limit, String detail) {
    /** Pids (and thread slots) left free for the rest of the machine. */
    public static final long SPARE_PIDS = 512;
    /** Memory maps a platform thread adds: its stack and its guard zone. */
    public static final long MAPS_PER_THREAD = 2;
    /** Maps left free for the JVM's own needs (heap regions, code cache, libraries). */
    public static final long SPARE_MAPS = 1024;

    public static ThreadBudget now() {
        return of(KernelLimits.read());
    }

    static ThreadBudget of(KernelLimits k) {
        ThreadBudget best = new ThreadBudget(Long.MAX_VALUE, "none", "no limit could be read");
        if (k.pidMax() > 0 && k.threadsOnMachine() >= 0) {
            best = min(best, k.pidMax() - k.threadsOnMachine() - SPARE_PIDS, "kernel.pid_max",
                    "kernel.pid_max=" + k.pidMax() + " with " + k.threadsOnMachine() + " threads on the machine");
        }
        if (k.threadsMax() > 0 && k.threadsOnMachine() >= 0) {
            best = min(best, k.threadsMax() - k.threadsOnMachine() - SPARE_PIDS, "kernel.threads-max",
                    "kernel.threads-max=" + k.threadsMax() + " with " + k.threadsOnMachine() + " threads on the machine");
        }
        if (k.maxMapCount() > 0 && k.mapsOfThisProcess() >= 0) {
            best = min(best, (k.maxMapCount() - k.mapsOfThisProcess() - SPARE_MAPS) / MAPS_PER_THREAD,
                    "vm.max_map_count", "vm.max_map_count=" + k.maxMapCount() + " with " + k.mapsOfThisProcess()
                            + " maps in use and " + MAPS_PER_THREAD + " per thread");
        }
        return new ThreadBudget(Math.max(0, best.available), best.limit, best.detail);
    }

    private static ThreadBudget min(ThreadBudget current, long available, String limit, String detail) {
        return available < current.available ? new ThreadBudget(available, limit, detail) : current;
    }
}
