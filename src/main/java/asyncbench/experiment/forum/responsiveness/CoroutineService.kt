package asyncbench.experiment.forum.responsiveness

import asyncbench.coroutine.CoroutineRuntime
import java.util.concurrent.CompletableFuture

/** Coroutines launched on the runtime (kotlinx: Dispatchers.Default): a job yields between slices, a request is a coroutine. */
internal class CoroutineService(shape: Services.Shape, private val runtime: CoroutineRuntime) : Services.Base(shape) {
    override fun startJob() {
        runtime.launch {
            val job = newJob()
            while (!job.runSlice()) {
                job.yielded()
                runtime.yieldNow()
            }
            jobEnded(job)
        }
    }

    override fun handle(n: Long): CompletableFuture<Long> {
        val answer = CompletableFuture<Long>()
        runtime.launch { answer.complete(Service.answer(n)) }
        return answer
    }

    companion object {
        @JvmStatic
        fun create(shape: Services.Shape, runtime: CoroutineRuntime): Services.Base = CoroutineService(shape, runtime)
    }
}
