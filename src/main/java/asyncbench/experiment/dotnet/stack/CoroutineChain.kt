package asyncbench.experiment.dotnet.stack

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.experiment.loop.CoroutineDriver
import asyncbench.experiment.loop.Tally
import java.util.concurrent.CompletableFuture

/**
 * The chain as Kotlin suspend functions: the compiler turns each into a state machine whose object is
 * allocated at each call, and a call that does not suspend returns as a plain call does. A suspension
 * is the runtime's yield, back through its loop's queue.
 */
class CoroutineChain(private val runtime: CoroutineRuntime, private val shape: Shape, private val tally: Tally) : Chain {
    override fun start(): CompletableFuture<Void> = CoroutineDriver.start(runtime) {
        while (tally.more()) {
            try {
                Shape.returned(tally, frame(shape.depth() - 1))
            } catch (e: LeafException) {
                Shape.caught(tally, e)
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
