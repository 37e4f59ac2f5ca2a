package asyncbench.external;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the Rust originals are, once {@code ./asyncbench setup rust-anchors} has built them: the
 * directory {@code $ASYNCBENCH_ANCHORS} names (the launcher sets it to the checkout's
 * {@code rust-anchors/} unless it is set; else {@code rust-anchors/} here), its programs under {@code bin/}.
 */
public final class Anchors {
    public static final String ENV = "ASYNCBENCH_ANCHORS";
    /** A system property that overrides the variable, for one JVM. */
    public static final String PROPERTY = "asyncbench.anchors";
    /** What to do when a program is absent, in one sentence. */
    public static final String HOW_TO_BUILD = "build them with ./asyncbench setup rust-anchors SOURCES, SOURCES holding clones of "
            + "jimblandy/context-switch and jkarneges/rust-async-bench (docs/rust-anchors.md)";

    private Anchors() {
    }

    public static Path directory() {
        String dir = System.getProperty(PROPERTY, System.getenv(ENV));
        return Path.of(dir == null || dir.isBlank() ? "rust-anchors" : dir);
    }

    /** The program {@code name} as the setup installs it. */
    public static Path program(String name) {
        return directory().resolve("bin").resolve(name);
    }

    public static boolean present(String name) {
        return Files.isExecutable(program(name));
    }
}
