package asyncbench.catalog;

import asyncbench.experiment.calibration.Calibration;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.forum.brigade.Brigade;
import asyncbench.experiment.rust.FakeServer;
import asyncbench.experiment.dotnet.handover.Handover;
import asyncbench.experiment.io.json.JsonStream;
import asyncbench.experiment.io.pump.Pump;
import asyncbench.experiment.forum.responsiveness.Responsiveness;
import asyncbench.experiment.io.server.ServerExperiment;
import asyncbench.experiment.grid.SignalGrid;
import asyncbench.experiment.forum.spawn.Spawn;
import asyncbench.experiment.grid.Waiters;
import asyncbench.experiment.dotnet.stack.Bridge;
import asyncbench.experiment.dotnet.stack.CallCost;
import asyncbench.experiment.dotnet.stack.ContextCapture;
import asyncbench.experiment.dotnet.stack.Fibonacci;
import asyncbench.experiment.dotnet.stack.IdleMemory;
import asyncbench.experiment.dotnet.stack.Sawtooth;
import asyncbench.experiment.dotnet.stack.SuspendedGc;
import asyncbench.experiment.dotnet.stack.Unwind;
import java.util.List;
import java.util.Optional;

/**
 * The experiments a run can choose from. A forked cell finds its experiment again by naming the
 * catalog class, which must have a public no-argument constructor.
 */
public interface Catalog {
    List<Experiment> experiments();

    default Optional<Experiment> byName(String name) {
        return experiments().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    default List<String> names() {
        return experiments().stream().map(Experiment::name).toList();
    }

    /** The lab's experiments, in the order a full run takes them. */
    final class BuiltIn implements Catalog {
        private static final List<Experiment> ALL = List.of(new Calibration(), SignalGrid.grid(), SignalGrid.pair(), new Waiters(), new FakeServer(), new Handover(),
                Unwind.exceptions(), Unwind.finallyDepth(), new CallCost(), new Fibonacci(), new Sawtooth(), new ContextCapture(),
                new Bridge(), new SuspendedGc(), new IdleMemory(), new Spawn(), new Brigade(),
                new Responsiveness(), new Pump(), new JsonStream(), new ServerExperiment());

        @Override
        public List<Experiment> experiments() {
            return ALL;
        }
    }

    public static Catalog load(String className) {
        try {
            return (Catalog) Class.forName(className).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("cannot load catalog " + className + ": " + e, e);
        }
    }
}
