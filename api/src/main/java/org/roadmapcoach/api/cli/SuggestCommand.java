package org.roadmapcoach.api.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.time.Clock;
import org.roadmapcoach.api.http.Services;
import org.roadmapcoach.api.suggestion.NextStepsJson;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.nextsteps.NextStepsViews.PairingNextSteps;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.evaluation.Suggestions;
import org.roadmapcoach.engine.finding.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coach suggest}: a mentee's next steps, through the same use case as the API (dismissals and
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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be 1 or more");
        }
        try (SqliteStore opened = store.open(false)) {
            Services services = Services.of(opened, Evaluator.fromClasspath(), Clock.systemDefaultZone());
            PairingRef pairing = services.access().pairing(cohortId, pairingId);
            PairingNextSteps next = services.nextSteps().suggestions(pairing, asOf.orToday(), limit);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, NextStepsJson.body(next));
                out.println();
                return 0;
            }
            if (!next.active()) {
                Pairing p = pairing.pairing();
                throw new InvalidInputException("Pairing '" + pairingId + "' is not active on " + asOf.orToday()
                        + " (status " + p.status().code() + ", from " + p.startDate()
                        + (p.endDate() == null ? "" : " to " + p.endDate()) + "), so it has no suggestions.");
            }
            List<Finding> steps = next.suggestions();
            out.printf("Next steps for pairing %s as of %s:%n", pairingId, asOf.orToday());
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
