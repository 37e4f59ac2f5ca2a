package asyncbench.experiment.forum.brigade

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.coroutine.Waitable
import asyncbench.experiment.loop.CoroutineDriver
import asyncbench.experiment.loop.Tally
import java.util.concurrent.CompletableFuture
import kotlin.coroutines.Continuation

/**
 * The brigade as Kotlin suspend functions in the runtime's single-thread loop: the same task and driver
 * as the plain code, a take suspending until the token may be there. Over pipes a poller coroutine
 * polls the reactor between the others, blocking in the poll only when every other coroutine waits for
 * a pipe; in memory a put resumes the taker.
 */
internal object CoroutineBrigade {
    @JvmStatic
    fun start(runtime: CoroutineRuntime, crew: Crew, tally: Tally, reactor: Reactor?): CompletableFuture<Void> =
        CoroutineDriver.start(runtime) {
            reactor?.attach()
            var live = crew.tasks() + 1
            var finished = false
            for (k in 0 until crew.tasks()) {
                runtime.launch {
                    task(crew, k, Taker(runtime))
                    live--
                }
            }
            if (reactor != null) {
                runtime.launch {
                    while (!finished) {
                        reactor.poll(reactor.armed() == live)
                        runtime.yieldNow()
                    }
                }
            }
            try {
                drive(crew, tally, Taker(runtime))
            } finally {
                finished = true
            }
        }

    private suspend fun task(crew: Crew, k: Int, taker: Taker) {
        val up = crew.upstream(k)
        val down = crew.downstream(k)
        while (true) {
            val token = taker.take(up)
            if (token == Link.EOF) {
                down.send(Link.EOF)
                return
            }
            down.send(crew.pass(k, token))
        }
    }

    private suspend fun drive(crew: Crew, tally: Tally, taker: Taker) {
        while (tally.more()) {
            for (c in 0 until crew.chains()) {
                crew.head(c).send(0)
            }
            for (c in 0 until crew.chains()) {
                crew.arrived(c, taker.take(crew.tail(c)))
            }
            tally.next()
        }
        for (c in 0 until crew.chains()) {
            crew.head(c).send(Link.EOF)
        }
        for (c in 0 until crew.chains()) {
            Crew.requireEnd(c, taker.take(crew.tail(c)))
        }
    }

    /** One coroutine's take, reused for all its takes: waiting and waking allocate nothing of its own. */
    private class Taker(private val runtime: CoroutineRuntime) : Waitable, Runnable {
        private var link: Link? = null
        private var got = Link.NONE
        private var waiter: Continuation<Unit>? = null

        suspend fun take(link: Link): Int {
            this.link = link
            while (true) {
                runtime.await(this)
                if (got != Link.NONE) {
                    return got
                }
            }
        }

        override fun subscribe(c: Continuation<Unit>): Boolean {
            waiter = c
            got = link!!.takeOr(this)
            return got == Link.NONE
        }

        override fun run() {
            runtime.resume(waiter!!)
        }
    }
}
