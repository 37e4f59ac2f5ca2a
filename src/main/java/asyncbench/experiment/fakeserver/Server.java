package asyncbench.experiment.fakeserver;

import asyncbench.model.Model;

/**
 * Serves every connection of a {@link FakeIo} once: accept, read one request line, write it back,
 * close. One implementation per style of server; all of them make the same I/O calls.
 */
interface Server {
    /** Runs one round of {@code io.connections} transactions; the caller resets {@code io} first. */
    void serve();

    static Server of(Model model, FakeIo io) {
        return switch (model) {
            case EVENT_LOOP -> new ManualServer(io);
            case TASKS -> new TaskServer(io);
            case FUTURE -> new FutureServer(io);
            case CONTINUATION -> new ContinuationServer(io);
            case VIRTUAL, VIRTUAL_ONE_CARRIER -> new VirtualServer(io);
            case PLATFORM, FUTURE_POOL -> throw new IllegalArgumentException("fake-server has no " + model + " variant");
        };
    }
}
