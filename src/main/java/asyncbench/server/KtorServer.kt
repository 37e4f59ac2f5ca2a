package asyncbench.server

import io.ktor.http.ContentType
import io.ktor.server.engine.EmbeddedServer
import io.ktor.server.engine.embeddedServer
import io.ktor.server.netty.Netty
import io.ktor.server.netty.NettyApplicationEngine
import io.ktor.server.response.respondBytes
import io.ktor.server.routing.get
import io.ktor.server.routing.routing
import java.net.InetSocketAddress
import kotlinx.coroutines.runBlocking

/**
 * Ktor 3 on its Netty engine: each call handled by a `suspend` handler, a coroutine on Ktor's
 * dispatcher over Netty's event loops (the compiler's state machines, as in C# and Rust).
 */
internal class KtorServer(address: InetSocketAddress, endpoint: Endpoint) : RunningServer {
    private val server: EmbeddedServer<NettyApplicationEngine, NettyApplicationEngine.Configuration> =
        embeddedServer(Netty, port = address.port, host = address.address.hostAddress) {
            routing {
                get(Endpoint.PATH) {
                    call.respondBytes(endpoint.respond(), ContentType.Application.Json)
                }
            }
        }.start(wait = false)

    private val port: Int = runBlocking { server.engine.resolvedConnectors().first().port }

    override fun port(): Int = port

    override fun close() {
        server.stop(0, 2_000)
    }
}
