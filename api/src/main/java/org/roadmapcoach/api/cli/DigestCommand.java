package org.roadmapcoach.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.roadmapcoach.api.http.Services;
import org.roadmapcoach.app.Links;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.reach.DigestService;
import org.roadmapcoach.app.reach.SmtpMailer;
import org.roadmapcoach.app.reach.SmtpSettings;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.StoreAddress;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.roadmap.Cohort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coach digest}: the week's digests (REACH.md), sent over SMTP or written as .eml files. */
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = "Send the week's digests, one email per person with something new to act on.")
final class DigestCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "FILE_OR_URL", description = "The SQLite file or PostgreSQL URL (default:"
            + " COACH_DB, else coach.db beside ./coach).")
    String db;

    @Option(names = "--cohort", paramLabel = "ID", description = "The cohort (default: the only one).")
    String cohortId;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--dry-run", description = "Write each digest as an .eml file instead; nothing is stored or sent.")
    boolean dryRun;

    @Option(names = "--out", paramLabel = "DIR", description = "Where --dry-run writes (default: digests/).")
    Path out;

    @Option(names = "--smtp", paramLabel = "HOST:PORT",
            description = "The SMTP server (default: COACH_SMTP_HOST and COACH_SMTP_PORT).")
    String smtp;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (out != null && !dryRun) {
            throw new InvalidInputException("--out goes with --dry-run: without it digests are sent, not written.");
        }
        // --db, else COACH_DB, else the demo's coach.db beside ./coach
        String named = db != null ? db : Environment.db();
        StoreAddress address = named != null ? StoreOption.parse(named, db != null ? "--db" : "COACH_DB")
                : new StoreAddress.SqliteFile(Path.of(System.getProperty("coach.home", "."), "coach.db"));
        if (address instanceof StoreAddress.SqliteFile sqlite && !Files.isRegularFile(sqlite.file())) {
            throw new InvalidInputException("There is no database at " + sqlite.file() + "; create one with ./coach"
                    + " demo or coach import --db " + sqlite.file() + " --cohort ID FOLDER");
        }
        Links links = Environment.links();
        PrintWriter print = spec.commandLine().getOut();
        try (Store store = StoreOption.open(address, false)) {
            String cohort = cohortOf(store);
            Today today = StoreOption.today(store);
            LocalDate date = asOf.or(today);
            Clock clock = Clock.systemUTC();
            Services services = Services.of(store, Evaluator.fromClasspath(), today, clock);
            DigestService digests = new DigestService(store, services.access(), services.nextSteps(),
                    services.healthChecks(), services.tokens(), links, clock);
            String from = Environment.from(links);
            if (dryRun) {
                return writeFiles(digests.preview(cohort, date, from), date, out != null ? out : Path.of("digests"), print);
            }
            SmtpSettings settings = Environment.smtp(smtp, links);
            DigestService.Outcome outcome;
            try (SmtpMailer mailer = new SmtpMailer(settings)) {
                outcome = digests.run(cohort, date, settings.from(), mailer);
            }
            return report(outcome, settings, print, spec.commandLine().getErr());
        }
    }

    private String cohortOf(Store store) {
        if (cohortId != null) {
            return store.cohort(cohortId).map(Cohort::id).orElseThrow(() -> new InvalidInputException(
                    "There is no cohort '" + cohortId + "' in this database."));
        }
        List<Cohort> cohorts = store.cohorts();
        if (cohorts.size() != 1) {
            throw new InvalidInputException(cohorts.isEmpty() ? "The database has no cohort yet; import one first."
                    : "The database has " + cohorts.size() + " cohorts; say which with --cohort.");
        }
        return cohorts.get(0).id();
    }

    private static int writeFiles(List<DigestService.Preview> previews, LocalDate date, Path dir, PrintWriter print)
            throws IOException {
        Files.createDirectories(dir);
        LocalDate week = DigestService.weekOf(date);
        for (DigestService.Preview preview : previews) {
            Path eml = dir.resolve(week + "-" + preview.personId().replaceAll("[^A-Za-z0-9._-]", "_") + ".eml");
            Files.writeString(eml, preview.message(), StandardCharsets.US_ASCII);
            print.printf("%s  %s%n", eml, preview.recipient());
        }
        print.printf("Dry run for the week of %s: %d digests written to %s; nothing was stored or sent, and their"
                + " links sign nobody in.%n", week, previews.size(), dir);
        print.flush();
        return 0;
    }

    private static int report(DigestService.Outcome outcome, SmtpSettings settings, PrintWriter print, PrintWriter err) {
        if (!outcome.enabled()) {
            print.printf("Digests are off for cohort %s (digest.enabled is false): nothing was written or sent.%n",
                    outcome.cohortId());
            print.flush();
            return 0;
        }
        print.printf("Week of %s: %d digests written to the outbox, %d sent through %s:%d, %d not accepted, %d left"
                        + " for tomorrow by digest.dailyCap.%n", outcome.week(), outcome.queued(), outcome.sent(),
                settings.host(), settings.port(), outcome.failed().size(), outcome.held());
        print.flush();
        outcome.failed().forEach(failure -> err.println("coach: not accepted, retried by the next run: " + failure));
        err.flush();
        return outcome.failed().isEmpty() ? 0 : 1;
    }
}
