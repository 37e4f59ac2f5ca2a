package asyncbench.experiment.rust;

/**
 * A minimal executor of hand-written task state machines with wakers, the counterpart of the
 * original's allocation-free executor: tasks live in a fixed table, a waker is a task's key, and the
 * reactor wakes the task registered for each ready key. Allocates nothing at run time. This is not
 * async/await: the state machines are written by hand, as the original's "manual" futures are.
 */
final class TaskServer implements Server, Reactor.Driver {
    private static final int NONE = -1;

    private final FakeIo io;
    private final Reactor reactor;
    private final Task[] tasks;
    private final ReadyQueue ready;
    /** For each poll key, the task to wake, or {@link #NONE}. */
    private final int[] wakers;
    private int live;

    TaskServer(FakeIo io) {
        this.io = io;
        this.reactor = new Reactor(io);
        this.tasks = new Task[io.connections + 1];
        tasks[FakeListener.KEY] = new ListenTask();
        for (int k = 1; k <= io.connections; k++) {
            tasks[k] = new ConnectionTask();
        }
        this.ready = new ReadyQueue(io.connections + 1);
        this.wakers = new int[io.connections + 1];
        java.util.Arrays.fill(wakers, NONE);
    }

    @Override
    public void serve() {
        ((ListenTask) tasks[FakeListener.KEY]).start();
        spawn(FakeListener.KEY);
        reactor.run(this);
    }

    @Override
    public void runReady() {
        while (!ready.isEmpty()) {
            int id = ready.take();
            if (tasks[id].poll(id)) {
                live--;
            }
        }
    }

    @Override
    public boolean finished() {
        return live == 0;
    }

    @Override
    public void ready(int key) {
        int task = wakers[key];
        if (task != NONE) {
            wakers[key] = NONE;
            ready.add(task);
        }
    }

    private void spawn(int id) {
        live++;
        ready.add(id);
    }

    /** Asks the reactor to wake task {@code id} when {@code e} is ready. */
    private void wakeOn(Evented e, int id) {
        wakers[e.key] = id;
    }

    /** A hand-written future: advances until it would block (false) or is done (true). */
    private interface Task {
        boolean poll(int id);
    }

    private final class ListenTask implements Task {
        private int acceptLeft;

        void start() {
            acceptLeft = io.connections;
            io.poll.register(io.listener, Evented.READABLE);
        }

        @Override
        public boolean poll(int id) {
            while (acceptLeft > 0) {
                FakeStream stream = io.listener.accept();
                if (stream == null) {
                    wakeOn(io.listener, id);
                    return false;
                }
                acceptLeft--;
                io.poll.register(stream, Evented.READABLE | Evented.WRITABLE);
                ((ConnectionTask) tasks[stream.key]).open(stream);
                spawn(stream.key);
            }
            io.poll.unregister(io.listener);
            return true;
        }
    }

    private final class ConnectionTask implements Task {
        private final Exchange exchange = new Exchange();

        void open(FakeStream s) {
            exchange.open(s, io.buffer(s.key));
        }

        @Override
        public boolean poll(int id) {
            if (!exchange.advance()) {
                wakeOn(exchange.stream, id);
                return false;
            }
            io.poll.unregister(exchange.stream);
            return true;
        }
    }
}
