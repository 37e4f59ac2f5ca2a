package asyncbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import asyncbench.catalog.Catalog;
import asyncbench.runner.CellSpec;
import asyncbench.runner.Plan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The distributed runs in the repository (a Kubernetes Indexed Job, a CI matrix) split one plan into
 * shards that cover it exactly once, and merge back the shards they made.
 */
class ShardManifestsTest {
    private static String read(String file) throws Exception {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    private static int number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex);
        return Integer.parseInt(m.group(1));
    }

    /** The shards K/N of the smoke plan, as `run --shard` takes them, cover it exactly once. */
    private static void coverOnce(List<String> shards) throws Exception {
        Catalog catalog = new Catalog.BuiltIn();
        List<CellSpec> whole = new Plan(catalog.names(), "smoke", List.of(), Map.of(), null).cells(catalog);
        List<CellSpec> union = new ArrayList<>();
        for (String shard : shards) {
            union.addAll(new Plan(catalog.names(), "smoke", List.of(), Map.of(), null, null, null, shard).cells(catalog));
        }
        assertEquals(whole.size(), union.size(), "the shards " + shards + " hold every cell once");
        assertEquals(new HashSet<>(whole), new HashSet<>(union));
    }

    @Test
    void theIndexedJobsPodsCoverThePlanOnce() throws Exception {
        String job = read("deploy/kubernetes/asyncbench-shards.yaml");
        int n = number(job, "completions: (\\d+)");
        assertEquals(n, number(job, "parallelism: (\\d+)"));
        assertEquals(n, number(job, "--shard (\\d+)\\b"));
        assertTrue(job.contains("completionMode: Indexed"));
        List<String> shards = new ArrayList<>();
        for (int index = 0; index < n; index++) {
            RunCommand run = new RunCommand();
            run.shard = String.valueOf(n);
            shards.add(run.shard(Map.of("JOB_COMPLETION_INDEX", String.valueOf(index))));
        }
        coverOnce(shards);
    }

    @Test
    void theWorkflowsMatrixCoversThePlanOnceAndMergesEveryShard() throws Exception {
        String workflow = read(".github/workflows/shards.yml");
        Matcher matrix = Pattern.compile("shard: \\[([0-9, ]+)\\]").matcher(workflow);
        assertTrue(matrix.find());
        List<Integer> ks = java.util.Arrays.stream(matrix.group(1).split(",")).map(String::strip).map(Integer::parseInt).toList();
        int n = number(workflow, "--shard \\$\\{\\{ matrix.shard }}/(\\d+)");
        assertEquals(java.util.stream.IntStream.rangeClosed(1, n).boxed().toList(), ks);
        coverOnce(ks.stream().map(k -> k + "/" + n).toList());
        Set<String> merged = new HashSet<>(List.of(workflow.substring(workflow.indexOf("run: ./asyncbench report ") + "run: ./asyncbench report ".length())
                .lines().findFirst().orElseThrow().strip().split(" ")));
        assertEquals(new HashSet<>(ks.stream().map(k -> "shard-" + k).toList()), merged, "the merge takes every shard's run");
    }
}
