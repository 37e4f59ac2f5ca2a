package asyncbench.experiment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parameter of an experiment: one lowerCamel name used on the command line, in JSON, CSV and charts,
 * the values each profile sweeps, and the range a value must lie in.
 */
public record Param(String name, String description, Map<Profile, List<Long>> values, long min, long max) {

    /** A count: at least 1. */
    public static Param of(String name, String description, List<Long> smoke, List<Long> quick, List<Long> full) {
        return of(name, description, 1, Long.MAX_VALUE, smoke, quick, full);
    }

    public static Param of(String name, String description, long min, long max,
            List<Long> smoke, List<Long> quick, List<Long> full) {
        Map<Profile, List<Long>> values = new EnumMap<>(Profile.class);
        values.put(Profile.SMOKE, List.copyOf(smoke));
        values.put(Profile.QUICK, List.copyOf(quick));
        values.put(Profile.FULL, List.copyOf(full));
        return new Param(name, description, Map.copyOf(values), min, max);
    }

    /** The rule a value breaks, if it breaks one. */
    public Optional<String> check(long value) {
        if (value < min || value > max) {
            return Optional.of("parameter '" + name + "' must be "
                    + (max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max) + ", was " + value);
        }
        return Optional.empty();
    }

    public List<Long> values(Profile profile) {
        return values.get(profile);
    }

    /** Powers of two from 2^from to 2^to inclusive. */
    public static List<Long> powersOfTwo(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(e -> 1L << e).toList();
    }
}
