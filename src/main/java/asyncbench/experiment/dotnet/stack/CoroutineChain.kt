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
                val top = shape.depth() - 1
                Shape.returned(tally, if (shape.rethrowsPerIteration() > 0) rethrowingFrame(top) else frame(top))
            } catch (e: LeafException) {
                Shape.caught(tally, e)
            }
        }
    }

    private suspend fun leaf(): Long {
        for (i in 0 until shape.yields()) {
            tally.suspensions++
            runtime.yieldNow()
        }
        if (shape.throwing()) {
            throw LeafException()
        }
        return Shape.RESULT
    }

    /** A frame that lets a failure of its call go up as the state machine passes it. */
    private suspend fun frame(level: Int): Long {
        val live1 = shape.live1(level)
        val live2 = level
        val live3 = shape.yields().toDouble()
        if (level == 0) {
            return leaf()
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

    /** A frame that catches a failure of its call, counts it and rethrows it, as an awaiting C# frame does. */
    private suspend fun rethrowingFrame(level: Int): Long {
        val live1 = shape.live1(level)
        val live2 = level
        val live3 = shape.yields().toDouble()
        if (level == 0) {
            return leaf()
        }
        val result = try {
            if (shape.hasFinally(level)) {
                try {
                    rethrowingFrame(level - 1)
                } finally {
                    tally.sink += Shape.sinkValue(live1, live2, live3, level)
                }
            } else {
                rethrowingFrame(level - 1)
            }
        } catch (e: LeafException) {
            throw Shape.rethrown(tally, e)
        }
        tally.sink += Shape.sinkValue(live1, live2, live3, level)
        return result
    }
}
