package asyncbench.experiment;

import asyncbench.result.Point;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.model.Model;
import asyncbench.catalog.Catalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.opentest4j.AssertionFailedError;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every experiment of the catalog, under every model it supports, at its smallest point, does the
 * same work: identical counters, each above zero. A new experiment or model is covered as it is.
 */
class ConformanceTest {
    static Stream<Experiment> experiments() {
        return new Catalog.BuiltIn().experiments().stream();
    }

    /** Each parameter at the smallest value any profile gives it. */
    static Point smallestPoint(Experiment e) {
        Point point = Point.EMPTY;
        for (Param p : e.spec().params()) {
            point = point.with(p.name(), p.values().values().stream().flatMap(List::stream).min(p::compare).orElseThrow());
        }
        return point;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experiments")
    void everyModelDoesTheSameWork(Experiment experiment) throws Exception {
        conforms(experiment);
    }

    /** An experiment defined here, whose virtual-thread version skips one unit of work at every point. */
    @Test
    void aModelThatSkipsWorkFailsConformance() {
        Experiment skipping = new Experiment() {
            @Override
            public Spec spec() {
                return Spec.of("skipping", "one model does less", new Origin("none", "none"), List.of(asyncbench.model.Style.THREADS),
                        List.of(Param.of("n", "units of work", List.of(3L), List.of(3L), List.of(3L))), new Headline("score", true));
            }

            @Override
            public long heapMegabytes(Model model, Point point) {
                return 64;
            }

            @Override
            public Map<String, Long> countOnce(Model model, Point point) {
                long n = point.count("n");
                return Map.of("units", model == Model.VIRTUAL ? n - 1 : n);
            }

            @Override
            public Outcome run(Model model, Point point, Measurement measurement, Probe probe) {
                throw new UnsupportedOperationException();
            }
        };
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> conforms(skipping));
        assertTrue(failure.getMessage().contains("virtual against platform"), failure.getMessage());
    }

    static void conforms(Experiment experiment) throws Exception {
        Point point = smallestPoint(experiment);
        Map<Model, Map<String, Long>> byModel = new LinkedHashMap<>();
        for (Model model : experiment.spec().jvmModels()) {
            if (experiment.points(model, List.of(point)).isEmpty()) {
                continue; // a model that does not run at this point (a server it has no version of)
            }
            try {
                byModel.put(model, experiment.countOnce(model, point));
            } catch (LimitReachedException limit) {
                // a model that meets a limit here (a starved request) did no comparable work; the rest must agree
            }
        }
        assertTrue(byModel.size() >= 2, experiment.name() + ": at least two models do the work at " + point);
        Model first = experiment.spec().jvmModels().getFirst();
        Map<String, Long> expected = byModel.get(first);
        assertFalse(expected.isEmpty(), experiment.name() + " counts some work");
        expected.forEach((name, value) -> assertTrue(value > 0, first + " counted no " + name + " at " + point));
        byModel.forEach((model, counts) -> assertEquals(expected, counts,
                experiment.name() + " at " + point + ": " + model + " against " + first));
    }
}
