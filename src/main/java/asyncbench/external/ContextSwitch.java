package asyncbench.external;

import asyncbench.experiment.Measurement;
import asyncbench.experiment.Outcome;
import asyncbench.result.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A program of jimblandy/context-switch, run as written: its options from the point ({@code --threads},
 * {@code --tasks}), its own warm-up, and as many repetitions ({@code --iters}) as the profile's measured
 * time holds, found by a first short invocation, at most the program's default. Programs that take no
 * options (one-thread-brigade, async-mem-brigade) run their fixed repetitions. The figures are the
 * program's own means; {@code figures} names them as the experiment's metrics.
 */
public record ContextSwitch(String program, List<String> options, long defaultIterations, boolean takesIterations,
        Function<List<Timing>, Map<String, Metric>> figures, Map<String, Long> told) implements Original {
    /** Repetitions of the short invocation that times one. */
    static final long PROBE_ITERATIONS = 10;

    /** A program with options, whose repetitions the lab sets. */
    public static ContextSwitch withOptions(String program, List<String> options, long defaultIterations,
            Function<List<Timing>, Map<String, Metric>> figures, Map<String, Long> told) {
        return new ContextSwitch(program, options, defaultIterations, true, figures, told);
    }

    /** A program of fixed sizes and repetitions. */
    public static ContextSwitch fixed(String program, long iterations, Function<List<Timing>, Map<String, Metric>> figures,
            Map<String, Long> told) {
        return new ContextSwitch(program, List.of(), iterations, false, figures, told);
    }

    @Override
    public Outcome run(Measurement measurement) throws Exception {
        long iterations = defaultIterations;
        if (takesIterations) {
            List<Timing> probe = invoke(PROBE_ITERATIONS);
            double measured = measurement.iterations() * measurement.iteration().toNanos() / 1e9;
            iterations = Math.clamp((long) Math.ceil(measured / probe.getFirst().meanSeconds()), PROBE_ITERATIONS, defaultIterations);
        }
        List<Timing> timings = invoke(iterations);
        Map<String, Long> counters = new LinkedHashMap<>(told);
        counters.put("programIterations", iterations);
        return new Outcome(figures.apply(timings), counters);
    }

    private List<Timing> invoke(long iterations) throws Exception {
        List<String> args = new ArrayList<>(options);
        if (takesIterations) {
            args.addAll(List.of("--iters", String.valueOf(iterations)));
        }
        String output = Programs.run(Anchors.program(program), args, Map.of());
        List<Timing> timings = Timing.parse(output, iterations);
        if (timings.isEmpty()) {
            throw new IllegalStateException(program + " printed no \"mean ..., stddev ...\" line: " + output.strip());
        }
        return timings;
    }
}
