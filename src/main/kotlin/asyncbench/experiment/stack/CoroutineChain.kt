package asyncbench.experiment.stack

import asyncbench.coroutine.CoroutineRuntime
import java.util.concurrent.CompletableFuture

/**
 * Kotlin suspend functions: the compiler turns each into a state machine whose object is allocated
 * only when the call suspends, and a call that completes at once is a plain call. A suspension is the
 * runtime's yield, back through its loop's queue; the loop runs on one platform thread.
 */
class CoroutineChain(private val runtime: CoroutineRuntime, private val shape: Shape, private val tally: Tally) : Chain {
    override fun start(): CompletableFuture<Void> {
        val done = CompletableFuture<Void>()
        Thread.ofPlatform().name("coroutine-loop").start {
            try {
                runtime.runLoop { top() }
                done.complete(null)
            } catch (e: Throwable) {
                done.completeExceptionally(e)
            }
        }
        return done
    }

    private suspend fun top() {
        while (tally.more()) {
            try {
                tally.returned(frame(shape.depth() - 1))
            } catch (e: LeafException) {
                tally.caught(e)
            }
        }
    }

    private suspend fun frame(level: Int): Long {
        val live1 = shape.live1(level)
        val live2 = level
        val live3 = shape.yields().toDouble()
        if (level == 0) {
            for (i in 0 until shape.yields()) {
                tally.suspensions++
                runtime.yieldNow()
            }
            if (shape.throwing()) {
                throw LeafException()
            }
            return Shape.RESULT
        }
        val result = if (shape.hasFinally(level)) {
            try {
                frame(level - 1)
            } finally {
                tally.sink += Shape.sinkValue(live1, live2, live3, level)
            }
        } else {
            frame(level - 1)
        }
        tally.sink += Shape.sinkValue(live1, live2, live3, level)
        return result
    }
}
