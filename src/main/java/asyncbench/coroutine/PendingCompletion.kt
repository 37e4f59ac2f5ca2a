package asyncbench.coroutine

import java.nio.channels.CompletionHandler
import java.util.concurrent.atomic.AtomicReference
import kotlin.coroutines.Continuation

/**
 * One asynchronous channel operation in flight (a read or a write given this as its handler), awaited
 * by one coroutine: the handler, on an I/O thread, publishes the outcome and resumes the coroutine
 * through the runtime if it waits already; [await] goes on at once if the outcome came first.
 * [reset] it before starting the next operation; one object serves a coroutine's every operation.
 */
class PendingCompletion(private val runtime: CoroutineRuntime) : CompletionHandler<Int, Any?>, Waitable {
    /** null while in flight; then the waiting continuation, or the outcome (an Int or a Throwable). */
    private val state = AtomicReference<Any?>()

    fun reset() = state.set(null)

    /** The operation's result, suspending until it has one; its exception if it failed. */
    suspend fun await(): Int {
        runtime.await(this)
        return when (val outcome = state.get()) {
            is Int -> outcome
            is Throwable -> throw outcome
            else -> error("resumed before the operation completed")
        }
    }

    override fun subscribe(c: Continuation<Unit>): Boolean = state.compareAndSet(null, c)

    override fun completed(result: Int, attachment: Any?) = finish(result)

    override fun failed(e: Throwable, attachment: Any?) = finish(e)

    @Suppress("UNCHECKED_CAST")
    private fun finish(outcome: Any) {
        val waiter = state.getAndSet(outcome)
        if (waiter is Continuation<*>) {
            runtime.resume(waiter as Continuation<Unit>)
        }
    }
}
