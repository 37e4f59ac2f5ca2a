package asyncbench.experiment.grid

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.coroutine.Waitable
import java.util.concurrent.CountDownLatch
import kotlin.coroutines.Continuation

/**
 * The reader as a suspend function: takes segments while there are any, then suspends on its pipe;
 * the writer resumes it through the runtime (inline for `suspend`, dispatched for `coroutine`).
 */
class CoroutineReader internal constructor(
    private val runtime: CoroutineRuntime,
    private val iterations: Tally,
    completion: Completion,
) : Reader, Waitable {
    // queued: through the runtime's dispatcher where it has one, else to the shared pool; inline: resumed by the writer
    private val pipe = CallbackPipe<Continuation<Unit>>(
        when {
            completion == Completion.INLINE -> {
                require(!runtime.dispatches) { "a dispatching runtime cannot resume a reader inline" }
                java.util.function.Consumer { c -> runtime.resume(c) }
            }
            runtime.dispatches -> java.util.function.Consumer { c -> runtime.resume(c) }
            else -> java.util.function.Consumer { c -> Completion.sharedPool().execute { runtime.resume(c) } }
        })
    private var offWriter = 0L
    /** Whether the last wait really suspended; written before the suspension, read after the resumption. */
    private var suspended = false
    private var wakeups = 0L

    /** Launches the reader; [finished] is counted down when it stops. */
    fun start(finished: CountDownLatch) = runtime.launch {
        read()
        finished.countDown()
    }

    private suspend fun read() {
        while (true) {
            when (pipe.take()) {
                Take.SEGMENT -> iterations.increment()
                Take.EMPTY -> {
                    runtime.await(this)
                    if (suspended) {
                        wakeups++
                        if (!Completion.onWriter()) {
                            offWriter++
                        }
                    }
                }
                Take.CLOSED -> return
            }
        }
    }

    override fun subscribe(c: Continuation<Unit>): Boolean {
        suspended = pipe.subscribe(c)
        return suspended
    }

    override fun pipe(): Pipe<*> = pipe

    override fun waiting(): Boolean = pipe.hasWaiter()

    override fun wakeupsSent(): Long = pipe.wakeupsSent()

    override fun wakeupsReceived(): Long = wakeups

    override fun resumedOffWriter(): Long = offWriter
}
