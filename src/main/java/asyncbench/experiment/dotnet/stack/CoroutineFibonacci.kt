package asyncbench.experiment.dotnet.stack

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.experiment.loop.CoroutineDriver
import asyncbench.experiment.loop.Tally
import java.util.concurrent.CompletableFuture

/** fib as Kotlin suspend functions; a leaf's yield is the runtime's. */
class CoroutineFibonacci(private val runtime: CoroutineRuntime, private val every: Int, private val tally: Tally) {
    private var leaves = 0

    fun start(n: Int): CompletableFuture<Void> = CoroutineDriver.start(runtime) {
        while (tally.more()) {
            leaves = 0
            tally.sink += fib(n)
            tally.next()
        }
    }

    private suspend fun fib(i: Int): Int {
        if (i <= 1) {
            if (every > 0 && ++leaves % every == 0) {
                tally.suspensions++
                runtime.yieldNow()
            }
            return 1
        }
        val i1 = fib(i - 1)
        val i2 = fib(i - 2)
        return i1 + i2
    }
}
