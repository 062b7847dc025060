package org.roadmapcoach.api.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.roadmapcoach.api.http.Services;
import org.roadmapcoach.api.suggestion.NextStepsJson;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.app.nextsteps.NextStepsViews.NextStepsPage;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.evaluation.Suggestions;
import org.roadmapcoach.engine.finding.Finding;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coach next-steps}: a mentee's or mentor's next steps across all their pairings, or a
 * coordinator's for the cohort (RULES.md), through the same use cases as {@code GET /api/me/next-steps}
 * and {@code GET /api/cohorts/{id}/next-steps}; {@code --json} prints exactly their body.
 */
@Command(name = "next-steps", mixinStandardHelpOptions = true,
        description = "A person's next steps across their pairings, or a coordinator's for the cohort.")
final class NextStepsCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--person", required = true, paramLabel = "ID", description = "The person (people.csv id).")
    String personId;

    @Option(names = "--cohort", paramLabel = "ID", description = "The cohort (default: the one cohort that lists the person).")
    String cohortId;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--limit", defaultValue = "" + Suggestions.DEFAULT_LIMIT, paramLabel = "N",
            description = "How many next steps (default ${DEFAULT-VALUE}, at most 1000).")
    int limit;

    @Option(names = "--offset", defaultValue = "0", paramLabel = "N", description = "How many to skip (default 0).")
    int offset;

    @Option(names = "--json", description = "Print exactly what the API answers (GET /api/me/next-steps, or"
            + " GET /api/cohorts/{id}/next-steps for a coordinator).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > 1000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be from 1 to 1000");
        }
        if (offset < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--offset must be 0 or more");
        }
        try (Store opened = store.open(false)) {
            Today today = StoreOption.today(opened);
            Services services = Services.of(opened, Evaluator.fromClasspath(), today, Clock.systemDefaultZone());
            Caller person = services.tokens().caller(personId, null, cohortId);
            LocalDate date = asOf.or(today);
            NextStepsPage page = person.isCoordinator()
                    ? services.nextSteps().forCohort(person, services.access().pairingsOfCohort(person, person.cohortId()),
                            date, limit, offset)
                    : services.nextSteps().acrossPairings(person, services.access().pairingsOf(person), date, limit,
                            offset);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out,
                        NextStepsJson.page(person, person.isCoordinator() ? person.cohortId() : null, page));
                out.println();
                return 0;
            }
            out.printf("Next steps of %s %s%s as of %s: %d in all%s.%n", person.role().code(), personId,
                    person.isCoordinator() ? " for cohort " + person.cohortId() : "", date, page.total(),
                    page.hidden() == 0 ? "" : " (" + page.hidden() + " dismissed, not shown)");
            if (page.total() == 0) {
                out.println("Nothing to act on: keep going as agreed.");
            }
            int n = page.offset() + 1;
            for (Finding f : page.steps()) {
                out.printf("%d. [%s] %s, pairing %s%s%n   %s%n   Next: %s%n", n++, f.severity().code(), f.ruleId(),
                        f.pairingId(), f.audience().code().equals(person.role().code()) ? "" : " (for the "
                                + f.audience().code() + ")", f.message(), f.nextStep());
            }
            if (page.offset() + page.steps().size() < page.total()) {
                out.printf("%d more: --offset %d shows the next.%n", page.total() - page.offset() - page.steps().size(),
                        page.offset() + page.steps().size());
            }
            return 0;
        }
    }
}
