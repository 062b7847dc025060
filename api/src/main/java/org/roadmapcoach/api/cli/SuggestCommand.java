package org.roadmapcoach.api.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.roadmapcoach.api.Json;
import org.roadmapcoach.api.healthcheck.HealthCheckJson.FindingJson;
import org.roadmapcoach.api.suggestion.SuggestionService;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.evaluation.Suggestions;
import org.roadmapcoach.engine.finding.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coach suggest}: a mentee's next steps, evaluated live. */
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

    @Option(names = "--json", description = "Print the suggestions as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be 1 or more");
        }
        try (SqliteStore opened = store.open(false)) {
            SuggestionService service = new SuggestionService(opened, Evaluator.fromClasspath());
            String cohort = service.cohortOf(pairingId, cohortId);
            List<Finding> steps = service.suggest(cohort, pairingId, asOf.orToday(), limit);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.mapper().writerWithDefaultPrettyPrinter()
                        .writeValue(out, steps.stream().map(FindingJson::of).toList());
                out.println();
                return 0;
            }
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
