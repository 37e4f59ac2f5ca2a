package asyncbench.experiment.io.pump

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.coroutine.PendingCompletion
import java.nio.ByteBuffer
import java.nio.channels.AsynchronousFileChannel
import java.util.concurrent.CompletableFuture
import java.util.concurrent.ExecutorService

/**
 * One file read through by a `suspend` function over AsynchronousFileChannel: a read suspends until
 * the channel's completion handler, on an I/O pool thread, resumes it through the runtime (kotlinx:
 * dispatched to Dispatchers.Default; the minimal executor: inline, on the I/O thread). Pump: the next
 * read is started before the chunk is processed.
 */
internal class CoroutinePump(
    private val files: FileSet,
    private val chunk: Int,
    private val pump: Boolean,
    io: ExecutorService,
    private val runtime: CoroutineRuntime,
    private val chunks: Chunks,
) : AutoCloseable {
    private val channels = files.files().map { AsynchronousFileChannel.open(it, files.options(), io) }
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
        val buffers = arrayOf(files.buffer(chunk), if (pump) files.buffer(chunk) else null)
        val reads = arrayOf(PendingCompletion(runtime), if (pump) PendingCompletion(runtime) else null)
        var count = 0L
        var sum = 0L
        var at = 0L
        var current = 0
        start(reads[0]!!, channel, buffers[0]!!, 0)
        while (true) {
            val n = reads[current]!!.await()
            check(n > 0) { "read $n bytes at $at of $size" }
            val nextAt = at + n
            val more = nextAt < size
            val next = if (pump) 1 - current else current
            if (pump && more) {
                start(reads[next]!!, channel, buffers[next]!!, nextAt)
            }
            sum += chunks.process(buffers[current]!!, n)
            count++
            if (!more) {
                break
            }
            if (!pump) {
                start(reads[next]!!, channel, buffers[next]!!, nextAt)
            }
            current = next
            at = nextAt
        }
        chunks.fileDone(count, sum)
    }

    override fun close() = channels.forEach { it.close() }

    private fun start(read: PendingCompletion, channel: AsynchronousFileChannel, buffer: ByteBuffer, at: Long) {
        read.reset()
        buffer.clear()
        channel.read(buffer, at, null, read)
    }
}
