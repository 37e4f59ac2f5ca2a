package asyncbench.experiment.dotnet.handover;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * Two threads of one kind hand a turn back and forth, each parked at the bottom of its stack while
 * the other runs: a round trip is two suspensions and two resumptions. The measuring thread starts a
 * batch and waits for its end, once per {@link World#BATCH} round trips.
 */
final class PingPongWorld implements World {
    private static final int IDLE = 0;
    private static final int PING = 1;
    private static final int PONG = 2;
    private static final int STOP = 3;

    private final Thread ping;
    private final Thread pong;
    private volatile int turn = IDLE;
    private volatile Thread waiting;
    private int left;
    private long resumes;

    PingPongWorld(ThreadFactory threads, int depthFrames) {
        ping = threads.newThread(() -> Stack.descend(depthFrames, this::pingLoop));
        pong = threads.newThread(() -> Stack.descend(depthFrames, this::pongLoop));
        ping.start();
        pong.start();
    }

    private void pingLoop() {
        while (true) {
            int t = awaitTurn(PING);
            if (t == STOP) {
                return;
            }
            resumes++;
            if (left-- == 0) {
                turn = IDLE;
                LockSupport.unpark(waiting);
            } else {
                pass(PONG, pong);
            }
        }
    }

    private void pongLoop() {
        while (awaitTurn(PONG) != STOP) {
            resumes++;
            pass(PING, ping);
        }
    }

    private int awaitTurn(int mine) {
        int t;
        while ((t = turn) != mine && t != STOP) {
            LockSupport.park(this);
        }
        return t;
    }

    private void pass(int next, Thread to) {
        turn = next;
        LockSupport.unpark(to);
    }

    @Override
    public long batch() {
        long before = resumes;
        waiting = Thread.currentThread();
        left = BATCH;
        pass(PING, ping);
        while (turn != IDLE) {
            LockSupport.park(this);
        }
        // ping's first resumption starts the batch, its last one ends it: 2 x BATCH in between
        return resumes - before - 1;
    }


    @Override
    public void close() {
        turn = STOP;
        LockSupport.unpark(ping);
        LockSupport.unpark(pong);
        try {
            ping.join();
            pong.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
