package asyncbench.coroutine

import kotlin.coroutines.Continuation
import kotlin.coroutines.resume
import kotlinx.coroutines.CoroutineExceptionHandler
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.yield

/**
 * kotlinx.coroutines as people use it: coroutines launched from outside a loop run on
 * `Dispatchers.Default` (one thread per core) in a scope this runtime owns and cancels on close; a
 * loop is `runBlocking`'s event loop. A wait is a `suspendCancellableCoroutine`; a resumption is
 * dispatched to the coroutine's dispatcher, never run inline.
 */
class KotlinxRuntime : CoroutineRuntime() {
    private val scope = CoroutineScope(
        SupervisorJob() + Dispatchers.Default + CoroutineExceptionHandler { _, e -> failed(e) })

    /** The running loop's scope; touched only by the loop's thread. */
    private var loop: CoroutineScope? = null

    override fun launch(block: suspend () -> Unit) {
        (loop ?: scope).launch { block() }
    }

    override suspend fun await(w: Waitable) = suspendCancellableCoroutine<Unit> { c ->
        if (!w.subscribe(c)) {
            c.resume(Unit)
        }
    }

    override fun resume(c: Continuation<Unit>) = c.resume(Unit)

    override val dispatches = true

    override suspend fun yieldNow() = yield()

    override fun <T> runLoop(main: suspend () -> T): T {
        check(loop == null) { "a loop is running already" }
        try {
            return runBlocking {
                loop = this
                main()
            }
        } finally {
            loop = null
        }
    }

    override fun close() = scope.cancel()
}
