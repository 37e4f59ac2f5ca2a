package asyncbench.server;

import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one server until told to stop, printing where it listens and, at the end, how many requests it
 * answered. The lab runs it as a process of its own ({@link #main}), stopped by the end of its standard
 * input, so that a server never outlives the cell that started it, even when that cell is killed.
 */
public final class Serve {
    /** The line that says where the server listens; the port follows it. */
    public static final String LISTENING = "listening on port ";
    /** The line printed at the end; the count follows it. */
    public static final String SERVED = "served ";

    private Serve() {
    }

    /**
     * Starts {@code server} under {@code model} on {@code host}:{@code port}, prints {@link #LISTENING}
     * with the port, waits until {@code until} is released, stops it and prints {@link #SERVED} with
     * the count of requests it answered.
     */
    public static long run(Server server, Model model, String host, int port, PrintStream out, CountDownLatch until)
            throws Exception {
        Endpoint endpoint = new Endpoint();
        try (ModelRuntime runtime = model.open();
                RunningServer running = server.start(model, runtime, new InetSocketAddress(InetAddress.getByName(host), port), endpoint)) {
            out.println(LISTENING + running.port() + " (http://" + host + ":" + running.port() + Endpoint.PATH + ", "
                    + server.id() + " on " + model.id() + ": " + server.description() + ")");
            out.flush();
            until.await();
        }
        out.println(SERVED + endpoint.served());
        out.flush();
        return endpoint.served();
    }

    /** The lab's server process: {@code server model}; it listens on a free loopback port until its standard input ends. */
    public static void main(String[] args) throws Exception {
        Server server = Server.byId(args[0]).orElseThrow(() -> new IllegalArgumentException("no server " + args[0]));
        Model model = Model.byId(args[1]).orElseThrow(() -> new IllegalArgumentException("no model " + args[1]));
        CountDownLatch stdinEnds = new CountDownLatch(1);
        Thread.ofPlatform().daemon().name("stdin-watch").start(() -> {
            waitForEnd(System.in);
            stdinEnds.countDown();
        });
        run(server, model, InetAddress.getLoopbackAddress().getHostAddress(), 0, System.out, stdinEnds);
        System.exit(0);
    }

    private static void waitForEnd(InputStream in) {
        try {
            while (in.read() >= 0) {
                // anything written is ignored: the end of the stream is the signal
            }
        } catch (IOException e) {
            // a broken pipe ends it as well
        }
    }
}
