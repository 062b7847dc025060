package org.roadmapcoach.api.cli;

import org.roadmapcoach.app.problem.Shown;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.time.Clock;
import org.roadmapcoach.api.http.Services;
import org.roadmapcoach.api.suggestion.NextStepsJson;
import org.roadmapcoach.app.Json;
import java.time.LocalDate;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.access.Caller;
import org.roadmapcoach.engine.roadmap.Role;
import org.roadmapcoach.app.nextsteps.NextStepsViews.PairingNextSteps;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.evaluation.Suggestions;
import org.roadmapcoach.engine.finding.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coach suggest}: a mentee's (or with {@code --as mentor}, the mentor's) next steps, through the same use case as the API (dismissals and
 * stored health checks included); {@code --json} prints exactly the API's body.
 */
@Command(name = "suggest", mixinStandardHelpOptions = true, description = "A mentee's next steps for one pairing.")
final class SuggestCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--pairing", required = true, paramLabel = "ID", description = "The pairing.")
    String pairingId;

    @Option(names = "--cohort", paramLabel = "ID", description = "The pairing's cohort, when its id is in several.")
    String cohortId;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--limit", defaultValue = "" + Suggestions.DEFAULT_LIMIT, paramLabel = "N",
            description = "How many next steps (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print exactly what GET /api/pairings/{id}/suggestions answers.")
    boolean json;

    @Option(names = "--as", defaultValue = "mentee", paramLabel = "mentee|mentor",
            description = "Whose next steps: the pairing's mentee's (default) or its mentor's.")
    String as;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be 1 or more");
        }
        Role role = switch (as.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "mentee" -> Role.MENTEE;
            case "mentor" -> Role.MENTOR;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--as takes mentee or mentor, not " + Shown.quoted(as));
        };
        try (Store opened = store.open(false)) {
            Today today = StoreOption.today(opened);
            Services services = Services.of(opened, Evaluator.fromClasspath(), today, Clock.systemDefaultZone());
            PairingRef pairing = services.access().pairing(cohortId, pairingId);
            Pairing p = pairing.pairing();
            Caller person = new Caller(role == Role.MENTEE ? p.menteeId() : p.mentorId(), role, pairing.cohortId());
            LocalDate date = asOf.or(today);
            PairingNextSteps next = services.nextSteps().suggestions(pairing, person, date, limit);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, NextStepsJson.body(next));
                out.println();
                return 0;
            }
            if (!next.active()) {
                throw new InvalidInputException("Pairing " + Shown.quoted(pairingId) + " is not active on " + date
                        + " (status " + p.status().code() + ", from " + p.startDate()
                        + (p.endDate() == null ? "" : " to " + p.endDate()) + "), so it has no suggestions.");
            }
            List<Finding> steps = next.suggestions();
            out.printf("Next steps of the %s (%s) of pairing %s as of %s:%n", role.code(), person.personId(),
                    pairingId, date);
            if (steps.isEmpty()) {
                out.println("Nothing to act on: keep going as agreed.");
            }
            int n = 1;
            for (Finding f : steps) {
                out.printf("%d. [%s] %s%n   %s%n   Next: %s%n", n++, f.severity().code(), f.ruleId(), f.message(),
                        f.nextStep());
            }
            return 0;
        }
    }
}
