package asyncbench.experiment.rust;

import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Time for one server run of {@code connections} transactions over the fake I/O. The world (fake
 * listener, streams, poller, server tables) is built once per trial and reset, untimed work, before
 * each run; the run itself is timed. Returns the bytes written so the work cannot be dropped.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FakeServerBenchmark {
    @Param("eventLoop")
    public String model;

    @Param("256")
    public int connections;

    @Param("0")
    public long syscallsPerCall;

    private ModelRuntime runtime;
    private FakeIo io;
    private Server server;

    @Setup(Level.Trial)
    public void build() {
        runtime = Model.byId(model).orElseThrow().open();
        io = new FakeIo(connections, syscallsPerCall);
        server = Server.of(runtime, io);
    }

    @Benchmark
    public long serve() {
        io.reset();
        server.serve();
        return io.stats.bytesWritten;
    }

    @TearDown(Level.Trial)
    public void close() {
        io.close();
        runtime.close();
    }
}
