package asyncbench.server;

import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/** The servers of the lab, each with the models it runs under: one place maps a name to a running server. */
public enum Server {
    JDK("jdk", List.of(Model.PLATFORM, Model.VIRTUAL),
            "the JDK's HttpServer; exchanges on a fixed pool of " + Server.PLATFORM_POOL + " platform threads, or a virtual thread each"),
    SOCKET("socket", List.of(Model.PLATFORM, Model.VIRTUAL),
            "a blocking ServerSocket, one thread per connection (the textbook baseline)"),
    HELIDON("helidon", List.of(Model.VIRTUAL), "Helidon 4 WebServer, built on virtual threads: one per connection"),
    NETTY("netty", List.of(Model.EVENT_LOOP), "Netty 4.2 on native epoll, one event loop per core"),
    KTOR("ktor", List.of(Model.COROUTINE), "Ktor 3 on its Netty engine: a suspend handler per call, coroutines on Netty's event loops");

    /** Exchange threads of the JDK server on platform threads: Tomcat's default maximum. */
    static final int PLATFORM_POOL = 200;
    /** Connections the kernel queues before they are accepted: enough for every connection the lab opens at once. */
    static final int BACKLOG = 4096;

    private final String id;
    private final List<Model> models;
    private final String description;

    Server(String id, List<Model> models, String description) {
        this.id = id;
        this.models = models;
        this.description = description;
    }

    public String id() {
        return id;
    }

    /** The models it runs under, in the lab's order. */
    public List<Model> models() {
        return models;
    }

    public String description() {
        return description;
    }

    /**
     * Starts this server on {@code address} (port 0: any free port) under {@code model}, answering from
     * {@code endpoint}; {@code runtime} is the model's, open for as long as the server runs.
     */
    public RunningServer start(Model model, ModelRuntime runtime, InetSocketAddress address, Endpoint endpoint) throws Exception {
        if (!models.contains(model)) {
            throw new IllegalArgumentException(id + " runs under " + ids(models) + ", not " + model);
        }
        return switch (this) {
            case JDK -> new JdkServer(address, BACKLOG, model.osThreadPerTask()
                    ? Executors.newFixedThreadPool(PLATFORM_POOL, threads(runtime))
                    : Executors.newThreadPerTaskExecutor(threads(runtime)), endpoint);
            case SOCKET -> new SocketServer(address, BACKLOG, threads(runtime), endpoint);
            case HELIDON -> new HelidonServer(address, BACKLOG, endpoint);
            case NETTY -> new NettyServer(address, BACKLOG, Runtime.getRuntime().availableProcessors(), endpoint);
            case KTOR -> new KtorServer(address, endpoint);
        };
    }

    /** The thread factory of a thread model's runtime, for the servers that take one. */
    private ThreadFactory threads(ModelRuntime runtime) {
        return switch (runtime) {
            case ModelRuntime.Threads t -> t.factory();
            case ModelRuntime.Continuations _, ModelRuntime.Callback _, ModelRuntime.EventLoop _, ModelRuntime.TaskExecutor _,
                    ModelRuntime.Coroutines _ -> throw new IllegalArgumentException(id + " takes threads, not " + runtime.style());
        };
    }

    public static Optional<Server> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Server::id).toList();
    }

    static String ids(List<Model> models) {
        return String.join(", ", models.stream().map(Model::id).toList());
    }
}
