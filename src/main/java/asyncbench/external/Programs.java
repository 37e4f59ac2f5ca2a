package asyncbench.external;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a program, waits for it within a time limit, and gives its output (standard output and error together). */
final class Programs {
    /** The longest one invocation may take: the originals' own defaults run for seconds. */
    static final Duration LIMIT = Duration.ofMinutes(10);

    private Programs() {
    }

    /**
     * Runs {@code program} with {@code args} under coreutils' {@code timeout}, so that it ends even if
     * this JVM is halted first, and returns what it printed; a program that fails or runs out of time
     * is an {@link IllegalStateException} of one sentence.
     */
    static String run(Path program, List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("timeout", "--kill-after=5", LIMIT.toSeconds() + "s", program.toString()));
        cmd.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            int code = process.waitFor();
            String text = new String(out, StandardCharsets.UTF_8);
            if (code == 124 || code == 137) {
                throw new IllegalStateException(program.getFileName() + " ran longer than " + LIMIT.toMinutes() + " minutes");
            }
            if (code != 0) {
                throw new IllegalStateException(program.getFileName() + " " + String.join(" ", args) + " exited with " + code + ": "
                        + text.strip().lines().reduce((a, b) -> b).orElse("no output"));
            }
            return text;
        } finally {
            process.destroyForcibly();
        }
    }
}
