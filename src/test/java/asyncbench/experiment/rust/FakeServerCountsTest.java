package asyncbench.experiment.rust;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;

import asyncbench.model.Model;
import asyncbench.model.ModelRuntime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every server makes exactly the original's I/O calls, with and without real syscalls. */
class FakeServerCountsTest {
    private final FakeServer experiment = new FakeServer();

    static Stream<Arguments> cells() {
        return new FakeServer().spec().jvmModels().stream().flatMap(m -> Stream.of(1L, 2L, 32L, 256L, 1000L)
                .flatMap(n -> Stream.of(Arguments.of(m, n, 0L), Arguments.of(m, n, 1L))));
    }

    @ParameterizedTest(name = "{0} connections={1} syscallsPerCall={2}")
    @MethodSource("cells")
    void countsMatchTheOriginal(Model model, long connections, long syscalls) throws Exception {
        Map<String, Long> counts = experiment.countOnce(model,
                Point.of(Map.of(FakeServer.CONNECTIONS, connections, FakeServer.SYSCALLS, syscalls)));
        assertEquals(IoCounts.expected(connections).asMap(), counts);
    }

    @Test
    void theOriginalsLineFor256() {
        assertEquals("register=257 unregister=257 poll=258 accept=512 read=512 write=512",
                IoCounts.expected(256).toString());
    }

    /** A world is built once and run many times, as the benchmark does. */
    @ParameterizedTest
    @MethodSource("models")
    void repeatedRunsKeepTheirCounts(Model model) {
        try (ModelRuntime runtime = model.open(); FakeIo io = new FakeIo(32, 0)) {
            Server server = Server.of(runtime, io);
            for (int run = 0; run < 50; run++) {
                io.reset();
                server.serve();
                assertEquals(IoCounts.expected(32), io.stats.counts(), "run " + run);
            }
        }
    }

    static Stream<Model> models() {
        return new FakeServer().spec().jvmModels().stream();
    }
}
