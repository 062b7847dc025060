package org.roadmapcoach.api.cli;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import org.roadmapcoach.app.Links;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.access.TokenService;
import org.roadmapcoach.app.healthcheck.HealthCheck;
import org.roadmapcoach.app.cohort.CohortService;
import org.roadmapcoach.app.problem.ImportRejectedException;
import org.roadmapcoach.data.importer.CsvSource;
import org.roadmapcoach.data.importer.ImportOptions;
import org.roadmapcoach.engine.roadmap.Cohort;
import org.roadmapcoach.app.matching.MatchingService;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.StoreAddress;
import org.roadmapcoach.matching.MatchProposal;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.roadmap.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coach demo}: imports the bundled sample cohort into {@code coach.db} (or the SQLite file or PostgreSQL
 * database of {@code --db} or {@code COACH_DB}), prints its health check as of the sample's own date (so the
 * output does not drift as time passes), then serves the API with well-known demo tokens until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Import the bundled sample cohort into coach.db, or the database of --db or COACH_DB (merged with"
                + " what was changed in the app since), print its health check, serve the API.")
final class DemoCommand implements Callable<Integer> {

    /** The sample cohort bundled in the data module. */
    static final String SAMPLE_COHORT = "spring-2026";
    /** The date the sample's stories are told as of (docs/sample-cohort.md). */
    static final LocalDate SAMPLE_AS_OF = LocalDate.of(2026, 6, 15);
    static final String DEMO_COORDINATOR_TOKEN = "demo-coordinator";
    static final String DEMO_MENTEE_TOKEN = "demo-mentee-E05";
    static final String DEMO_MENTOR_TOKEN = "demo-mentor-M03";
    static final List<String> FILES = List.of("people.csv", "pairings.csv", "objectives.csv", "milestones.csv",
            "checkins.csv", "reciprocity.csv", "activities.csv", "resources.csv", "engagements.csv");

    @Option(names = "--db", paramLabel = "FILE_OR_URL", description = "The SQLite file or PostgreSQL URL"
            + " (postgresql://user:password@host:5432/name) (default: COACH_DB, else coach.db beside ./coach).")
    String db;

    @Option(names = "--no-serve", description = "Stop after the health check instead of serving the API.")
    boolean noServe;

    @Option(names = "--reset", description = "Delete the demo database (on PostgreSQL: empty it) and start again from"
            + " the sample (what was changed in the app is lost).")
    boolean reset;

