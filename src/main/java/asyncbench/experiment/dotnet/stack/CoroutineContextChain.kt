package asyncbench.experiment.dotnet.stack

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.experiment.loop.CoroutineDriver
import asyncbench.experiment.loop.Tally
import java.util.concurrent.CompletableFuture
import kotlin.coroutines.AbstractCoroutineContextElement
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.coroutineContext
import kotlinx.coroutines.asContextElement
import kotlinx.coroutines.withContext

/**
 * The context chain as Kotlin suspend functions: the request passed down, installed as a ThreadLocal
 * through a `ThreadContextElement` (kotlinx.coroutines sets it at each resumption and resets it at each
 * suspension), or carried as an element of the coroutine's context.
 */
class CoroutineContextChain internal constructor(
    private val runtime: CoroutineRuntime,
    private val depth: Int,
    private val yields: Int,
    private val carrier: ContextCapture.Carrier,
    private val tally: Tally,
) {
    private class RequestElement(val request: ContextCapture.Request) : AbstractCoroutineContextElement(Key) {
        companion object Key : CoroutineContext.Key<RequestElement>
    }

    fun start(): CompletableFuture<Void> = CoroutineDriver.start(runtime) {
        var id = 0L
        while (tally.more()) {
            val request = ContextCapture.Request(++id)
            val sum = when (carrier) {
                ContextCapture.Carrier.PARAMETER -> frame(depth - 1, request)
                ContextCapture.Carrier.THREAD_LOCAL, ContextCapture.Carrier.INHERITABLE_THREAD_LOCAL ->
                    withContext(carrier.local().asContextElement(request)) { frame(depth - 1, null) }
                ContextCapture.Carrier.COROUTINE_CONTEXT -> withContext(RequestElement(request)) { frame(depth - 1, null) }
                ContextCapture.Carrier.SCOPED_VALUE -> throw IllegalArgumentException("a scoped value cannot stay bound across a suspension")
            }
            tally.sink += sum
            tally.next()
        }
    }

    private suspend fun frame(level: Int, passed: ContextCapture.Request?): Long {
        if (level == 0) {
            repeat(yields) {
                tally.suspensions++
                runtime.yieldNow()
            }
            return read(passed).id
        }
        val below = frame(level - 1, passed)
        return below + read(passed).id
    }

    private suspend fun read(passed: ContextCapture.Request?): ContextCapture.Request = when (carrier) {
        ContextCapture.Carrier.PARAMETER -> passed!!
        ContextCapture.Carrier.THREAD_LOCAL, ContextCapture.Carrier.INHERITABLE_THREAD_LOCAL -> carrier.local().get()
        ContextCapture.Carrier.COROUTINE_CONTEXT -> coroutineContext[RequestElement]!!.request
        ContextCapture.Carrier.SCOPED_VALUE -> throw IllegalArgumentException("a scoped value cannot stay bound across a suspension")
    }
}
