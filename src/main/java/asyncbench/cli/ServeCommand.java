package asyncbench.cli;

import asyncbench.server.Serve;
import asyncbench.server.Server;
import asyncbench.model.Model;
import asyncbench.catalog.UsageException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs one of the server experiment's servers until Ctrl-C, so that load can come from elsewhere (./asyncbench load, wrk, k6): GET /json answers {\"message\":\"Hello, World!\"}.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--server", required = true, description = "jdk, socket, helidon, netty or ktor")
    String server;

    @Option(names = "--model", description = "the model it runs under (default: the first it is built for): jdk and socket take platform or virtual")
    String model;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "the address it listens on (default: ${DEFAULT-VALUE}, loopback only)")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "the port (default: ${DEFAULT-VALUE}; 0 for any free port)")
    int port;

    @Override
    public Integer call() throws Exception {
        Server chosen = Server.byId(server).orElseThrow(() ->
                new UsageException("no server '" + server + "'; the servers are " + String.join(", ", Server.ids())));
        Model m = model == null ? chosen.models().getFirst() : Model.byId(model).filter(chosen.models()::contains).orElseThrow(() ->
                new UsageException(chosen.id() + " runs under " + String.join(", ", chosen.models().stream().map(Model::id).toList())
                        + ", not '" + model + "'"));
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be between 0 and 65535, was " + port);
        }
        checkFree(host, port);
        CountDownLatch interrupted = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            interrupted.countDown();
            try {
                main.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            Serve.run(chosen, m, host, port, System.out, interrupted);
        } catch (java.net.BindException e) {
            throw new UsageException(inUse(host, port));
        }
        return 0;
    }

    /**
     * Refuses, before any server starts (some print pages of their own on a failed bind), an address
     * this machine cannot resolve or a port another process holds.
     */
    static void checkFree(String host, int port) throws UsageException {
        java.net.InetAddress address;
        try {
            address = java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new UsageException("--host '" + host + "' is not an address of this machine: give an address such as 127.0.0.1");
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(address, port));
        } catch (java.io.IOException e) {
            throw new UsageException(e instanceof java.net.BindException && !String.valueOf(e.getMessage()).contains("in use")
                    ? "cannot listen on " + host + ": it is not an address of this machine; give one such as 127.0.0.1"
                    : inUse(host, port));
        }
    }

    private static String inUse(String host, int port) {
        return "port " + port + " on " + host + " is in use by another process: give another --port, or --port 0 for any free one";
    }
}