    @Option(names = "--port", defaultValue = "" + ServeCommand.DEFAULT_PORT, paramLabel = "N",
            description = "The port to serve the API on (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--as-of", paramLabel = "DATE", description = "Evaluate as of this date (default: the sample's, "
            + "2026-06-15).")
    LocalDate asOf = SAMPLE_AS_OF;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // --db, else COACH_DB, else coach.db beside ./coach
        String named = db != null ? db : Environment.db();
        StoreAddress address = named != null ? StoreOption.parse(named, db != null ? "--db" : "COACH_DB")
                : new StoreAddress.SqliteFile(Path.of(System.getProperty("coach.home", "."), "coach.db"));
        // how the hints name the database: not at all when COACH_DB names it; a URL without its password
        String dbHint = db == null && named != null ? "" : " --db " + address.describe();
        PrintWriter out = spec.commandLine().getOut();
        if (reset && address instanceof StoreAddress.SqliteFile sqlite) {
            reset(sqlite.file(), out);
        }
        try (Store store = StoreOption.open(address, true)) {
            if (reset && !(address instanceof StoreAddress.SqliteFile)) {
                reset(store, out);
            }
            refuseAProgramsDatabase(store, store.file() != null ? store.file().toString() : store.location(),
                    "coach demo runs on a demo database only (it pins the database's today to " + SAMPLE_AS_OF
                            + " for every cohort in it, and saves sign-in tokens printed in the README)");
            // A re-import merges with what was changed in the app (docs/CSV.md): the demo keeps those changes.
            try {
                ImportCommand.print(new CohortService(store).importSources(SAMPLE_COHORT, sampleSources(),
                        ImportOptions.DEFAULT), out);
            } catch (ImportRejectedException e) {
                ImportCommand.printRejected(e, SAMPLE_COHORT, out, spec.commandLine().getErr());
                throw new InvalidInputException("the bundled sample did not import; this is a bug in the sample");
            }
            store.pinToday(SAMPLE_AS_OF);
            out.printf("Database: %s; its today is pinned to %s, the day the sample's stories are told on"
                    + " (COACH_TODAY overrides it).%n%n", store.file() != null ? store.file().toAbsolutePath().normalize()
                    : store.location(), SAMPLE_AS_OF);
            Evaluator evaluator = Evaluator.fromClasspath();
            HealthCheck check = CheckCommand.run(store, evaluator, SAMPLE_COHORT, asOf);
            CheckCommand.write(check, CheckCommand.Format.table, out);
            out.println();
            out.printf("Try: ./coach suggest%s --pairing %s --as-of %s%n", dbHint, firstRed(check), asOf);
            MatchProposal.Summary matching = new MatchingService(store).propose(SAMPLE_COHORT, asOf).proposal().summary();
            out.printf("Matching: %d waiting mentees, %d mentors with free places, %d proposed pairings. Try: ./coach"
                    + " match%s --cohort %s%n", matching.waiting(), matching.mentorsWithPlaces(), matching.matched(),
                    dbHint, SAMPLE_COHORT);
            saveDemoTokens(store);
            printSignInLinks(store, Environment.links(ServeCommand.DEFAULT_HOST, port), out, noServe ? dbHint : null);
            if (!noServe) {
                Javalin app = ServeCommand.start(store, CompletableFuture.completedFuture(evaluator), ServeCommand.DEFAULT_HOST, port);
                String base = "http://" + ServeCommand.DEFAULT_HOST + ":" + app.port();
                out.printf("%nServing the HTTP API on %s until Ctrl-C. Tokens of this demo database:%n", base);
                out.printf("  coordinator C01 of %s: %s%n", SAMPLE_COHORT, DEMO_COORDINATOR_TOKEN);
                out.printf("  mentee E05 (pairing P05):   %s%n", DEMO_MENTEE_TOKEN);
                out.printf("  mentor M03 (P05 and P12):   %s%n", DEMO_MENTOR_TOKEN);
                out.printf("Try: curl -H 'Authorization: Bearer %s' '%s/api/pairings/P05/suggestions?asOf=%s'%n",
                        DEMO_MENTEE_TOKEN, base, asOf);
                out.println("More in README.md, \"The HTTP API at a glance\".");
                out.flush();
                ServeCommand.awaitShutdown(app);
            }
            return 0;
        }
    }

    /**
     * Deletes the demo database (and its write-ahead log), so that the sample is imported into a new one. Only
     * a demo database: one that holds no cohort but the sample's, so that {@code --db} cannot point it at a
     * program's data.
     */
    private static void reset(Path file, PrintWriter out) throws IOException {
        if (Files.exists(file)) {
            try (Store store = Store.open(file)) {
                refuseAProgramsDatabase(store, file.toString(), RESET_DEMO_ONLY);
            }
        }
        for (String suffix : List.of("", "-wal", "-shm")) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
        out.printf("Reset: deleted the demo database %s; it is created again from the bundled sample, and what"
                + " was changed in the app is gone.%n", file.toAbsolutePath().normalize());
    }

    /**
     * Empties the demo database on PostgreSQL (a database is not a file to delete; its tables stay), so that the
     * sample is imported as into a new one. Only a demo database, as on SQLite.
     */
    private static void reset(Store store, PrintWriter out) {
        refuseAProgramsDatabase(store, store.location(), RESET_DEMO_ONLY);
        store.deleteEverything();
        out.printf("Reset: emptied the demo database %s; it is filled again from the bundled sample, and what was"
                + " changed in the app is gone.%n", store.location());
    }

    private static final String RESET_DEMO_ONLY = "--reset deletes only a demo database";

    /**
     * Refuses (exit 1) a program's database, one that holds cohorts besides the sample's: {@code --reset} would
     * delete them, and the demo would pin their today and save well-known tokens.
     */
    private static void refuseAProgramsDatabase(Store store, String shown, String why) {
        List<String> others = store.cohorts().stream().map(Cohort::id).filter(id -> !id.equals(SAMPLE_COHORT)).toList();
        if (!others.isEmpty()) {
            throw new InvalidInputException(why + ", and " + shown + " holds the cohort"
                    + (others.size() == 1 ? " " : "s ") + String.join(", ", others)
                    + " besides the sample; it was left as it is. Give --db a new file or an empty database.");
        }
    }

    /**
     * Well-known tokens so that the README's examples work as printed. They are stored like any token
     * (as hashes), in the demo database only; real tokens come from {@code coach token create}.
     */
    private static void saveDemoTokens(Store store) {
        TokenService tokens = new TokenService(store, Clock.systemUTC());
        tokens.save(DEMO_COORDINATOR_TOKEN, "C01", Role.COORDINATOR, SAMPLE_COHORT);
        tokens.save(DEMO_MENTEE_TOKEN, "E05", Role.MENTEE, SAMPLE_COHORT);
        tokens.save(DEMO_MENTOR_TOKEN, "M03", Role.MENTOR, SAMPLE_COHORT);
    }

    /**
     * One-time sign-in links to the web app for the demo's coordinator, mentee and mentor: each signs in once,
     * within 15 minutes (run the demo again, or coach token create --link, for new ones). {@code notServedDbHint}:
     * how {@code coach serve} is to name the database when the demo does not serve it, else null.
     */
    private static void printSignInLinks(Store store, Links links, PrintWriter out, String notServedDbHint) {
        TokenService tokens = new TokenService(store, Clock.systemUTC());
        out.printf("%nThe web app%s: %s/signin. One-time sign-in links (each works once, within 15 minutes):%n",
                notServedDbHint != null ? " (once served: coach serve" + notServedDbHint + ")" : "", links.baseUrl());
        out.printf("  coordinator C01 (Marisol Cruz): %s%n", link(tokens, links, "C01", Role.COORDINATOR));
        out.printf("  mentee E05 (Lukas Becker):      %s%n", link(tokens, links, "E05", Role.MENTEE));
        out.printf("  mentor M03 (Sofia Marquez):     %s%n", link(tokens, links, "M03", Role.MENTOR));
        out.println("Pages open as of the demo's today, 2026-06-15; add ?asOf=yyyy-MM-dd to see another day.");
    }

    private static String link(TokenService tokens, Links links, String personId, Role role) {
        return links.signIn(tokens.createSignInLink(personId, role, SAMPLE_COHORT, false,
                TokenService.SIGN_IN_LINK_LIFE).token());
    }

    private static String firstRed(HealthCheck check) {
        return check.worstFirst().get(0).pairingId();
    }

    static List<CsvSource> sampleSources() {
        return FILES.stream().map(name -> new CsvSource(name, () -> open(name))).toList();
    }

    private static InputStream open(String name) {
        InputStream in = DemoCommand.class.getResourceAsStream("/sample/" + SAMPLE_COHORT + "/" + name);
        if (in == null) {
            throw new IllegalStateException("the sample file " + name + " is missing from the jar");
        }
        return in;
    }
}
