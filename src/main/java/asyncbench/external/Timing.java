package asyncbench.external;

import asyncbench.result.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A figure as the context-switch programs print it: the mean and population standard deviation of
 * {@code count} repetitions, in seconds ("mean 2.380ms per iteration, stddev 1.2ms").
 */
public record Timing(String label, double meanSeconds, double stddevSeconds, long count) {
    /** One of the programs' durations: "0s", "540.000µs", "2.380ms", "17.3ns", "1.501s". */
    private static final String DURATION = "([0-9]+(?:\\.[0-9]+)?)(ns|µs|us|ms|s)";
    private static final Pattern MEAN = Pattern.compile("(?:^|\\s|: )mean " + DURATION + "[^,]*, stddev " + DURATION);
    /** The confidence of a program's figure, as of a fork's windows. */
    private static final double CONFIDENCE = 0.999;

    /** Every "mean X ..., stddev Y" line of {@code output}, labelled by what precedes "mean". */
    public static List<Timing> parse(String output, long count) {
        List<Timing> timings = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher m = MEAN.matcher(line);
            if (m.find()) {
                String label = line.substring(0, m.start()).replaceAll("[:,\\s]+$", "").trim();
                timings.add(new Timing(label, seconds(m.group(1), m.group(2)), seconds(m.group(3), m.group(4)), count));
            }
        }
        return timings;
    }

    static double seconds(String number, String unit) {
        double v = Double.parseDouble(number);
        return switch (unit) {
            case "ns" -> v * 1e-9;
            case "µs", "us" -> v * 1e-6;
            case "ms" -> v * 1e-3;
            default -> v;
        };
    }

    /**
     * This figure times {@code scale} (seconds to the unit, per task...), with the half-width of its
     * 99.9% interval from the standard deviation over the repetitions, as a fork's windows give theirs.
     */
    public Metric metric(double scale, String unit) {
        double mean = meanSeconds * scale;
        Double error = null;
        if (count > 1) {
            double t = new TDistribution(count - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
            error = t * stddevSeconds * scale / Math.sqrt(count);
        }
        return new Metric(mean, error, unit, null);
    }
}
