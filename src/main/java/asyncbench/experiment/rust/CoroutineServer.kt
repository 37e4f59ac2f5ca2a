package asyncbench.experiment.rust

import asyncbench.coroutine.CoroutineRuntime
import asyncbench.coroutine.Waitable
import kotlin.coroutines.Continuation

/**
 * The server as Kotlin suspend functions, like the original's async/await server: `accept`, `read`
 * and `write` are suspend calls that try the fake call and, when it would block, register interest
 * and suspend until a poll reports the object ready. The poller is a coroutine on the same loop; it
 * polls only once every spawned or woken coroutine has run to its next suspension (the original's
 * executor calls its reactor between task polls in the same way).
 */
class CoroutineServer internal constructor(private val io: FakeIo, private val runtime: CoroutineRuntime) : Server {
    private val waiters = KeyWaiters<Continuation<Unit>>(io)
    /** One waitable per poll key, built once: waiting allocates nothing of its own. */
    private val keys = Array(io.connections + 1) { key -> Waitable { c -> waiters.park(key, c); true } }
    private val events = Poll.Events(io.connections + 1)
    private var live = 0
    /** Coroutines spawned or woken that have not yet run to their next suspension. */
    private var ready = 0

    override fun serve() = runtime.runLoop {
        spawn { listen() }
        while (true) {
            while (ready > 0) {
                runtime.yieldNow()
            }
            if (live == 0) {
                break
            }
            io.poll.poll(events)
            for (i in 0 until events.size) {
                val c = waiters.take(events.keys[i]) ?: continue
                ready++
                runtime.resume(c)
            }
        }
    }

    // inline, so that a spawn makes one coroutine and a wait no frame of its own: only accept, read,
    // write and the handlers are suspend frames

    private inline fun spawn(crossinline handler: suspend () -> Unit) {
        live++
        ready++
        runtime.launch {
            ready--
            handler()
            live--
        }
    }

    private suspend inline fun awaitReady(e: Evented) {
        runtime.await(keys[e.key])
        ready--
    }

    private suspend fun accept(): FakeStream {
        while (true) {
            io.listener.accept()?.let { return it }
            awaitReady(io.listener)
        }
    }

    private suspend fun read(stream: FakeStream, buf: ByteArray, offset: Int): Int {
        while (true) {
            val n = stream.read(buf, offset)
            if (n != FakeStream.WOULD_BLOCK) {
                return n
            }
            awaitReady(stream)
        }
    }

    private suspend fun write(stream: FakeStream, buf: ByteArray, offset: Int, length: Int): Int {
        while (true) {
            val n = stream.write(buf, offset, length)
            if (n != FakeStream.WOULD_BLOCK) {
                return n
            }
            awaitReady(stream)
        }
    }

    private suspend fun listen() {
        io.poll.register(io.listener, Evented.READABLE)
        repeat(io.connections) {
            val stream = accept()
            io.poll.register(stream, Evented.READABLE or Evented.WRITABLE)
            spawn { connection(stream) }
        }
        io.poll.unregister(io.listener)
    }

    private suspend fun connection(stream: FakeStream) {
        val buf = io.buffer(stream.key)
        var length = 0
        while (!FakeStream.hasLine(buf, length)) {
            length += read(stream, buf, length)
        }
        var sent = 0
        while (sent < length) {
            sent += write(stream, buf, sent, length - sent)
        }
        io.poll.unregister(stream)
    }
}
