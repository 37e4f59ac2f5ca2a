package asyncbench.experiment.json

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.coroutine.Waitable
import asyncbench.experiment.loop.Tally
import java.nio.ByteBuffer
import java.nio.channels.AsynchronousSocketChannel
import java.nio.channels.CompletionHandler
import java.util.concurrent.CompletableFuture
import java.util.concurrent.atomic.AtomicReference
import kotlin.coroutines.Continuation

/**
 * Documents written by a `suspend` loop: each serialised to bytes, then written with suspending writes,
 * each resumed from the channel group's thread through the runtime (kotlinx: dispatched to
 * Dispatchers.Default; the minimal executor: inline there).
 */
internal object CoroutineJsonWriter {
    @JvmStatic
    fun start(runtime: CoroutineRuntime, channel: AsynchronousSocketChannel, document: Document, tally: Tally): CompletableFuture<Void> {
        val done = CompletableFuture<Void>()
        runtime.launch {
            try {
                channel.use {
                    val write = PendingWrite(runtime)
                    while (tally.more()) {
                        val bytes = ByteBuffer.wrap(document.bytes())
                        while (bytes.hasRemaining()) {
                            write.start(channel, bytes)
                            write.await()
                        }
                        tally.next()
                    }
                }
                done.complete(null)
            } catch (e: Throwable) {
                done.completeExceptionally(e)
            }
        }
        return done
    }

    /** One write in flight: the handler publishes its outcome and resumes the coroutine if it waits already. */
    private class PendingWrite(private val runtime: CoroutineRuntime) : CompletionHandler<Int, Any?>, Waitable {
        private val state = AtomicReference<Any?>()

        fun start(channel: AsynchronousSocketChannel, bytes: ByteBuffer) {
            state.set(null)
            channel.write(bytes, null, this)
        }

        suspend fun await() {
            runtime.await(this)
            (state.get() as? Throwable)?.let { throw it }
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
}
