package asyncbench.server;

/** A server listening on loopback until closed. */
public interface RunningServer extends AutoCloseable {
    /** The port it listens on. */
    int port();

    /** Stops accepting and closes its connections and threads. */
    @Override
    void close();
}
