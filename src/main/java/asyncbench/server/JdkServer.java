package asyncbench.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's built-in {@code com.sun.net.httpserver.HttpServer}: one dispatcher thread reads requests
 * off a selector and hands each exchange to an executor, here a fixed pool of platform threads or a
 * virtual thread per exchange.
 */
final class JdkServer implements RunningServer {
    private final HttpServer server;
    private final ExecutorService executor;

    JdkServer(InetSocketAddress address, int backlog, ExecutorService executor, Endpoint endpoint) throws IOException {
        this.executor = executor;
        server = HttpServer.create(address, backlog);
        server.createContext(Endpoint.PATH, exchange -> answer(exchange, endpoint));
        server.setExecutor(executor);
        server.start();
    }

    private static void answer(HttpExchange exchange, Endpoint endpoint) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            byte[] body = endpoint.respond();
            exchange.getResponseHeaders().set("Content-Type", Endpoint.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
