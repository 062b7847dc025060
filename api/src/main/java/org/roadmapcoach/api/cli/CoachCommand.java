package org.roadmapcoach.api.cli;

import org.roadmapcoach.app.problem.Shown;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.roadmapcoach.app.problem.CoachException;
import org.roadmapcoach.data.store.StoreBusyException;
import org.roadmapcoach.engine.roadmap.Dates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coach} command line: the coordinator's and the newcomer's face of the engine. */
@Command(name = "coach", mixinStandardHelpOptions = true, version = "coach 0.1.0",
        description = "Roadmap Coach: rules-driven coaching for mentoring programs.",
        subcommands = {DemoCommand.class, ImportCommand.class, ExportCommand.class, CheckCommand.class, SuggestCommand.class,
            NextStepsCommand.class, PolicyCommand.class, GenerateCommand.class, MatchCommand.class, ServeCommand.class, TokenCommand.class,
            DigestCommand.class, ReportCommand.class, RunsCommand.class, WorkerCommand.class,
            CommandLine.HelpCommand.class})
public final class CoachCommand implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CoachCommand.class);
    private static final int MAX_MESSAGE_CHARS = 1_000;
    /** A value quoted in a message, longer than an error shows. */
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile(
            "'([^']{" + (Shown.MAX_CHARS + 1) + ",})'");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do: a command is missing.");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and returns the exit code (0, 1 or 2). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new CoachCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.registerConverter(LocalDate.class, CoachCommand::date);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            // picocli's message quotes what was given, which may be of any length
            CommandLine failed = e.getCommandLine();
            String message = QUOTED.matcher(e.getMessage()).replaceAll(
                    m -> java.util.regex.Matcher.quoteReplacement(Shown.quoted(m.group(1))));
            failed.getErr().println(message.length() <= MAX_MESSAGE_CHARS ? message
                    : message.substring(0, MAX_MESSAGE_CHARS) + "... (cut)");
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, failed.getErr())) {
                failed.usage(failed.getErr());
            }
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e instanceof CoachException) { // a user mistake or a missing id: one sentence
                err.println("coach: " + e.getMessage());
            } else if (e instanceof StoreBusyException) {
                err.println("coach: " + e.getMessage() + "; try again when the other program's write is done");
            } else {
                LOG.debug("unexpected failure", e);
                err.println("coach: unexpected error: " + e
                        + " (this is a bug; set COACH_DEBUG=1 to see where it happened)");
                if (System.getenv("COACH_DEBUG") != null) {
                    e.printStackTrace(err);
                }
            }
            return 1;
        });
        return commandLine.execute(args);
    }

    /** A date option: yyyy-MM-dd, as every other input writes dates (picocli's own also takes +12026-01-01). */
    private static LocalDate date(String text) {
        try {
            return Dates.parse(text);
        } catch (DateTimeException e) {
            throw new CommandLine.TypeConversionException("expected a date as yyyy-MM-dd, not " + Shown.quoted(text));
        }
    }
}
