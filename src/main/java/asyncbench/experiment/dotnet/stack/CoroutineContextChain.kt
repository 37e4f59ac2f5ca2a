package asyncbench.experiment.dotnet.stack

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.experiment.dotnet.stack.ContextCapture.Carrier
import asyncbench.experiment.dotnet.stack.ContextCapture.Context
import asyncbench.experiment.dotnet.stack.ContextCapture.Request
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
 * suspension), or carried as an element of the coroutine's context. Saving and restoring is the plain
 * code's, around each call; a coroutine context element is immutable for a callee, so its restore only
 * compares.
 */
class CoroutineContextChain internal constructor(
    private val runtime: CoroutineRuntime,
    private val depth: Int,
    private val yields: Int,
    private val context: Context,
    private val carrier: Carrier,
    private val tally: Tally,
) {
    private class RequestElement(val request: Request) : AbstractCoroutineContextElement(Key) {
        companion object Key : CoroutineContext.Key<RequestElement>
    }

    fun start(): CompletableFuture<Void> = CoroutineDriver.start(runtime) {
        var id = 0L
        while (tally.more()) {
            val request = Request(++id)
            tally.sink += when (context) {
                Context.NONE -> frame(depth - 1) + request.id
                Context.READ -> carried(request) { read(depth - 1, it) }
                Context.SAVE_RESTORE -> carried(request) { saveRestore(depth - 1, it) + current(it).id }
            }
            tally.next()
        }
    }

    /** Runs [chain] with [request] made current the carrier's way; a parameter is given to it, else null. */
    private suspend fun carried(request: Request, chain: suspend (Request?) -> Long): Long = when (carrier) {
        Carrier.PARAMETER -> chain(request)
        Carrier.THREAD_LOCAL, Carrier.INHERITABLE_THREAD_LOCAL ->
            withContext(carrier.local().asContextElement(request)) { chain(null) }
        Carrier.COROUTINE_CONTEXT -> withContext(RequestElement(request)) { chain(null) }
        Carrier.SCOPED_VALUE -> throw IllegalArgumentException("a scoped value cannot stay bound across a suspension")
    }

    private suspend fun leaf() {
        repeat(yields) {
            tally.suspensions++
            runtime.yieldNow()
        }
    }

    private suspend fun frame(level: Int): Long {
        if (level == 0) {
            leaf()
            return 0
        }
        return frame(level - 1)
    }

    private suspend fun read(level: Int, passed: Request?): Long {
        if (level == 0) {
            leaf()
            return current(passed).id
        }
        val below = read(level - 1, passed)
        return below + current(passed).id
    }

    private suspend fun saveRestore(level: Int, passed: Request?): Long {
        val saved = current(passed)
        tally.saves++
        try {
            if (level == 0) {
                leaf()
                carrier.change(tally)
                return 0
            }
            return saveRestore(level - 1, passed)
        } finally {
            if (carrier == Carrier.COROUTINE_CONTEXT) {
                check(current(passed) === saved) { "a callee changed its caller's coroutine context" }
            } else {
                carrier.restore(saved)
            }
        }
    }

    private suspend fun current(passed: Request?): Request = when (carrier) {
        Carrier.PARAMETER -> passed!!
        Carrier.THREAD_LOCAL, Carrier.INHERITABLE_THREAD_LOCAL -> carrier.local().get()
        Carrier.COROUTINE_CONTEXT -> coroutineContext[RequestElement]!!.request
        Carrier.SCOPED_VALUE -> throw IllegalArgumentException("a scoped value cannot stay bound across a suspension")
    }
}
