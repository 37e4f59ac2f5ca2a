package asyncbench.sync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * An auto-reset event for one waiting thread, platform or virtual.
 *
 * <p>{@link #set()} releases the waiter if one is parked, otherwise leaves the event signalled so that
 * the next {@link #await()} returns at once; {@link #await()} consumes the signal. Several sets before a
 * wait coalesce into one, as with .NET's {@code AutoResetEvent}. Parking goes through {@link LockSupport},
 * so a virtual thread unmounts from its carrier while it waits.
 *
 * <p>It counts the wake-ups it hands over and receives, so a workload can prove that none was lost.
 */
public final class AutoResetEvent {
    private static final Object SIGNALLED = new Object();
    private static final VarHandle STATE;
    private static final VarHandle SENT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(AutoResetEvent.class, "state", Object.class);
            SENT = lookup.findVarHandle(AutoResetEvent.class, "wakeupsSent", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** null: not signalled, nobody waits; SIGNALLED; or the parked waiter's Thread. */
    @SuppressWarnings("unused")
    private volatile Object state;
    /** Sets that released a parked waiter. */
    @SuppressWarnings("unused")
    private volatile long wakeupsSent;
    /** Waits that parked and were released; written by the one waiter. */
    private long wakeupsReceived;

    /** Signals the event: wakes the waiter if there is one, else stays signalled. */
    public void set() {
        while (true) {
            Object s = state;
            if (s == SIGNALLED) {
                return;
            }
            if (s == null) {
                if (STATE.compareAndSet(this, null, SIGNALLED)) {
                    return;
                }
            } else if (STATE.compareAndSet(this, s, null)) {
                SENT.getAndAdd(this, 1L);
                LockSupport.unpark((Thread) s);
                return;
            }
        }
    }

    /** Waits until the event is signalled, then resets it. Only one thread may wait at a time. */
    public void await() {
        Thread me = Thread.currentThread();
        while (true) {
            Object s = state;
            if (s == SIGNALLED) {
                if (STATE.compareAndSet(this, SIGNALLED, null)) {
                    return;
                }
            } else if (s == null) {
                if (STATE.compareAndSet(this, null, me)) {
                    break;
                }
            } else {
                throw new IllegalStateException("AutoResetEvent allows one waiter; " + s + " already waits");
            }
        }
        while (state == me) {
            LockSupport.park(this);
        }
        wakeupsReceived++;
    }

    /** Whether a thread is parked on this event now. */
    public boolean hasWaiter() {
        return state instanceof Thread;
    }

    public long wakeupsSent() {
        return wakeupsSent;
    }

    /** Read only after the waiter has stopped (its last write happens-before a join or latch). */
    public long wakeupsReceived() {
        return wakeupsReceived;
    }
}
