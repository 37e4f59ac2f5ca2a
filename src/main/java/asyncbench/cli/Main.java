package asyncbench.cli;

import asyncbench.catalog.UsageException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code list}, {@code run}, {@code report}, {@code doctor}. */
@Command(name = "asyncbench", mixinStandardHelpOptions = true, version = "asyncbench 0.1",
        description = "Measures when and why async is good for performance on the JVM.",
        footer = {"", "The launcher also takes:",
                "  ./asyncbench test                        the test suite",
                "  ./asyncbench setup [wrk|chromium]        wrk and chromium, when missing",
                "  ./asyncbench setup rust-anchors SOURCES  the Rust originals, as models"},
        subcommands = {ListCommand.class, RunCommand.class, ReportCommand.class, CompareCommand.class, ConvertCommand.class, DoctorCommand.class, ServeCommand.class,
                LoadCommand.class, FindingsCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad input. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; bad input gives {@link #USAGE} and one message. */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setParameterExceptionHandler((e, a) -> {
            PrintWriter err = e.getCommandLine().getErr();
            String nearest = "";
            if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                nearest = "; did you mean " + String.join(" or ", u.getSuggestions().subList(0, Math.min(3, u.getSuggestions().size()))) + "?";
            }
            err.println("asyncbench: " + e.getMessage().strip() + nearest);
            err.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof UsageException || e instanceof asyncbench.result.ResultsFile.EarlierFormatException) {
                err.println("asyncbench: " + e.getMessage());
                return USAGE;
            }
            if (e instanceof asyncbench.catalog.EnvironmentFault) {
                err.println("asyncbench: " + e.getMessage());
                return 1;
            }
            if (e instanceof java.io.IOException io) {
                err.println("asyncbench: " + commandLine.getCommandName() + " stopped: "
                        + asyncbench.catalog.EnvironmentFault.sentence(io) + ".");
                return 1;
            }
            err.println("asyncbench: " + commandLine.getCommandName() + " failed: " + e);
            if (System.getenv("ASYNCBENCH_TRACE") != null) {
                e.printStackTrace(err);
            }
            return 1;
        });
        return cli.execute(args);
    }
}
