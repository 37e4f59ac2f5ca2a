package asyncbench.catalog;

import asyncbench.experiment.calibration.Calibration;
import asyncbench.experiment.Experiment;
import asyncbench.experiment.brigade.Brigade;
import asyncbench.experiment.fakeserver.FakeServer;
import asyncbench.experiment.handover.Handover;
import asyncbench.experiment.json.JsonStream;
import asyncbench.experiment.pump.Pump;
import asyncbench.experiment.responsiveness.Responsiveness;
import asyncbench.experiment.server.ServerExperiment;
import asyncbench.experiment.signal.SignalGrid;
import asyncbench.experiment.spawn.Spawn;
import asyncbench.experiment.signal.Waiters;
import asyncbench.experiment.stack.Bridge;
import asyncbench.experiment.stack.CallCost;
import asyncbench.experiment.stack.ContextCapture;
import asyncbench.experiment.stack.Fibonacci;
import asyncbench.experiment.stack.IdleMemory;
import asyncbench.experiment.stack.Sawtooth;
import asyncbench.experiment.stack.SuspendedGc;
import asyncbench.experiment.stack.Unwind;
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
