package asyncbench.runner;

import asyncbench.catalog.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the values of one parameter from the command line: a comma-separated list of numbers,
 * powers {@code 2^k}, and inclusive ranges {@code 1..4} (step 1) or {@code 2^5..2^17} (powers of two).
 */
public final class ParamValues {
    static final String SYNTAX = "numbers, 2^k, or ranges like 1..4 or 2^5..2^17, separated by commas";
    private static final Pattern POWER = Pattern.compile("2\\^(\\d{1,2})");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,18}");

    private ParamValues() {
    }

    /** Values of {@code param}: names for a named choice, numbers otherwise. */
    public static List<Object> parse(asyncbench.experiment.Param param, String text) throws UsageException {
        if (!param.isChoice()) {
            return List.copyOf(parse(param.name(), text));
        }
        if (text.isBlank()) {
            throw new UsageException("no values for parameter '" + param.name() + "': give one or more of "
                    + String.join(", ", param.choices()));
        }
        List<Object> values = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String s = item.trim();
            if (!param.choices().contains(s)) {
                throw new UsageException("unknown value '" + s + "' for parameter '" + param.name() + "'; valid: "
                        + String.join(", ", param.choices()));
            }
            values.add(s);
        }
        // a value given twice is one point, planned once
        return values.stream().distinct().toList();
    }

    public static List<Long> parse(String name, String text) throws UsageException {
        if (text.isBlank()) {
            throw new UsageException("no values for parameter '" + name + "': give " + SYNTAX);
        }
        List<Long> values = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String s = item.trim();
            int dots = s.indexOf("..");
            if (dots < 0) {
                values.add(nonNegative(name, single(name, s)));
                continue;
            }
            String from = s.substring(0, dots).trim();
            String to = s.substring(dots + 2).trim();
            if (from.isEmpty() || to.isEmpty()) {
                throw new UsageException("malformed range '" + s + "' for parameter '" + name + "': a range needs both ends, e.g. 1..4");
            }
            long low = nonNegative(name, single(name, from));
            long high = nonNegative(name, single(name, to));
            if (low > high) {
                throw new UsageException("empty range '" + s + "' for parameter '" + name + "': its start is above its end");
            }
            boolean powers = POWER.matcher(from).matches() && POWER.matcher(to).matches();
            for (long v = low; v <= high; v = powers ? v * 2 : v + 1) {
                values.add(v);
                if (values.size() > 10_000) {
                    throw new UsageException("range '" + s + "' for parameter '" + name + "' has over 10000 values");
                }
            }
        }
        return values.stream().distinct().toList();
    }

    private static long single(String name, String s) throws UsageException {
        Matcher power = POWER.matcher(s);
        if (power.matches()) {
            int exponent = Integer.parseInt(power.group(1));
            if (exponent > 40) {
                throw new UsageException("'" + s + "' for parameter '" + name + "' is too large: exponents go up to 40");
            }
            return 1L << exponent;
        }
        if (NUMBER.matcher(s).matches()) {
            return Long.parseLong(s);
        }
        throw new UsageException("malformed value '" + s + "' for parameter '" + name + "': give " + SYNTAX);
    }

    private static long nonNegative(String name, long value) throws UsageException {
        if (value < 0) {
            throw new UsageException("parameter '" + name + "' cannot be negative, was " + value);
        }
        return value;
    }
}
