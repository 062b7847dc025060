package org.roadmapcoach.api.cli;

import org.roadmapcoach.app.problem.Shown;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.Links;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.data.auth.StoredToken;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.engine.roadmap.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coach token}: API tokens. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Manage API tokens, one-time sign-in links and calendar feeds.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Say what to do: token create, token list or token revoke.");
    }

    /**
     * {@code coach token create}: prints a new token (or sign-in link, or calendar feed address) once, on
     * stdout alone (so that a script can keep it); what it grants goes to stderr.
     */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API token for a person (or with --link a one-time sign-in link for the web app,"
                    + " with --calendar a calendar feed address); it is printed once and only its hash is stored.")
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

        @Option(names = "--link", description = "A one-time sign-in link for the web app, valid for 15 minutes.")
        boolean link;

        @Option(names = "--calendar", description = "A secret calendar feed address (.ics) for the person's calendar.")
        boolean calendar;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (link && calendar) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Give --link or --calendar, not both.");
            }
            Role parsed = null;
            if (role != null) {
                try {
                    parsed = Coded.parse(Role.class, role);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("--role must be one of " + Coded.allowed(Role.class) + ", not "
                            + Shown.quoted(role) + ".");
                }
            }
            Links links = Environment.links();
            try (Store opened = store.open(false)) {
                TokenService tokens = new TokenService(opened, Clock.systemUTC());
                String printed;
                String what;
                if (link) {
                    TokenService.Issued issued = tokens.createSignInLink(personId, parsed, cohortId, allCohorts,
                            TokenService.SIGN_IN_LINK_LIFE);
                    printed = links.signIn(issued.token());
                    what = describe(issued.caller()).replace(" token ", " sign-in link ")
                            + " It signs in once, within 15 minutes.";
                } else if (calendar) {
                    TokenService.Issued issued = tokens.createCalendarFeed(personId, parsed, cohortId, allCohorts);
                    printed = links.calendarFeed(issued.token());
                    what = describe(issued.caller()).replace(" token ", " calendar feed ")
                            + " Subscribe to it in a calendar app; revoke it with coach token revoke.";
                } else {
                    TokenService.Issued issued = tokens.create(personId, parsed, cohortId, allCohorts);
                    printed = issued.token();
                    what = describe(issued.caller());
                }
                spec.commandLine().getOut().println(printed);
                spec.commandLine().getOut().flush();
                spec.commandLine().getErr().println(what
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

    /** {@code coach token list}: the tokens, links and feeds issued, never their secrets. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the tokens, sign-in links and calendar feeds issued (never their secrets).")
    static final class ListTokens implements Callable<Integer> {

        @Mixin
        StoreOption store;

        @Option(names = "--person", paramLabel = "ID", description = "Only this person's.")
        String personId;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Store opened = store.open(false)) {
                List<StoredToken> tokens = new TokenService(opened, Clock.systemUTC()).list(personId);
                var out = spec.commandLine().getOut();
                if (tokens.isEmpty()) {
                    out.println(personId == null ? "No tokens." : "No tokens for " + personId + ".");
                    return 0;
                }
                out.printf("%-6s %-9s %-12s %-12s %-16s %-20s %s%n", "id", "kind", "person", "role", "cohort",
                        "created", "state");
                Instant now = Instant.now();
                for (StoredToken token : tokens) {
                    out.printf("%-6d %-9s %-12s %-12s %-16s %-20s %s%n", token.id(), token.kind().code(),
                            token.grant().personId(), token.grant().role().code(),
                            token.grant().cohortId() == null ? "(every cohort)" : token.grant().cohortId(),
                            token.createdAt().truncatedTo(ChronoUnit.SECONDS), state(token, now));
                }
                return 0;
            }
        }

        private static String state(StoredToken token, Instant now) {
            if (token.usedAt() != null) {
                return "used " + token.usedAt().truncatedTo(ChronoUnit.SECONDS);
            }
            if (token.expiresAt() == null) {
                return "valid";
            }
            return (token.isValidAt(now) ? "valid until " : "expired ") + token.expiresAt().truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /** {@code coach token revoke}: one token by id, or every token of a person. */
    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a token, sign-in link or calendar feed by id, or every one of a person.")
    static final class Revoke implements Callable<Integer> {

        @Mixin
        StoreOption store;

        @Option(names = "--id", paramLabel = "TOKEN_ID", description = "The token's id, as token list shows it.")
        Long id;

        @Option(names = "--person", paramLabel = "ID", description = "Every token, link and feed of this person.")
        String personId;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if ((id == null) == (personId == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Give --id or --person (one of them).");
            }
            try (Store opened = store.open(false)) {
                TokenService tokens = new TokenService(opened, Clock.systemUTC());
                if (id != null) {
                    if (!tokens.revoke(id)) {
                        throw new InvalidInputException("There is no token " + id + "; coach token list shows them.");
                    }
                    spec.commandLine().getOut().println("Revoked token " + id + ".");
                } else {
                    int revoked = tokens.revokeAll(personId);
                    spec.commandLine().getOut().println("Revoked " + revoked + " token" + (revoked == 1 ? "" : "s")
                            + " of " + personId + ".");
                }
                return 0;
            }
        }
    }
}
