package asyncbench.report;

import java.util.Locale;

/** Formats figures for people: 12.3 M iterations/s, 8.1 KiB, 2^17. */
final class Units {
    private Units() {
    }

    /** The value alone, the unit being in the table's title; bytes keep their binary prefix. */
    static String number(double v, String unit) {
        return "bytes".equals(unit) ? bytes(v) : scaled(v);
    }

    static String scaled(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return digits(v / 1e9) + " G";
        }
        if (a >= 1e6) {
            return digits(v / 1e6) + " M";
        }
        if (a >= 1e4) {
            return digits(v / 1e3) + " k";
        }
        return digits(v);
    }

    /** Three significant digits, without trailing zeros: 1.00 -> 1, 2.50 -> 2.5, 123 -> 123. */
    private static String digits(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        String s = String.format(Locale.ROOT, "%.3g", v);
        if (s.contains("e") || !s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
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

    /**
     * A ratio given x 100 as people read it: x3.1, x31, x3,136 when above one; 1/5, 1/2.5 when below
     * (the inverse); x1 at one.
     */
    static String times(double ratioX100) {
        double r = ratioX100 / 100;
        if (Double.isNaN(r) || r <= 0) {
            return "";
        }
        return r >= 1 ? "x" + factor(r) : "1/" + factor(1 / r);
    }

    /** One decimal below 10 (without a trailing .0), whole numbers with thousands separated by commas above. */
    private static String factor(double f) {
        if (f < 9.95) {
            String s = String.format(Locale.ROOT, "%.1f", f);
            return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        }
        return String.format(Locale.ROOT, "%,.0f", f);
    }
}
