package asyncbench.experiment.pump

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.coroutine.Waitable
import java.nio.ByteBuffer
import java.nio.channels.AsynchronousFileChannel
import java.nio.channels.CompletionHandler
import java.nio.file.StandardOpenOption
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutorService
import java.util.concurrent.atomic.AtomicReference
import kotlin.coroutines.Continuation

/**
 * One file read through by a `suspend` function over AsynchronousFileChannel: a read suspends until
 * the channel's completion handler, on an I/O pool thread, resumes it through the runtime (kotlinx:
 * dispatched to Dispatchers.Default; the minimal executor: inline, on the I/O thread). Pump: the next
 * read is started before the chunk is processed.
 */
internal class CoroutinePump(
    files: FileSet,
    private val chunk: Int,
    private val pump: Boolean,
    io: ExecutorService,
    private val runtime: CoroutineRuntime,
    private val chunks: Chunks,
) : AutoCloseable {
    private val channels = files.files().map { AsynchronousFileChannel.open(it, setOf(StandardOpenOption.READ), io) }
    private val size = files.bytesPerFile()

    fun file(f: Int): CompletableFuture<Void> {
        val done = CompletableFuture<Void>()
        runtime.launch {
            try {
                read(channels[f])
                done.complete(null)
            } catch (e: Throwable) {
                done.completeExceptionally(e)
            }
        }
        return done
    }

    private suspend fun read(channel: AsynchronousFileChannel) {
        val buffers = arrayOf(ByteBuffer.allocateDirect(chunk), if (pump) ByteBuffer.allocateDirect(chunk) else null)
        val reads = arrayOf(PendingRead(runtime), if (pump) PendingRead(runtime) else null)
        var count = 0L
        var sum = 0L
        var at = 0L
        var current = 0
        reads[0]!!.start(channel, buffers[0]!!, 0)
        while (true) {
            val n = reads[current]!!.await()
            check(n > 0) { "read $n bytes at $at of $size" }
            val nextAt = at + n
            val more = nextAt < size
            val next = if (pump) 1 - current else current
            if (pump && more) {
                reads[next]!!.start(channel, buffers[next]!!, nextAt)
            }
            sum += chunks.process(buffers[current]!!, n)
            count++
            if (!more) {
                break
            }
            if (!pump) {
                reads[next]!!.start(channel, buffers[next]!!, nextAt)
            }
            current = next
            at = nextAt
        }
        chunks.fileDone(count, sum)
    }

    override fun close() = channels.forEach { it.close() }

    /** One read in flight: the handler publishes its result and resumes the coroutine that waits for it, if one does yet. */
    private class PendingRead(private val runtime: CoroutineRuntime) : CompletionHandler<Int, Any?>, Waitable {
        /** null while the read is in flight; then the waiting continuation, or the result (an Int or a Throwable). */
        private val state = AtomicReference<Any?>()

        fun start(channel: AsynchronousFileChannel, buffer: ByteBuffer, at: Long) {
            state.set(null)
            buffer.clear()
            channel.read(buffer, at, null, this)
        }

        suspend fun await(): Int {
            runtime.await(this)
            return when (val result = state.get()) {
                is Int -> result
                is Throwable -> throw result
                else -> error("resumed before the read completed")
            }
        }

        override fun subscribe(c: Continuation<Unit>): Boolean = state.compareAndSet(null, c)

        override fun completed(result: Int, attachment: Any?) = finish(result)

        override fun failed(e: Throwable, attachment: Any?) = finish(e)

        @Suppress("UNCHECKED_CAST")
        private fun finish(result: Any) {
            val waiter = state.getAndSet(result)
            if (waiter is Continuation<*>) {
                runtime.resume(waiter as Continuation<Unit>)
            }
        }
    }
}
