package asyncbench.result;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code results.jsonl}: one finished cell per line, appended and forced to disk as each cell ends,
 * so a killed run keeps every cell it finished. A line cut short by a kill is skipped on reading,
 * and the next append starts on a fresh line. Each line starts with its {@link #FORMAT}.
 */
public final class ResultsFile implements AutoCloseable {
    public static final String NAME = "results.jsonl";
    /**
     * The version of a line: 2 stores every choice by its name; a line without a version is of the earlier
     * format, which stored a choice as its position in the experiment's list and is refused on reading
     * ({@code asyncbench convert} rewrites such a file once).
     */
    public static final int FORMAT = 2;
    private final FileChannel channel;

    private ResultsFile(FileChannel channel) {
        this.channel = channel;
    }

    public static ResultsFile append(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        boolean cutShort = endsMidLine(file);
        ResultsFile results = new ResultsFile(FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        if (cutShort) {
            results.write("\n");
        }
        return results;
    }

    private static boolean endsMidLine(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            if (read.size() == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            read.read(last, read.size() - 1);
            return last.get(0) != '\n';
        }
    }

    public synchronized void add(CellResult result) throws IOException {
        write(line(result) + "\n");
    }

    /** A result as one line of this file, its format first. */
    public static String line(CellResult result) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("format", FORMAT);
        node.setAll((com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(result));
        return Json.MAPPER.writeValueAsString(node);
    }

    private void write(String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** The results in {@code file}, and how many lines could not be read (cut short by a kill). */
    public record Contents(List<CellResult> results, int unreadableLines) {
    }

    /** The last result recorded for each cell, in the order cells were first recorded. */
    public static List<CellResult> latest(List<CellResult> results) {
        Map<String, CellResult> byKey = new LinkedHashMap<>();
        results.forEach(r -> byKey.put(r.key(), r));
        return List.copyOf(byKey.values());
    }

    /**
     * The results in {@code file}; a line that is not a valid result (cut short by a kill, {@code {}},
     * {@code null}, a field missing, a name that could not be a file's) is skipped and counted, so that
     * {@code --resume} runs its cell again. A results file may come from another machine: every name in
     * it that becomes part of a file name is checked to be a {@link #isName plain name}.
     *
     * @throws EarlierFormatException when a line is of the format that stored choices by position
     */
    public static Contents read(Path file) throws IOException {
        List<CellResult> results = new ArrayList<>();
        int unreadable = 0;
        if (!Files.exists(file)) {
            return new Contents(results, 0);
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            com.fasterxml.jackson.databind.JsonNode node;
            try {
                node = Json.MAPPER.readTree(line);
            } catch (IOException e) {
                unreadable++;
                continue;
            }
            if (node != null && node.isObject() && !node.has("format") && node.has("experiment") && node.has("params")) {
                throw new EarlierFormatException(file);
            }
            if (node == null || !node.isObject() || node.path("format").asInt() != FORMAT) {
                unreadable++;
                continue;
            }
            try {
                CellResult result = Json.MAPPER.treeToValue(node, CellResult.class);
                if (valid(result)) {
                    results.add(result);
                } else {
                    unreadable++;
                }
            } catch (IOException | IllegalArgumentException e) {
                unreadable++;
            }
        }
        return new Contents(results, unreadable);
    }

    /** A letter or digit first, then letters, digits, '.', '_', '+' or '-': no separator, so no other directory. */
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    /** The longest name a results line may hold: a file name made of three of them still fits the file system's 255. */
    private static final int LONGEST_NAME = 64;

    /** Whether {@code s} is a plain name of at most {@code longest} characters: it cannot name a directory, or leave one. */
    public static boolean isPlain(String s, int longest) {
        return s != null && s.length() <= longest && PLAIN.matcher(s).matches();
    }

    /** Whether {@code s} may be a name in a results line: plain, and short enough to become part of a file name. */
    public static boolean isName(String s) {
        return isPlain(s, LONGEST_NAME);
    }

    private static boolean valid(CellResult r) {
        if (r == null || r.status() == null || r.params() == null || !isName(r.experiment()) || !isName(r.model())) {
            return false;
        }
        for (Map.Entry<String, Object> e : r.params().values().entrySet()) {
            if (!isName(e.getKey()) || (e.getValue() instanceof String choice && !isName(choice))) {
                return false;
            }
        }
        return true;
    }

    /** A results file written before choices were stored by name: it has to be converted once. */
    public static final class EarlierFormatException extends IOException {
        public EarlierFormatException(Path file) {
            super(file + " stores each choice by its position (the format before " + FORMAT
                    + "); convert it once with: ./asyncbench convert --results " + file.getParent().getParent() + " "
                    + file.getParent().getFileName());
        }
    }
}
