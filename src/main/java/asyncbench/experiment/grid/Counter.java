package asyncbench.experiment.grid;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** A count advanced by one reader and read at any moment by the measuring thread, without a lock. */
final class Counter implements Tally {
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(Counter.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused")
    private long value;

    @Override
    public void increment() {
        VALUE.setOpaque(this, (long) VALUE.getOpaque(this) + 1);
    }

    @Override
    public long get() {
        return (long) VALUE.getOpaque(this);
    }
}
