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

/** Every relative link and image in README.md points at a file or folder the repository holds. */
class ReadmeLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");

    @Test
    void everyRelativeLinkIsInTheRepository() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        Set<String> tracked = trackedPaths();
        List<String> missing = new ArrayList<>();
        Matcher m = LINK.matcher(readme);
        int links = 0;
        while (m.find()) {
            String target = m.group(1);
            if (target.contains("://") || target.startsWith("mailto:")) {
                continue;
            }
            links++;
            String path = Path.of(target).normalize().toString();
            boolean present = tracked != null ? tracked.contains(path) : Files.exists(Path.of(path));
            if (!present) {
                missing.add(target);
            }
        }
        assertTrue(links > 0, "README.md links to something");
        assertTrue(missing.isEmpty(), "README.md links to files the repository does not hold: " + missing);
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
