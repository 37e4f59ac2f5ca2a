package asyncbench.experiment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parameter of an experiment: one lowerCamel name used on the command line, in JSON, CSV and charts,
 * the values each profile sweeps, and the range a value must lie in. A parameter with {@code choices}
 * is a named choice: its values are the indexes of those names, and people see and type the names.
 */
public record Param(String name, String description, Map<Profile, List<Long>> values, long min, long max,
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
        return new Param(name, description, byProfile(smoke, quick, full), min, max, List.of());
    }

    /** A named choice among {@code choices}; each profile sweeps the choices it names. */
    public static Param choice(String name, String description, List<String> choices,
            List<String> smoke, List<String> quick, List<String> full) {
        return new Param(name, description, byProfile(indexes(choices, smoke), indexes(choices, quick),
                indexes(choices, full)), 0, choices.size() - 1, choices);
    }

    private static List<Long> indexes(List<String> choices, List<String> names) {
        return names.stream().map(n -> {
            int i = choices.indexOf(n);
            if (i < 0) {
                throw new IllegalArgumentException(n + " is not one of " + choices);
            }
            return (long) i;
        }).toList();
    }

    /** The published protocol sweeps the full grid. */
    private static Map<Profile, List<Long>> byProfile(List<Long> smoke, List<Long> quick, List<Long> full) {
        Map<Profile, List<Long>> values = new EnumMap<>(Profile.class);
        values.put(Profile.SMOKE, List.copyOf(smoke));
        values.put(Profile.QUICK, List.copyOf(quick));
        values.put(Profile.FULL, List.copyOf(full));
        values.put(Profile.PUBLISHED, List.copyOf(full));
        return Map.copyOf(values);
    }

    /** The rule a value breaks, if it breaks one. */
    public Optional<String> check(long value) {
        if (value < min || value > max) {
            if (!choices.isEmpty()) {
                return Optional.of("parameter '" + name + "' must be one of " + String.join(", ", choices));
            }
            return Optional.of("parameter '" + name + "' must be "
                    + (max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max) + ", was " + value);
        }
        return Optional.empty();
    }

    /** The index of the choice named {@code text}, for a named choice. */
    public Optional<Long> choiceIndex(String text) {
        int i = choices.indexOf(text);
        return i < 0 ? Optional.empty() : Optional.of((long) i);
    }

    /** The name of a named choice's value; empty for a number. */
    public Optional<String> choiceName(long value) {
        return !choices.isEmpty() && value >= 0 && value < choices.size()
                ? Optional.of(choices.get((int) value)) : Optional.empty();
    }

    public List<Long> values(Profile profile) {
        return values.get(profile);
    }

    /** Powers of two from 2^from to 2^to inclusive. */
    public static List<Long> powersOfTwo(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(e -> 1L << e).toList();
    }
}
