package asyncbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import asyncbench.result.ResultsFile;

/**
 * Every file a report writes goes through here: into its run's directory only, under a plain name,
 * and whole or not at all. Each is written to a temporary file beside it and moved into place, so a
 * full disk leaves the earlier version (or nothing), never a file cut short or a 0-byte picture.
 */
final class ReportFiles {
    /** The file system's longest file name. */
    private static final int LONGEST = 255;

    private ReportFiles() {
    }

    static Path writeString(Path dir, String name, String text) throws IOException {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        if (!ResultsFile.isPlain(name, LONGEST)) {
            throw new IllegalArgumentException("not a plain file name: '" + name + "'");
        }
        Path target = dir.resolve(name);
        Path partial = Files.createTempFile(dir, ".partial-", ".tmp");
        try {
            Files.write(partial, bytes);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }
}
