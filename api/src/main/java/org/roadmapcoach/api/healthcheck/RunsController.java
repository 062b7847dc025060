package org.roadmapcoach.api.healthcheck;

import io.javalin.http.Context;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.roadmapcoach.api.http.Callers;
import org.roadmapcoach.api.http.ProblemException;
import org.roadmapcoach.api.http.Requests;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.healthcheck.HealthCheckService;
import org.roadmapcoach.data.run.RunInfo;
import org.roadmapcoach.data.run.RunRetention;

/** The coordinator's stored runs: the list, one run (JSON or CSV, against the run before it), and pruning. */
public final class RunsController {

    private final Supplier<HealthCheckService> checks;
    private final Access access;

    public RunsController(Supplier<HealthCheckService> checks, Access access) {
        this.checks = checks;
        this.access = access;
    }

    /** One stored run in the list. */
    record RunJson(long runId, LocalDate asOf, Instant createdAt, long pairings, long findings, long bytes) {
        static RunJson of(RunInfo info) {
            return new RunJson(info.run().id(), info.run().asOf(), info.run().createdAt(), info.pairings(),
                    info.findings(), info.bytes());
        }
    }

    record RunsJson(String cohortId, int keep, List<RunJson> runs) {
    }

    record PrunedJson(String cohortId, int kept, List<Long> deleted) {
    }

    /** {@code GET /api/cohorts/{cohortId}/runs}: newest first, with how many each cohort keeps. */
    public void list(Context ctx) {
        String cohortId = access.cohort(Callers.of(ctx), ctx.pathParam("cohortId")).id();
        HealthCheckService service = checks.get();
        ctx.json(new RunsJson(cohortId, service.keep(), service.runs(cohortId).stream().map(RunJson::of).toList()));
    }

    /** {@code GET /api/cohorts/{cohortId}/runs/{runId}}: JSON, or CSV for {@code Accept: text/csv}. */
    public void get(Context ctx) throws IOException {
        String cohortId = access.cohort(Callers.of(ctx), ctx.pathParam("cohortId")).id();
        String runId = ctx.pathParam("runId");
        if (!runId.matches("[0-9]{1,18}")) {
            throw ProblemException.notFound("Cohort '" + cohortId + "' has no such stored run; GET /api/cohorts/"
                    + cohortId + "/runs lists them.");
        }
        HealthCheckController.write(ctx, checks.get().stored(cohortId, Long.parseLong(runId)));
    }

    /** {@code DELETE /api/cohorts/{cohortId}/runs?keep=N}: the newest N are kept. */
    public void prune(Context ctx) {
        String cohortId = access.cohort(Callers.of(ctx), ctx.pathParam("cohortId")).id();
        int keep = Requests.keep(ctx, RunRetention.MAX_KEEP);
        ctx.json(new PrunedJson(cohortId, keep, checks.get().prune(cohortId, keep)));
    }
}
