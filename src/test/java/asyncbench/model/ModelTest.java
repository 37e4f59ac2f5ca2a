package asyncbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelTest {
    @ParameterizedTest
    @EnumSource(value = Model.class, names = "RUST_.*", mode = EnumSource.Mode.MATCH_NONE)
    void opensARuntimeOfItsStyle(Model model) {
        try (ModelRuntime runtime = model.open()) {
            assertEquals(model.style(), runtime.style());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Model.class, names = "RUST_.*", mode = EnumSource.Mode.MATCH_ALL)
    void anOriginalIsAProgramOutsideTheJvmWithNoRuntimeHere(Model model) {
        assertTrue(model.external());
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, model::open);
        assertTrue(e.getMessage().contains("outside the JVM"), e.getMessage());
    }

    @Test
    void futurePoolCompletesOnItsOwnPoolAndShutsItDown() {
        ModelRuntime.Callback runtime = (ModelRuntime.Callback) Model.FUTURE_POOL.open();
        Thread caller = Thread.currentThread();
        Thread ranOn = CompletableFuture.supplyAsync(Thread::currentThread, runtime.completer()).join();
        assertTrue(ranOn != caller, "a pool thread ran the completion");
        runtime.close();
        assertTrue(runtime.pool().isTerminated(), "closing the runtime shut its pool down");
    }

    @Test
    void modelsFollowTheOrderOfTheStylesGiven() {
        assertEquals(java.util.List.of(Model.EVENT_LOOP, Model.COROUTINE, Model.SUSPEND),
                Model.of(java.util.List.of(Style.EVENT_LOOP, Style.COROUTINES)));
    }
}
