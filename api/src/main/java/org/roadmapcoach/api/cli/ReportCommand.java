package org.roadmapcoach.api.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.roadmapcoach.app.healthcheck.HealthCheck;
import org.roadmapcoach.app.healthcheck.HealthCheckService;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coach report}: a stored health check (the latest unless {@code --run} says which) rendered in any
 * format, compared with the run before it, without evaluating or storing anything.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Renders a stored health check (default: the latest) without storing another.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--cohort", required = true, paramLabel = "ID", description = "The cohort.")
    String cohortId;

    @Option(names = "--run", paramLabel = "N", description = "The stored run to render (coach runs lists them);"
            + " default: the latest.")
    Long runId;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table (default, worst first), json, csv or html.")
    CheckCommand.Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to this file instead of stdout"
            + " (its folders are created).")
    Path out;

    @Option(names = "--only", paramLabel = "HEALTH", description = "Print only the red (or amber) pairings.")
    CheckCommand.Only only;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (ReportFile file = out == null ? null : ReportFile.open(out, "nothing was written");
             Store opened = store.open(false)) {
            // No evaluation here: the rule base is never built (a stored run needs none).
            HealthCheckService checks = new HealthCheckService(opened, null, Clock.systemUTC());
            HealthCheck check = runId == null ? checks.latest(cohortId).orElseThrow(() -> new NotFoundException(
                    "Cohort '" + cohortId + "' has no stored health check yet; run one with: coach check --db "
                            + store.shown() + " --cohort " + cohortId)) : checks.stored(cohortId, runId);
            CheckCommand.render(check, format, only, file, out, spec);
            return 0;
        }
    }
}
