package asyncbench.coroutine

import kotlin.coroutines.Continuation
import kotlin.coroutines.EmptyCoroutineContext
import kotlin.coroutines.intrinsics.COROUTINE_SUSPENDED
import kotlin.coroutines.intrinsics.createCoroutineUnintercepted
import kotlin.coroutines.intrinsics.suspendCoroutineUninterceptedOrReturn
import kotlin.coroutines.resume
import kotlin.coroutines.startCoroutine

/**
 * The smallest executor that runs suspend functions: the compiler's state machines, the
 * `kotlin.coroutines` intrinsics, and a queue. No dispatcher, no job, no cancellation.
 *
 * Outside a loop a resumption runs inline, on the thread that resumes (as a CompletableFuture's
 * completer runs its continuation); inside [runLoop] it is queued and the loop resumes it, as the
 * Rust original's minimal executor queues a woken task. A wait keeps the coroutine's own continuation,
 * so waiting and waking allocate nothing; only a suspend call's first suspension allocates its frame.
 */
class MinimalRuntime : CoroutineRuntime() {
    /** Coroutines ready to run on the loop; reused from loop to loop. */
    private val ready = ArrayDeque<Continuation<Unit>>()
    /** Whether a loop is running; read and written only by the loop's thread, read by resumers. */
    private var looping = false

    private val completion = object : Continuation<Unit> {
        override val context = EmptyCoroutineContext
        override fun resumeWith(result: Result<Unit>) {
            result.exceptionOrNull()?.let { failed(it) }
        }
    }

    override fun launch(block: suspend () -> Unit) {
        if (looping) {
            ready.addLast(block.createCoroutineUnintercepted(completion))
        } else {
            block.startCoroutine(completion)
        }
    }

    // The continuation is kept before the suspension returns: the waker may resume it on another thread
    // while this one unwinds, which is safe because the compiler saves a frame's state before the call.
    override suspend fun await(w: Waitable) = suspendCoroutineUninterceptedOrReturn<Unit> { c ->
        if (w.subscribe(c)) COROUTINE_SUSPENDED else Unit
    }

    override val dispatches = false

    override fun resume(c: Continuation<Unit>) {
        if (looping) {
            ready.addLast(c)
        } else {
            c.resume(Unit)
        }
    }

    override suspend fun yieldNow() = suspendCoroutineUninterceptedOrReturn<Unit> { c ->
        check(looping) { "yield outside a loop" }
        ready.addLast(c)
        COROUTINE_SUSPENDED
    }

    override fun <T> runLoop(main: suspend () -> T): T {
        check(!looping) { "a loop is running already" }
        var outcome: Result<T>? = null
        looping = true
        try {
            main.startCoroutine(Continuation(EmptyCoroutineContext) { outcome = it })
            while (true) {
                val c = ready.removeFirstOrNull() ?: break
                c.resume(Unit)
            }
        } finally {
            looping = false
            ready.clear()
        }
        failure()?.let { throw IllegalStateException("a coroutine failed", it) }
        return checkNotNull(outcome) { "the loop ran out of ready coroutines before main finished" }.getOrThrow()
    }

    override fun close() {
        // nothing runs unless a caller runs it
    }
}
