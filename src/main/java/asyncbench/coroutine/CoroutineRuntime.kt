package asyncbench.coroutine

import kotlin.coroutines.Continuation

/** Something a coroutine can wait on. */
fun interface Waitable {
    /** Keeps [c] to resume it later and returns true, or returns false: the caller goes on at once. */
    fun subscribe(c: Continuation<Unit>): Boolean
}

/**
 * Where Kotlin suspend functions run. A workload is written once against this class and runs on both
 * kinds: [KotlinxRuntime] (kotlinx.coroutines as people use it) and [MinimalRuntime] (the bare
 * `kotlin.coroutines` intrinsics and a queue, no framework).
 *
 * A runtime runs coroutines in one of two places: launched from outside a loop, they run wherever
 * the runtime puts them (a multi-threaded dispatcher, or inline); inside [runLoop], every coroutine
 * launched or resumed runs on the loop's thread, one at a time, in the order it became ready.
 */
sealed class CoroutineRuntime : AutoCloseable {
    @Volatile
    private var firstFailure: Throwable? = null

    /** Starts [block] as a new coroutine. */
    abstract fun launch(block: suspend () -> Unit)

    /** Suspends the caller until [w] resumes it through [resume], unless [w] says it may go on now. */
    abstract suspend fun await(w: Waitable)

    /** Resumes a coroutine that [await]ed; callable from any thread. */
    abstract fun resume(c: Continuation<Unit>)

    /** Whether [resume] hands the coroutine to a dispatcher's threads rather than running it on the caller's. */
    abstract val dispatches: Boolean

    /** Lets every coroutine that is ready on the loop run before the caller goes on. */
    abstract suspend fun yieldNow()

    /** Runs [main] on the calling thread with a single-thread loop, until it and all it launched are done. */
    abstract fun <T> runLoop(main: suspend () -> T): T

    /** The first exception a launched coroutine ended with, or null. */
    fun failure(): Throwable? = firstFailure

    protected fun failed(e: Throwable) {
        if (firstFailure == null) {
            firstFailure = e
        }
    }

    abstract override fun close()
}
