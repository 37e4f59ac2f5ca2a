package asyncbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** The command list of --help shows each command's description whole: picocli shows only its first line, which must be whole sentences. */
class HelpTest {
    @Test
    void everyCommandsDescriptionIsOneWholeSentenceOrMore() {
        CommandLine cli = new CommandLine(new Main());
        for (var entry : cli.getSubcommands().entrySet()) {
            String[] description = entry.getValue().getCommandSpec().usageMessage().description();
            assertTrue(description[0].strip().endsWith("."), entry.getKey() + "'s description ends mid-sentence: " + description[0]);
        }
    }

    @Test
    void anUnknownCommandOrOptionIsAnsweredWithTheNearest() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cli = new CommandLine(new Main());
        assertEquals(Main.USAGE, Main.execute("runn"));
        assertEquals(Main.USAGE, Main.execute("run", "--profle", "smoke"));
        var u = new CommandLine.UnmatchedArgumentException(cli, java.util.List.of("reprot"));
        assertTrue(u.getSuggestions().contains("report"), u.getSuggestions().toString());
    }
}
