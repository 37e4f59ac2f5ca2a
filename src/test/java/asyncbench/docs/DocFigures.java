package asyncbench.docs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures a docs page quotes, checked against what the lab wrote: a ratio with its interval
 * ("x1.23 [0.90, 1.40]") must appear as printed; a figure with its error ("130 ± 23 ns", "20.0 KiB ±
 * 1165 B", "21.4 k ± 2552") must be one the lab printed, rounded no further than the page shows it.
 * Generated blocks ({@code <!-- table: -->}, {@code ratio:}, {@code verdicts:}) are the lab's own
 * text and count as sources.
 */
final class DocFigures {
    private static final Pattern RATIO = Pattern.compile("x[0-9][0-9.]* \\[[0-9.]+, [0-9.]+\\]");
    private static final String NUMBER = "([0-9]+(?:,[0-9]{3})*(?:\\.[0-9]+)?)(?: ?([kMG](?![a-zA-Z])|[KMG]iB|B\\b|ns|us|ms|s\\b))?";
    private static final Pattern PLUS_MINUS = Pattern.compile("(?<![0-9.])" + NUMBER + " ± " + NUMBER);
    static final Pattern BLOCK = Pattern.compile("<!-- (table|ratio|verdicts|overhead|slopes): .*?<!-- /\\1 -->", Pattern.DOTALL);

    private DocFigures() {
    }

    /** The figures of {@code page}, outside its generated blocks, that {@code sources} does not hold. */
    static List<String> unsourced(String page, String sources) {
        StringBuilder all = new StringBuilder(sources);
        Matcher b = BLOCK.matcher(page);
        while (b.find()) {
            all.append('\n').append(b.group());
        }
        String prose = BLOCK.matcher(page).replaceAll("");
        List<String> missing = new ArrayList<>();
        Matcher r = RATIO.matcher(prose);
        while (r.find()) {
            if (!all.toString().contains(r.group())) {
                missing.add(r.group());
            }
        }
        List<Figure> printed = figures(all.toString());
        Matcher f = PLUS_MINUS.matcher(prose);
        while (f.find()) {
            Figure quoted = figure(f);
            if (printed.stream().noneMatch(quoted::roundsFrom)) {
                missing.add(f.group());
            }
        }
        return missing;
    }

    private static List<Figure> figures(String text) {
        List<Figure> out = new ArrayList<>();
        Matcher f = PLUS_MINUS.matcher(text);
        while (f.find()) {
            out.add(figure(f));
        }
        return out;
    }

    private static Figure figure(Matcher m) {
        return new Figure(Part.of(m.group(1), m.group(2)), Part.of(m.group(3), m.group(4)));
    }

    /** A figure and its error, each as quoted: a value, and half a step of its last digit. */
    record Figure(Part value, Part error) {
        /** This quoted figure is {@code printed}, rounded to the digits quoted here. */
        boolean roundsFrom(Figure printed) {
            return value.roundsFrom(printed.value) && error.roundsFrom(printed.error);
        }
    }

    /** A number as quoted, in base units (k, M, KiB, MiB scaled; time units are labels). */
    record Part(double value, double halfStep) {
        static Part of(String digits, String unit) {
            BigDecimal d = new BigDecimal(digits.replace(",", ""));
            double scale = switch (unit == null ? "" : unit) {
                case "k" -> 1e3;
                case "KiB" -> 1024;
                case "M" -> 1e6;
                case "MiB" -> 1024 * 1024;
                case "G" -> 1e9;
                case "GiB" -> 1024.0 * 1024 * 1024;
                default -> 1;
            };
            double step = Math.pow(10, -Math.max(d.scale(), 0));
            return new Part(d.doubleValue() * scale, step * scale / 2);
        }

        /** {@code printed} rounds to this: it lies within half a step of the last digit quoted. */
        boolean roundsFrom(Part printed) {
            return Math.abs(printed.value - value) <= halfStep * (1 + 1e-9);
        }
    }
}
