package asyncbench.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One point of an experiment's grid: each parameter's value by name, in the experiment's parameter
 * order. A count is a number, a choice is its name ({@code "counting": "shared"}), in memory as in
 * results.jsonl, so that reordering a choice list relabels nothing that was saved.
 */
public final class Point {
    /** The point of an experiment without parameters. */
    public static final Point EMPTY = new Point(Map.of());

    private final Map<String, Object> values;

    private Point(Map<String, ?> values) {
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((name, v) -> copy.put(name, normalised(name, v)));
        this.values = Collections.unmodifiableMap(copy);
    }

    /** A point from values that are each a whole number (a count) or a string (a choice's name). */
    @JsonCreator
    public static Point of(Map<String, ?> values) {
        return values.isEmpty() ? EMPTY : new Point(values);
    }

    private static Object normalised(String name, Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        throw new IllegalArgumentException("parameter '" + name + "' must be a whole number or a choice's name, was " + v);
    }

    /** The values, by name, in order: a {@link Long} for a count, a {@link String} for a choice. */
    @JsonValue
    public Map<String, Object> values() {
        return values;
    }

    /** The value of a count. */
    public long count(String name) {
        if (get(name) instanceof Long n) {
            return n;
        }
        throw new IllegalArgumentException("parameter '" + name + "' is not a count at " + this);
    }

    /** The value of a count that a workload holds in an int (a number of tasks, a depth). */
    public int intCount(String name) {
        return Math.toIntExact(count(name));
    }

    /** The name of a choice. */
    public String choice(String name) {
        if (get(name) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("parameter '" + name + "' is not a choice at " + this);
    }

    /** The value named {@code name}: a Long or a String. */
    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter '" + name + "' at " + this);
        }
        return v;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** This point with {@code name} set to {@code value} (a Long or a String), in place if it is there. */
    public Point with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Point(copy);
    }

    /** This point without {@code name}. */
    public Point without(String name) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.remove(name);
        return of(copy);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Point p && values.equals(p.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** As people write it: {@code readers=32 writers=1 counting=shared}. */
    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
