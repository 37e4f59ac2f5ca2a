package asyncbench.report;

import java.util.Locale;

/** Formats figures for people: 12.3 M iterations/s, 8.1 KiB, 2^17. */
final class Units {
    private Units() {
    }

    static String value(double v, String unit) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if ("bytes".equals(unit)) {
            return bytes(v);
        }
        return scaled(v) + (unit == null || unit.isEmpty() ? "" : " " + unit);
    }

    static String scaled(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.3g G", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.3g M", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.3g k", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static String bytes(double v) {
        double a = Math.abs(v);
        if (a >= 1 << 30) {
            return String.format(Locale.ROOT, "%.3g GiB", v / (1 << 30));
        }
        if (a >= 1 << 20) {
            return String.format(Locale.ROOT, "%.3g MiB", v / (1 << 20));
        }
        if (a >= 10 << 10) {
            return String.format(Locale.ROOT, "%.3g KiB", v / (1 << 10));
        }
        return String.format(Locale.ROOT, "%.0f B", v);
    }

    /** A parameter value, as a power of two when it is one above 16. */
    static String count(long v) {
        return v > 16 && Long.bitCount(v) == 1 ? "2^" + Long.numberOfTrailingZeros(v) : Long.toString(v);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f", ratio);
    }
}
