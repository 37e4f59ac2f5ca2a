package asyncbench.server;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;
import java.net.InetSocketAddress;

/** Helidon 4's WebServer ("Níma"): built on virtual threads, a virtual thread per connection, blocking handlers. */
final class HelidonServer implements RunningServer {
    private final WebServer server;

    HelidonServer(InetSocketAddress address, int backlog, Endpoint endpoint) {
        server = WebServer.builder()
                .address(address.getAddress())
                .port(address.getPort())
                .backlog(backlog)
                .shutdownHook(false)
                .routing(routing -> routing.get(Endpoint.PATH, (req, res) -> {
                    res.header(HeaderValues.CONTENT_TYPE_JSON);
                    res.send(endpoint.respond());
                }))
                .build()
                .start();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
    }
}
