package asyncbench.experiment.dotnet.stack

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.experiment.loop.CoroutineDriver
import asyncbench.experiment.loop.Tally
import java.util.concurrent.CompletableFuture

/** A suspend function that could suspend and does not; a suspend caller, ten calls per iteration. */
class CoroutineCalls(private val runtime: CoroutineRuntime, private val tally: Tally) {
    fun start(): CompletableFuture<Void> = CoroutineDriver.start(runtime) {
        while (tally.more()) {
            var sum = 0L
            for (i in 0 until CallCost.CALLS) {
                sum += emptyAsync(i.toLong())
            }
            tally.sink += sum
            tally.next()
        }
    }

    private suspend fun emptyAsync(x: Long): Long {
        if (CallCost.never == 0.0) {
            tally.suspensions++
            runtime.yieldNow()
        }
        return x + 1
    }
}
