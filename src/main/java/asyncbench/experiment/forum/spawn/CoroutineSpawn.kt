package asyncbench.experiment.forum.spawn

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.experiment.loop.CoroutineDriver
import asyncbench.experiment.loop.Tally
import java.util.concurrent.CompletableFuture

/** Coroutines launched one at a time from the runtime's loop; a yield lets each run to its end before the next. */
object CoroutineSpawn {
    @JvmStatic
    fun start(runtime: CoroutineRuntime, tally: Tally): CompletableFuture<Void> = CoroutineDriver.start(runtime) {
        var id = 0L
        var result = 0L
        while (tally.more()) {
            val n = ++id
            result = 0L
            runtime.launch { result = n }
            runtime.yieldNow()
            check(result == n) { "the launched coroutine had not finished after a yield" }
            tally.sink += result
            tally.next()
        }
    }
}
