package asyncbench.experiment.dotnet.stack

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.experiment.loop.CoroutineDriver
import asyncbench.experiment.loop.Tally
import java.util.concurrent.CompletableFuture

/** The sawtooth as Kotlin suspend functions; a suspension is the runtime's yield. */
class CoroutineSawtooth internal constructor(
    private val runtime: CoroutineRuntime,
    private val teeth: Sawtooth.Teeth,
    private val tally: Tally,
) {
    fun start(): CompletableFuture<Void> = CoroutineDriver.start(runtime) { base(1) }

    private suspend fun base(level: Int) {
        if (level < teeth.low()) {
            base(level + 1)
            return
        }
        while (tally.more()) {
            val bottom = tooth(level + 1) // before reading the sink, which the tooth adds to
            tally.sink += bottom
            suspend()
            tally.next()
        }
    }

    private suspend fun tooth(level: Int): Long {
        if (level == teeth.mid() && Sawtooth.Teeth.suspendsAtMid(tally)) {
            suspend()
        }
        if (level == teeth.high()) {
            return level.toLong()
        }
        val below = tooth(level + 1)
        tally.sink += level
        return below
    }

    private suspend fun suspend() {
        tally.suspensions++
        runtime.yieldNow()
    }
}
