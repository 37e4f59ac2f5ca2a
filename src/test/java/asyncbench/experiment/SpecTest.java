package asyncbench.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.catalog.Catalog;
import asyncbench.model.Model;
import asyncbench.model.Style;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecTest {
    private static final Spec CHAIN = Spec.of("chain", "a test spec", new Origin("none", "none"),
            List.of(Style.CALLBACK, Style.THREADS), List.of(), new Headline("score", true));

    @Test
    void aSpecRunsUnderEveryModelOfItsStylesInStyleOrderUnlessNarrowed() {
        assertEquals(Model.of(List.of(Style.CALLBACK, Style.THREADS)), CHAIN.models());
        assertEquals(Model.FUTURE, CHAIN.models().getFirst());
        List<Model> without = CHAIN.without(Model.FUTURE_POOL).models();
        assertTrue(!without.contains(Model.FUTURE_POOL) && without.size() == CHAIN.models().size() - 1);
        assertEquals(List.of(Model.FUTURE, Model.PLATFORM), CHAIN.withOnly(Set.of(Model.PLATFORM, Model.FUTURE)).models());
    }

    @Test
    void aModelOfNoneOfItsStylesOrNoModelAtAllIsRefusedWhenTheSpecIsBuilt() {
        assertThrows(IllegalArgumentException.class, () -> CHAIN.withModels(List.of(Model.COROUTINE)));
        assertThrows(IllegalArgumentException.class, () -> CHAIN.withModels(List.of()));
    }

    @Test
    void theNarrowingsKeepWhatWasSetBefore() {
        Spec spec = CHAIN.withRatio(new Ratio("outcome", "throw", "return")).without(Model.FUTURE_POOL)
                .withCharts(List.of(Chart.against("t", "n", "score", "u", true, false)));
        assertTrue(spec.ratio().isPresent());
        assertEquals(1, spec.charts().size());
        assertTrue(!spec.models().contains(Model.FUTURE_POOL));
    }

    @Test
    void everyBuiltInExperimentHasItsOwnNameAndRunsOnlyModelsOfItsStyles() {
        List<Experiment> all = new Catalog.BuiltIn().experiments();
        assertEquals(all.size(), all.stream().map(e -> e.spec().name()).distinct().count());
        for (Experiment e : all) {
            assertTrue(Model.of(e.spec().styles()).containsAll(e.spec().models()), e.name());
        }
    }
}
