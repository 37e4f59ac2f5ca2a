package asyncbench.catalog;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The machine refused what the lab needs (a full disk, a read-only directory, a port in use): one
 * readable sentence saying what was refused and what to do, never an exception's name.
 */
public final class EnvironmentFault extends Exception {
    public EnvironmentFault(String message) {
        super(message);
    }

    public EnvironmentFault(String message, Throwable cause) {
        super(message, cause);
    }

    /** What went wrong with a file, in words: "cannot write results/x: no space left on device". */
    public static String sentence(IOException e) {
        return switch (e) {
            case AccessDeniedException a -> "cannot use " + a.getFile() + ": permission denied";
            case NoSuchFileException n -> n.getFile() + " does not exist";
            case FileAlreadyExistsException f -> f.getFile() + " exists already";
            case NotDirectoryException d -> d.getFile() + " is not a directory";
            case FileSystemException f -> "cannot use " + f.getFile() + ": " + lowerFirst(f.getReason() == null ? "refused" : f.getReason());
            default -> lowerFirst(e.getMessage() == null ? "an input or output failed" : e.getMessage());
        };
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
