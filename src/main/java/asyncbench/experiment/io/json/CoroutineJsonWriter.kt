package asyncbench.experiment.io.json

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.coroutine.PendingCompletion
import asyncbench.experiment.loop.Tally
import java.nio.channels.AsynchronousSocketChannel
import java.util.concurrent.CompletableFuture
import java.util.concurrent.atomic.AtomicLong

/**
 * Documents written by a `suspend` loop, piece after piece, each piece with suspending writes resumed
 * from the channel group's thread through the runtime (kotlinx: dispatched to Dispatchers.Default; the
 * minimal executor: inline there); the next piece is serialised once the last is out.
 */
internal object CoroutineJsonWriter {
    @JvmStatic
    fun start(
        runtime: CoroutineRuntime,
        channel: AsynchronousSocketChannel,
        pieces: Document.Pieces,
        written: AtomicLong,
        tally: Tally,
    ): CompletableFuture<Void> {
        val done = CompletableFuture<Void>()
        runtime.launch {
            try {
                channel.use {
                    val write = PendingCompletion(runtime)
                    while (tally.more()) {
                        pieces.start()
                        while (true) {
                            val piece = pieces.next() ?: break
                            while (piece.hasRemaining()) {
                                write.reset()
                                channel.write(piece, null, write)
                                write.await()
                            }
                            written.incrementAndGet()
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
