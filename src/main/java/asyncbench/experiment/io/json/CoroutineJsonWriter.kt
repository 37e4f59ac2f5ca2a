package asyncbench.experiment.io.json

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.coroutine.PendingCompletion
import asyncbench.experiment.loop.Tally
import java.nio.ByteBuffer
import java.nio.channels.AsynchronousSocketChannel
import java.util.concurrent.CompletableFuture

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
                    val write = PendingCompletion(runtime)
                    while (tally.more()) {
                        val bytes = ByteBuffer.wrap(document.bytes())
                        while (bytes.hasRemaining()) {
                            write.reset()
                            channel.write(bytes, null, write)
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
}
