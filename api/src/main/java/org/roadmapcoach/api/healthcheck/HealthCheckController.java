package org.roadmapcoach.api.healthcheck;

import org.roadmapcoach.app.problem.Shown;
import org.roadmapcoach.app.healthcheck.HealthCheckService;
import org.roadmapcoach.app.healthcheck.HealthCheck;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.api.http.Callers;
import org.roadmapcoach.api.http.ProblemException;
import org.roadmapcoach.api.http.Requests;

/** The coordinator's health-check endpoints: run one, read the latest (JSON or CSV). */
public final class HealthCheckController {

    private final Supplier<HealthCheckService> checks;
    private final Access access;
    private final Today today;

    public HealthCheckController(Supplier<HealthCheckService> checks, Access access, Today today) {
        this.checks = checks;
        this.access = access;
        this.today = today;
    }

    /** {@code POST /api/cohorts/{cohortId}/health-checks?asOf=}: run, store, return with its runId. */
    public void run(Context ctx) throws IOException {
        String cohortId = access.cohort(Callers.of(ctx), ctx.pathParam("cohortId")).id();
        HealthCheck check = checks.get().run(cohortId, Requests.asOf(ctx, today), pairings -> { });
        ctx.status(201);
        writeJson(ctx, check);
    }

    /** {@code GET /api/cohorts/{cohortId}/health-checks/latest}: JSON, or CSV for {@code Accept: text/csv}. */
    public void latest(Context ctx) throws IOException {
        String cohortId = access.cohort(Callers.of(ctx), ctx.pathParam("cohortId")).id();
        HealthCheck check = checks.get().latest(cohortId).orElseThrow(() -> ProblemException.notFound(
                "Cohort " + Shown.quoted(cohortId) + " has no health check yet; run one with POST /api/cohorts/"
                        + Shown.cut(cohortId) + "/health-checks."));
        String accept = ctx.header("Accept");
        if (accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv")) {
            ctx.contentType("text/csv; charset=utf-8");
            try (Writer csv = body(ctx)) {
                CsvReport.write(check, csv);
            }
        } else {
            writeJson(ctx, check);
        }
    }

    // A run of a large cohort is far more than memory holds: its pairings are streamed to the client.
    private static void writeJson(Context ctx, HealthCheck check) throws IOException {
        ctx.contentType(ContentType.APPLICATION_JSON);
        try (Writer json = body(ctx)) {
            HealthCheckJson.write(check, true, false, json);
        }
    }

    private static Writer body(Context ctx) {
        return new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
    }
}
