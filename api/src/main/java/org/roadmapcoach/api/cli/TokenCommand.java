package org.roadmapcoach.api.cli;

import org.roadmapcoach.app.problem.Shown;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.engine.roadmap.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coach token}: API tokens. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens.",
        subcommands = TokenCommand.Create.class)
final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do: token create.");
    }

    /**
     * {@code coach token create}: prints a new token once, on stdout alone (so that a script can keep it);
     * what it grants goes to stderr.
     */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API token for a person; it is printed once and only its hash is stored.")
    static final class Create implements Callable<Integer> {

        @Mixin
        StoreOption store;

        @Option(names = "--person", required = true, paramLabel = "ID", description = "The person (people.csv id).")
        String personId;

        @Option(names = "--role", paramLabel = "ROLE",
                description = "mentee, mentor or coordinator (default: the person's role in people.csv).")
        String role;

        @Option(names = "--cohort", paramLabel = "ID",
                description = "The cohort (default: the one cohort that lists the person).")
        String cohortId;

        @Option(names = "--all-cohorts",
                description = "A coordinator token that reaches every cohort of the database (and may create cohorts).")
        boolean allCohorts;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Role parsed = null;
            if (role != null) {
                try {
                    parsed = Coded.parse(Role.class, role);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("--role must be one of " + Coded.allowed(Role.class) + ", not "
                            + Shown.quoted(role) + ".");
                }
            }
            try (SqliteStore opened = store.open(false)) {
                TokenService.Issued issued = new TokenService(opened, Clock.systemUTC()).create(personId, parsed,
                        cohortId, allCohorts);
                spec.commandLine().getOut().println(issued.token());
                spec.commandLine().getOut().flush();
                spec.commandLine().getErr().println(describe(issued.caller())
                        + " Keep it secret: it is shown only now; the database keeps only its hash.");
                return 0;
            }
        }

        static String describe(Caller caller) {
            String who = "A " + caller.role().code() + " token for " + caller.personId();
            if (caller.cohortId() == null) {
                return who + ", reaching every cohort of the database.";
            }
            return who + " in cohort " + caller.cohortId() + (caller.isCoordinator() ? ", reaching the whole cohort."
                    : ", reaching only the pairings " + caller.personId() + " is in.");
        }
    }
}
