package asyncbench.experiment.dotnet.stack;

import asyncbench.experiment.loop.Plain;
import asyncbench.model.ModelRuntime;
import java.util.ArrayList;
import java.util.List;
import jdk.internal.vm.Continuation;

/** One bare continuation per task, yielded at its leaf and run again once the gate opens: its frames frozen into heap stack chunks, with no scheduler. */
final class ContinuationStacks implements Stacks {
    private final Runnable suspend;
    private final int tasks;
    private final int depth;
    private final boolean lean;
    private final List<Continuation> suspended = new ArrayList<>();
    private long checked;

    ContinuationStacks(ModelRuntime.Continuations runtime, int tasks, int depth, boolean lean) {
        this.suspend = Plain.suspension(runtime);
        this.tasks = tasks;
        this.depth = depth;
        this.lean = lean;
    }

    @Override
    public void suspendAll() {
        for (int i = 0; i < tasks; i++) {
            Continuation c = Plain.continuation(() -> {
                try {
                    long frames = Stacks.frames(depth, lean, suspend::run);
                    checked += frames; // read the total after the resumption, not before the suspension
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            c.run();
            if (c.isDone()) {
                throw new IllegalStateException("a task finished before the gate opened");
            }
            suspended.add(c);
        }
    }

    @Override
    public long resumeAll() {
        for (Continuation c : suspended) {
            c.run();
            if (!c.isDone()) {
                throw new IllegalStateException("a task suspended again after the gate opened");
            }
        }
        return checked;
    }
}
