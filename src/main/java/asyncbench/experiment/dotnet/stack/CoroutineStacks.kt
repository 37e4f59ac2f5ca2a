package asyncbench.experiment.dotnet.stack

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.coroutine.Waitable
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicLong
import kotlin.coroutines.Continuation

/**
 * One coroutine per task, launched on the runtime and suspended at its leaf on a shared gate: each
 * suspend call's state machine object holds its twelve boxes (or, lean, its one int) and level in fields.
 */
class CoroutineStacks(
    private val runtime: CoroutineRuntime,
    private val tasks: Int,
    private val depth: Int,
    private val lean: Boolean,
) : Stacks {
    private val waiting = ConcurrentLinkedQueue<Continuation<Unit>>()
    private val arrived = AtomicInteger()
    private val checked = AtomicLong()
    private val finished = CountDownLatch(tasks)
    private val gate = Waitable { c ->
        waiting.add(c)
        arrived.incrementAndGet()
        true
    }

    override fun suspendAll() {
        repeat(tasks) {
            runtime.launch {
                try {
                    checked.addAndGet(if (lean) leanFrame(depth) else frame(depth))
                } finally {
                    finished.countDown()
                }
            }
        }
        val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS)
        while (arrived.get() < tasks) {
            check(runtime.failure() == null && System.nanoTime() < deadline) { "a task did not reach its leaf" }
            Thread.sleep(1)
        }
    }

    override fun resumeAll(): Long {
        while (true) {
            runtime.resume(waiting.poll() ?: break)
        }
        check(finished.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) { "a task did not finish after the gate opened" }
        runtime.failure()?.let { throw IllegalStateException("a task failed", it) }
        return checked.get()
    }

    private suspend fun frame(level: Int): Long {
        val o1 = Box(level)
        val o2 = Box(level)
        val o3 = Box(level)
        val o4 = Box(level)
        val o5 = Box(level)
        val o6 = Box(level)
        val o7 = Box(level)
        val o8 = Box(level)
        val o9 = Box(level)
        val o10 = Box(level)
        val o11 = Box(level)
        val o12 = Box(level)
        if (level == 0) {
            runtime.await(gate)
            return 0
        }
        val below = frame(level - 1)
        return below + Box.check(level, o1, o2, o3, o4, o5, o6, o7, o8, o9, o10, o11, o12)
    }

    private suspend fun leanFrame(level: Int): Long {
        val mine = Box.lean(level)
        if (level == 0) {
            runtime.await(gate)
            return 0
        }
        val below = leanFrame(level - 1)
        return below + Box.checkLean(level, mine)
    }

    private companion object {
        const val TIMEOUT_SECONDS = 120L
    }
}
