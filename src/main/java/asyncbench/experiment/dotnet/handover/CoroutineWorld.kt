package asyncbench.experiment.dotnet.handover

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.coroutine.Waitable
import kotlin.coroutines.Continuation

/**
 * Two coroutines on one loop hand a turn back and forth, each suspended at the bottom of a chain of
 * [depthFrames] suspend calls: a round trip is two suspensions and two resumptions through the
 * runtime's queue. A loop ends when its coroutines do, so each batch launches the pair again and
 * builds their chains (depthFrames calls, against 2 x [World.BATCH] suspensions).
 */
class CoroutineWorld internal constructor(private val runtime: CoroutineRuntime, private val depthFrames: Int) : World {
    private val ping = Player()
    private val pong = Player()
    private var resumes = 0L

    private class Player : Waitable {
        var parked: Continuation<Unit>? = null

        override fun subscribe(c: Continuation<Unit>): Boolean {
            parked = c
            return true
        }
    }

    override fun batch(): Long {
        val before = resumes
        runtime.runLoop {
            runtime.launch { descend(depthFrames) { play(pong, ping, serving = false) } }
            runtime.launch { descend(depthFrames) { play(ping, pong, serving = true) } }
        }
        return resumes - before
    }

    /** The server passes the turn, then waits for it back; the other waits, then passes it back. */
    private suspend fun play(me: Player, other: Player, serving: Boolean) {
        repeat(World.BATCH) {
            if (serving) {
                pass(other)
            }
            runtime.await(me)
            resumes++
            if (!serving) {
                pass(other)
            }
        }
    }

    private fun pass(to: Player) {
        val c = checkNotNull(to.parked) { "the other coroutine is not waiting for its turn" }
        to.parked = null
        runtime.resume(c)
    }

    /** Runs [bottom] [depth] suspend frames below the caller; the addition keeps every frame alive. */
    private suspend fun descend(depth: Int, bottom: suspend () -> Unit): Long {
        if (depth <= 1) {
            bottom()
            return 1
        }
        return descend(depth - 1, bottom) + depth
    }

    override fun close() {
        // the coroutines end with each batch
    }
}
