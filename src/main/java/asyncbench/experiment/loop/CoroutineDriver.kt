package asyncbench.experiment.loop

import asyncbench.coroutine.CoroutineRuntime
import java.util.concurrent.CompletableFuture

/** Runs a suspend loop in the runtime's single-thread loop, on a new platform thread. */
object CoroutineDriver {
    @JvmStatic
    fun start(runtime: CoroutineRuntime, loop: suspend () -> Unit): CompletableFuture<Void> {
        val done = CompletableFuture<Void>()
        Thread.ofPlatform().name("coroutine-loop").start {
            try {
                runtime.runLoop { loop() }
                done.complete(null)
            } catch (e: Throwable) {
                done.completeExceptionally(e)
            }
        }
        return done
    }
}
