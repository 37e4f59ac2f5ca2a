package asyncbench.experiment.grid;

import asyncbench.sync.AutoResetEvent;

/** A pipe whose reader blocks on an auto-reset event, set whenever the pipe goes from empty to one segment. */
final class EventPipe extends Pipe<AutoResetEvent> {
    final AutoResetEvent event = new AutoResetEvent();

    @Override
    AutoResetEvent detachWaiterLocked() {
        return event;
    }

    @Override
    void wake(AutoResetEvent waiter) {
        waiter.set();
    }
}
