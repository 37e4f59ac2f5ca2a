package asyncbench.experiment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A parameter of an experiment: one lowerCamel name used on the command line, in JSON, CSV and charts,
 * and the values each profile sweeps.
 */
public record Param(String name, String description, Map<Profile, List<Long>> values) {

    public static Param of(String name, String description, List<Long> smoke, List<Long> quick, List<Long> full) {
        Map<Profile, List<Long>> values = new EnumMap<>(Profile.class);
        values.put(Profile.SMOKE, List.copyOf(smoke));
        values.put(Profile.QUICK, List.copyOf(quick));
        values.put(Profile.FULL, List.copyOf(full));
        return new Param(name, description, Map.copyOf(values));
    }

    public List<Long> values(Profile profile) {
        return values.get(profile);
    }

    /** Powers of two from 2^from to 2^to inclusive. */
    public static List<Long> powersOfTwo(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(e -> 1L << e).toList();
    }
}
