package asyncbench.experiment.dotnet.stack

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.experiment.loop.CoroutineDriver
import asyncbench.experiment.loop.Tally
import java.util.concurrent.CompletableFuture
import java.util.concurrent.Executor
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext

/** kotlinx.coroutines' own bridges: `withContext(Dispatchers.IO)` out of the loop, `runBlocking` into it. */
object CoroutineBridge {
    /** The coroutine loop hands each call to Dispatchers.IO and goes on when it returns. */
    @JvmStatic
    fun callBlocking(runtime: CoroutineRuntime, tally: Tally): CompletableFuture<Void> = CoroutineDriver.start(runtime) {
        var x = 0L
        while (tally.more()) {
            val arg = x++
            val r = withContext(Dispatchers.IO) { Bridge.WORK.applyAsLong(arg) }
            tally.sink += r
            tally.next()
        }
    }

    /** A platform thread calls a suspend function that runs on the loop, through runBlocking, and waits. */
    @JvmStatic
    fun callAsync(loop: Executor, tally: Tally): CompletableFuture<Void> {
        val done = CompletableFuture<Void>()
        val dispatcher = loop.asCoroutineDispatcher()
        Thread.ofPlatform().name("blocking-caller").start {
            try {
                var x = 0L
                while (tally.more()) {
                    val arg = x++
                    val r = runBlocking { withContext(dispatcher) { Bridge.WORK.applyAsLong(arg) } }
                    tally.sink += r
                    tally.next()
                }
                done.complete(null)
            } catch (e: Throwable) {
                done.completeExceptionally(e)
            }
        }
        return done
    }
}
