package asyncbench.experiment.dotnet.stack

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.experiment.loop.CoroutineDriver
import asyncbench.experiment.loop.Tally
import java.util.concurrent.CompletableFuture
import java.util.concurrent.Executor
import kotlin.coroutines.Continuation
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.startCoroutine
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.asCoroutineDispatcher
import kotlinx.coroutines.future.await
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import kotlinx.coroutines.yield

/**
 * Kotlin's side of the bridge: a suspend function started from future code on the caller's thread, a
 * suspend function awaiting a future, and kotlinx.coroutines' own hand-offs (`withContext(Dispatchers.IO)`
 * out of the loop, `runBlocking` into it).
 */
object CoroutineBridge {
    /** Never true: the callee could suspend, so the compiler makes it a state machine. */
    @Volatile
    private var suspendFirst = false

    private suspend fun emptySuspend(x: Long): Bridge.Result {
        if (suspendFirst) {
            yield()
        }
        return Bridge.work(x)
    }

    /** The adapter into the future world: a coroutine of the callee, started here, completes the future. */
    @JvmStatic
    fun thunk(x: Long): CompletableFuture<Bridge.Result> {
        val result = CompletableFuture<Bridge.Result>()
        val body: suspend () -> Bridge.Result = { emptySuspend(x) }
        body.startCoroutine(Continuation(EmptyCoroutineContext) { r -> result.complete(r.getOrThrow()) })
        return result
    }

    /** A suspend function awaiting a future method that completes at once. */
    @JvmStatic
    fun awaitFutures(runtime: CoroutineRuntime, tally: Tally): CompletableFuture<Void> = CoroutineDriver.start(runtime) {
        var x = 0L
        while (tally.more()) {
            tally.sink += Bridge.received(Bridge.emptyAsync(x++).await(), tally, true)
            tally.next()
        }
    }

    /** The coroutine loop hands each call to Dispatchers.IO and goes on when it returns. */
    @JvmStatic
    fun handToDispatcher(runtime: CoroutineRuntime, tally: Tally): CompletableFuture<Void> = CoroutineDriver.start(runtime) {
        var x = 0L
        while (tally.more()) {
            val arg = x++
            val r = withContext(Dispatchers.IO) { Bridge.work(arg) }
            tally.sink += Bridge.received(r, tally, false)
            tally.next()
        }
    }

    /** A platform thread calls a suspend function that runs on the loop, through runBlocking, and waits. */
    @JvmStatic
    fun handToLoop(loop: Executor, tally: Tally): CompletableFuture<Void> {
        val done = CompletableFuture<Void>()
        val dispatcher = loop.asCoroutineDispatcher()
        Thread.ofPlatform().name("blocking-caller").start {
            try {
                var x = 0L
                while (tally.more()) {
                    val arg = x++
                    val r = runBlocking { withContext(dispatcher) { Bridge.work(arg) } }
                    tally.sink += Bridge.received(r, tally, false)
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
