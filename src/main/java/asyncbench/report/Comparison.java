package asyncbench.report;

import asyncbench.catalog.UsageException;

/** Two models to set against each other, written {@code first/second}; ratios above 100 favour the first. */
public record Comparison(String first, String second) {

    public static Comparison parse(String text, java.util.List<String> models) throws UsageException {
        String[] parts = text.split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new UsageException("malformed comparison '" + text + "': write FIRST/SECOND, e.g. future/platform");
        }
        for (String m : parts) {
            if (!models.contains(m)) {
                throw new UsageException("unknown model '" + m + "' in comparison '" + text + "'; valid: "
                        + String.join(", ", models));
            }
        }
        return new Comparison(parts[0], parts[1]);
    }

    @Override
    public String toString() {
        return first + "/" + second;
    }
}
