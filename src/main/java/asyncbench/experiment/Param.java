package asyncbench.experiment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parameter of an experiment: one lowerCamel name used on the command line, in JSON, CSV and charts,
 * the values each profile sweeps, and the range a value must lie in. A parameter with {@code choices}
 * is a named choice: its values are those names, everywhere (in points, in results, on the command line).
 */
public record Param(String name, String description, Map<Profile, List<Object>> values, long min, long max,
        List<String> choices) {

    public Param {
        choices = List.copyOf(choices);
    }

    /** A count: at least 1. */
    public static Param of(String name, String description, List<Long> smoke, List<Long> quick, List<Long> full) {
        return of(name, description, 1, Long.MAX_VALUE, smoke, quick, full);
    }

    public static Param of(String name, String description, long min, long max,
            List<Long> smoke, List<Long> quick, List<Long> full) {
        return new Param(name, description, byProfile(List.copyOf(smoke), List.copyOf(quick), List.copyOf(full)), min, max,
                List.of());
    }

    /** A named choice among {@code choices}; each profile sweeps the choices it names. */
    public static Param choice(String name, String description, List<String> choices,
            List<String> smoke, List<String> quick, List<String> full) {
        for (List<String> names : List.of(smoke, quick, full)) {
            names.stream().filter(n -> !choices.contains(n)).findFirst().ifPresent(n -> {
                throw new IllegalArgumentException(n + " is not one of " + choices);
            });
        }
        return new Param(name, description, byProfile(List.copyOf(smoke), List.copyOf(quick), List.copyOf(full)), 0,
                choices.size() - 1, choices);
    }

    /** The published protocol sweeps the full grid. */
    private static Map<Profile, List<Object>> byProfile(List<?> smoke, List<?> quick, List<?> full) {
        Map<Profile, List<Object>> values = new EnumMap<>(Profile.class);
        values.put(Profile.SMOKE, List.copyOf(smoke));
        values.put(Profile.QUICK, List.copyOf(quick));
        values.put(Profile.FULL, List.copyOf(full));
        values.put(Profile.PUBLISHED, List.copyOf(full));
        return Map.copyOf(values);
    }

    /** Whether its values are names of choices rather than numbers. */
    public boolean isChoice() {
        return !choices.isEmpty();
    }

    /** The rule a value breaks, if it breaks one: a choice must be one of its names, a count lie in range. */
    public Optional<String> check(Object value) {
        if (isChoice()) {
            return value instanceof String s && choices.contains(s) ? Optional.empty()
                    : Optional.of("parameter '" + name + "' must be one of " + String.join(", ", choices) + ", was " + value);
        }
        if (!(value instanceof Long n)) {
            return Optional.of("parameter '" + name + "' must be a number, was " + value);
        }
        if (n < min || n > max) {
            return Optional.of("parameter '" + name + "' must be "
                    + (max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max) + ", was " + n);
        }
        return Optional.empty();
    }

    /** Orders two values of this parameter: numbers by size, choices in the order they are declared. */
    public int compare(Object a, Object b) {
        if (isChoice()) {
            return Integer.compare(choices.indexOf(a), choices.indexOf(b));
        }
        return Long.compare((Long) a, (Long) b);
    }

    /** The values {@code profile} sweeps: numbers (Long) for a count, names (String) for a choice. */
    public List<Object> values(Profile profile) {
        return values.get(profile);
    }

    /** Powers of two from 2^from to 2^to inclusive. */
    public static List<Long> powersOfTwo(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(e -> 1L << e).toList();
    }
}
