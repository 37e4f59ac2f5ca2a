package asyncbench.experiment.forum.brigade;

import asyncbench.experiment.loop.Tally;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The brigade as callbacks on {@link Reactor}s: hand-written state machines (a hop that runs when its
 * link may hold a token, a driver that counts the chains come back), or CompletableFuture stages that
 * the reactor completes, run on its thread or handed to a pool.
 */
final class LoopBrigade {
    private LoopBrigade() {
    }

    /** Hand-written state machines, each chain's tasks on its reactor, the driver on the first; one thread per reactor. */
    static CompletableFuture<Void> eventLoop(Crew crew, Tally tally) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        for (int k = 0; k < crew.tasks(); k++) {
            Reactor reactor = crew.reactorOfChain(crew.chainOf(k));
            reactor.execute(new Hop(crew, k, reactor));
        }
        Driver driver = new Driver(crew, tally, done);
        crew.driverReactor().execute(driver::iterate);
        runAll(crew, done);
        return done;
    }

    private static void runAll(Crew crew, CompletableFuture<Void> done) {
        java.util.Set<Reactor> reactors = new java.util.LinkedHashSet<>();
        for (int c = 0; c < crew.chains(); c++) {
            reactors.add(crew.reactorOfChain(c));
        }
        reactors.add(crew.driverReactor());
        int i = 0;
        for (Reactor reactor : reactors) {
            Thread.ofPlatform().name("brigade-loop-" + i++).start(() -> {
                try {
                    reactor.run();
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            });
        }
        done.whenComplete((r, e) -> reactors.forEach(Reactor::stop));
    }

    /** One task: whenever woken, it passes on every token its link holds, then waits again. */
    private static final class Hop implements Runnable {
        private final Crew crew;
        private final int k;
        private final Link up;
        private final Link down;
        private final Runnable wake;

        Hop(Crew crew, int k, Reactor reactor) {
            this.crew = crew;
            this.k = k;
            this.up = crew.upstream(k);
            this.down = crew.downstream(k);
            this.wake = () -> reactor.execute(this);
        }

        @Override
        public void run() {
            int token;
            while ((token = up.takeOr(wake)) != Link.NONE) {
                if (token == Link.EOF) {
                    down.send(Link.EOF);
                    return;
                }
                down.send(crew.pass(k, token));
            }
        }
    }

    /** The driver: puts a token into every chain, and when every chain has given it back starts the next iteration. */
    private static final class Driver {
        private final Crew crew;
        private final Tally tally;
        private final CompletableFuture<Void> done;
        private final Runnable[] watches;
        private int outstanding;
        private boolean ending;

        Driver(Crew crew, Tally tally, CompletableFuture<Void> done) {
            this.crew = crew;
            this.tally = tally;
            this.done = done;
            this.watches = new Runnable[crew.chains()];
            Reactor reactor = crew.driverReactor();
            for (int c = 0; c < watches.length; c++) {
                int chain = c;
                Runnable check = () -> collect(chain);
                watches[c] = () -> reactor.execute(check);
            }
        }

        void iterate() {
            try {
                ending = !tally.more();
                outstanding = crew.chains();
                for (int c = 0; c < crew.chains(); c++) {
                    crew.head(c).send(ending ? Link.EOF : 0);
                }
                for (int c = 0; c < crew.chains(); c++) {
                    collect(c);
                }
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }

        private void collect(int c) {
            try {
                int token = crew.tail(c).takeOr(watches[c]);
                if (token == Link.NONE) {
                    return;
                }
                if (ending) {
                    Crew.requireEnd(c, token);
                } else {
                    crew.arrived(c, token);
                }
                if (--outstanding == 0) {
                    if (ending) {
                        done.complete(null);
                    } else {
                        tally.next();
                        iterate();
                    }
                }
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }
    }

    /**
     * CompletableFuture stages: a take is a future that the reactor completes, through {@code completer}
     * (the reactor itself: its thread runs the stages; or a pool, whose threads run them).
     */
    static CompletableFuture<Void> futures(Crew crew, Tally tally, Executor completer) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        for (int k = 0; k < crew.tasks(); k++) {
            int task = k;
            completer.execute(() -> hop(crew, task, completer, done));
        }
        completer.execute(() -> iterate(crew, tally, completer, done));
        runAll(crew, done);
        return done;
    }

    private static void hop(Crew crew, int k, Executor completer, CompletableFuture<Void> done) {
        take(crew.upstream(k), completer).thenAccept(token -> {
            if (token == Link.EOF) {
                crew.downstream(k).send(Link.EOF);
                return;
            }
            crew.downstream(k).send(crew.pass(k, token));
            hop(crew, k, completer, done);
        }).exceptionally(e -> fail(done, e));
    }

    private static void iterate(Crew crew, Tally tally, Executor completer, CompletableFuture<Void> done) {
        boolean ending = !tally.more();
        CompletableFuture<?>[] arrivals = new CompletableFuture<?>[crew.chains()];
        for (int c = 0; c < crew.chains(); c++) {
            crew.head(c).send(ending ? Link.EOF : 0);
        }
        for (int c = 0; c < crew.chains(); c++) {
            int chain = c;
            arrivals[c] = take(crew.tail(c), completer).thenAccept(token -> {
                if (ending) {
                    Crew.requireEnd(chain, token);
                } else {
                    crew.arrived(chain, token);
                }
            });
        }
        CompletableFuture.allOf(arrivals).thenRun(() -> {
            if (ending) {
                done.complete(null);
            } else {
                tally.next();
                iterate(crew, tally, completer, done);
            }
        }).exceptionally(e -> fail(done, e));
    }

    private static Void fail(CompletableFuture<Void> done, Throwable e) {
        done.completeExceptionally(e instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : e);
        return null;
    }

    /** A future of the link's next token, completed through {@code completer} once it is there. */
    private static CompletableFuture<Integer> take(Link link, Executor completer) {
        CompletableFuture<Integer> token = new CompletableFuture<>();
        new Attempt(link, token, completer).run();
        return token;
    }

    private record Attempt(Link link, CompletableFuture<Integer> token, Executor completer) implements Runnable {
        @Override
        public void run() {
            int got = link.takeOr(() -> completer.execute(this));
            if (got != Link.NONE) {
                token.complete(got);
            }
        }
    }
}
