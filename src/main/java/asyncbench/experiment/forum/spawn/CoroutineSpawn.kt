package asyncbench.experiment.forum.spawn

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.experiment.loop.CoroutineDriver
import java.util.concurrent.CompletableFuture

/** Batches of coroutines launched from the runtime's loop, then yields until every one has run to its end. */
internal object CoroutineSpawn {
    @JvmStatic
    fun start(runtime: CoroutineRuntime, batches: Batches): CompletableFuture<Void> = CoroutineDriver.start(runtime) {
        val size = batches.size()
        while (batches.more()) {
            var finished = 0
            batches.beginBatch()
            for (i in 0 until size) {
                batches.beforeSpawn(i)
                runtime.launch {
                    batches.body(i)
                    finished++
                }
                batches.afterSpawn()
            }
            batches.created()
            while (finished < size) {
                runtime.yieldNow()
            }
            batches.endBatch()
        }
    }
}
