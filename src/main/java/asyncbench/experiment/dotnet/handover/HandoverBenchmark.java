package asyncbench.experiment.dotnet.handover;

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
 * Time for one batch of {@link World#BATCH} round trips between suspended tasks. The tasks and their
 * stacks are built once per trial, untimed; the batch is timed. Returns the resumptions counted.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandoverBenchmark {
    @Param("continuation")
    public String model;

    @Param("1")
    public int depthFrames;

    private ModelRuntime runtime;
    private World world;

    @Setup(Level.Trial)
    public void build() {
        runtime = Model.byId(model).orElseThrow().open();
        world = World.of(runtime, depthFrames);
    }

    @Benchmark
    public long batch() {
        return world.batch();
    }

    @TearDown(Level.Trial)
    public void close() {
        world.close();
        runtime.close();
    }
}
