package asyncbench.experiment.grid;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * How a writer wakes an asynchronous reader that waits on its pipe.
 *
 * <p>{@link #QUEUED}, the original's: the writer hands the completion to a thread pool
 * ({@code ThreadPool.QueueUserWorkItem(delegate { tCompletion.SetResult(null); })}) and goes on
 * writing; the reader's continuation runs on a pool thread. {@link #INLINE}: the writer completes
 * the future or resumes the continuation itself, so the reader runs on the writer's thread, inside
 * the pipe's lock, before the writer goes on. Readers on threads wait on an event either way.
 */
public enum Completion {
    QUEUED("queued"),
    INLINE("inline");

    public final String id;

    Completion(String id) {
        this.id = id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(c -> c.id).toList();
    }

    public static Completion byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no completion '" + id + "'; valid: " + ids()));
    }

    /**
     * The pool a queued completion goes to when the model has none of its own: the JVM's shared pool,
     * as .NET's ThreadPool is the process's.
     */
    static Executor sharedPool() {
        return ForkJoinPool.commonPool();
    }

    /** The name every writer thread's name starts with. */
    static final String WRITER = "writer-";

    /** Whether the calling thread is a writer: a reader resumed here was resumed inline. */
    static boolean onWriter() {
        return Thread.currentThread().getName().startsWith(WRITER);
    }
}
