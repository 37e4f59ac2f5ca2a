package asyncbench.testing;

import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The programs some tests drive (wrk, chromium): found on the PATH, or installed once by the project's
 * {@code scripts/setup}, as a fresh machine needs.
 */
public final class Tools {
    private static final Map<String, Optional<File>> FOUND = new HashMap<>();

    private Tools() {
    }

    /** The program, installing it first when missing; empty where it cannot be installed. */
    public static synchronized Optional<File> require(String tool) throws IOException, InterruptedException {
        Optional<File> found = FOUND.get(tool);
        if (found == null) {
            if (onPath(tool).isEmpty()) {
                new ProcessBuilder("bash", "scripts/setup", tool).inheritIO().start().waitFor();
            }
            found = onPath(tool);
            FOUND.put(tool, found);
        }
        return found;
    }

    private static Optional<File> onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(d -> new File(d, tool))
                .filter(File::canExecute).findFirst();
    }
}
