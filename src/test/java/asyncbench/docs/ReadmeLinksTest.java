package asyncbench.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link and image in the README, CONTRIBUTING.md and the docs (not the generated
 * reports of docs/results) points at a file or folder the repository holds.
 */
class ReadmeLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");

    @Test
    void everyRelativeLinkIsInTheRepository() throws Exception {
        Set<String> tracked = trackedPaths();
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("CONTRIBUTING.md")));
        try (var docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md") && !p.startsWith(Path.of("docs", "results")) || p.equals(Path.of("docs", "results", "README.md")))
                    .sorted().forEach(pages::add);
        }
        List<String> missing = new ArrayList<>();
        int links = 0;
        for (Path page : pages) {
            String text = Files.readString(page, StandardCharsets.UTF_8);
            Path dir = page.getParent() == null ? Path.of("") : page.getParent();
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.contains("://") || target.startsWith("mailto:")) {
                    continue;
                }
                links++;
                String path = dir.resolve(target).normalize().toString();
                boolean present = tracked != null ? tracked.contains(path) : Files.exists(Path.of(path));
                if (!present) {
                    missing.add(page + ": " + target);
                }
            }
        }
        assertTrue(links > 0, "the docs link to something");
        assertTrue(missing.isEmpty(), "links to files the repository does not hold: " + missing);
    }

    /** Files git tracks and the folders above them; null where git cannot say (then the work tree decides). */
    private static Set<String> trackedPaths() throws InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "ls-files").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() != 0) {
                return null;
            }
            Set<String> paths = new HashSet<>();
            for (String line : out.split("\n")) {
                for (Path p = Path.of(line); p != null; p = p.getParent()) {
                    paths.add(p.toString());
                }
            }
            return paths;
        } catch (IOException e) {
            return null;
        }
    }
}
