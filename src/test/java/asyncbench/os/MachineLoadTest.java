package asyncbench.os;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MachineLoadTest {
    @Test
    void aSpinningProcessMakesTheMachineBusy() throws Exception {
        Process spinner = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            MachineLoad load = MachineLoad.sample(Duration.ofMillis(1500));
            assertTrue(load.isBusy(), load.describe());
            assertTrue(load.busy().stream().anyMatch(b -> b.pid() == spinner.pid()), load.describe());
            assertTrue(load.describe().contains("(pid " + spinner.pid() + ")"), load.describe());
        } finally {
            spinner.destroyForcibly().waitFor();
        }
    }
}
