package asyncbench.experiment.forum.brigade;

import asyncbench.experiment.loop.Plain;
import asyncbench.experiment.loop.Tally;
import asyncbench.model.ModelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import jdk.internal.vm.Continuation;

/**
 * The brigade as plain code that blocks: each task takes a token from the link in front of it and puts
 * it into the next, until the end comes; the driver puts a token into every chain and takes it back
 * from every chain's end, once an iteration. Run as threads blocking on the links, as bare
 * continuations that yield to a {@link Reactor} where they would block, or by one thread that makes
 * every hop itself in chain order (the floor: the links' cost with no switch at all).
 */
final class PlainBrigade {
    private PlainBrigade() {
    }

    /** How plain code waits for a token. */
    private interface Taker {
        int take(Link link) throws Exception;
    }

    private static void task(Crew crew, int k, Taker taker) throws Exception {
        Link up = crew.upstream(k);
        Link down = crew.downstream(k);
        while (true) {
            int token = taker.take(up);
            if (token == Link.EOF) {
                down.put(Link.EOF);
                return;
            }
            down.put(crew.pass(k, token));
        }
    }

    private static void drive(Crew crew, Tally tally, Taker taker) throws Exception {
        while (tally.more()) {
            for (int c = 0; c < crew.chains(); c++) {
                crew.head(c).put(0);
            }
            for (int c = 0; c < crew.chains(); c++) {
                crew.arrived(c, taker.take(crew.tail(c)));
            }
            tally.next();
        }
        for (int c = 0; c < crew.chains(); c++) {
            crew.head(c).put(Link.EOF);
        }
        for (int c = 0; c < crew.chains(); c++) {
            Crew.requireEnd(c, taker.take(crew.tail(c)));
        }
    }

    /** Every task a thread from {@code factory} blocking on its link; the driver one more. */
    static CompletableFuture<Void> threads(ThreadFactory factory, Crew crew, Tally tally) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        List<Thread> tasks = new ArrayList<>();
        for (int k = 0; k < crew.tasks(); k++) {
            int task = k;
            tasks.add(factory.newThread(() -> {
                try {
                    task(crew, task, Link::take);
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            }));
        }
        tasks.forEach(Thread::start);
        factory.newThread(() -> {
            try {
                drive(crew, tally, Link::take);
                for (Thread t : tasks) {
                    t.join();
                }
                done.complete(null);
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }).start();
        return done;
    }

    /** One platform thread makes every put and take itself, chain after chain, task after task. */
    static CompletableFuture<Void> direct(Crew crew, Tally tally) {
        return Plain.onThread(Thread.ofPlatform().name("brigade-direct").factory(), () -> {
            while (tally.more()) {
                for (int c = 0; c < crew.chains(); c++) {
                    crew.head(c).put(0);
                }
                for (int c = 0; c < crew.chains(); c++) {
                    for (int k = crew.firstTask(c); k < crew.endTask(c); k++) {
                        crew.downstream(k).put(crew.pass(k, crew.upstream(k).take()));
                    }
                    crew.arrived(c, crew.tail(c).take());
                }
                tally.next();
            }
        });
    }

    /** Every task and the driver a bare continuation on one thread, yielding where it would block until the reactor wakes it. */
    static CompletableFuture<Void> continuations(ModelRuntime.Continuations runtime, Crew crew, Tally tally) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Reactor reactor = crew.driverReactor();
        Runnable suspend = Plain.suspension(runtime);
        for (int k = 0; k < crew.tasks(); k++) {
            int task = k;
            start(reactor, suspend, taker -> task(crew, task, taker), done, false);
        }
        start(reactor, suspend, taker -> drive(crew, tally, taker), done, true);
        Thread.ofPlatform().name("brigade-continuations").start(() -> {
            try {
                reactor.run();
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private interface Body {
        void run(Taker taker) throws Exception;
    }

    private static void start(Reactor reactor, Runnable suspend, Body body, CompletableFuture<Void> done, boolean last) {
        Continuation[] self = new Continuation[1];
        Runnable resume = () -> self[0].run();
        Runnable wake = () -> reactor.execute(resume);
        Taker taker = link -> {
            int token;
            while ((token = link.takeOr(wake)) == Link.NONE) {
                suspend.run();
            }
            return token;
        };
        self[0] = Plain.continuation(() -> {
            try {
                body.run(taker);
                if (last) {
                    done.complete(null);
                    reactor.stop();
                }
            } catch (Throwable e) {
                done.completeExceptionally(e);
                reactor.stop();
            }
        });
        reactor.execute(resume);
    }
}
