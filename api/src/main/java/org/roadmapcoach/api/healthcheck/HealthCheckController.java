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
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Supplier;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.healthcheck.HealthCheckJobs;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.api.http.Callers;
import org.roadmapcoach.api.http.ProblemException;
import org.roadmapcoach.api.http.Requests;

/**
 * The coordinator's health-check endpoints: run one (at once, or as a background job with
 * {@code Prefer: respond-async}), follow a job, read the latest (JSON or CSV).
 */
public final class HealthCheckController {

    private final Supplier<HealthCheckService> checks;
    private final HealthCheckJobs jobs;
    private final Access access;
    private final Today today;

    public HealthCheckController(Supplier<HealthCheckService> checks, HealthCheckJobs jobs, Access access,
                                 Today today) {
        this.checks = checks;
        this.jobs = jobs;
        this.access = access;
        this.today = today;
    }

    /**
     * {@code POST /api/cohorts/{cohortId}/health-checks?asOf=}: run, store, return with its runId; with
     * {@code Prefer: respond-async}, 202 at once with the job's Location.
     */
    public void run(Context ctx) throws IOException {
        String cohortId = access.cohort(Callers.of(ctx), ctx.pathParam("cohortId")).id();
        LocalDate asOf = Requests.asOf(ctx, today);
        if (respondAsync(ctx.header("Prefer"))) {
            HealthCheckJobs.Job job = jobs.start(cohortId, asOf);
            ctx.status(202).header("Location", jobPath(job)).header("Preference-Applied", "respond-async");
            ctx.json(JobJson.of(job));
            return;
        }
        HealthCheck check = checks.get().run(cohortId, asOf, pairings -> { });
        ctx.status(201);
        writeJson(ctx, check);
    }

    /** {@code GET /api/cohorts/{cohortId}/health-checks/jobs/{jobId}}: the job's progress, then its runId. */
    public void job(Context ctx) {
        String cohortId = access.cohort(Callers.of(ctx), ctx.pathParam("cohortId")).id();
        String jobId = ctx.pathParam("jobId");
        HealthCheckJobs.Job job = jobs.find(cohortId, jobId).orElseThrow(() -> ProblemException.notFound(
                "There is no such health-check job of cohort '" + cohortId + "' (on a SQLite file a job is known to"
                        + " the server that runs it until it restarts; its run stays listed at /api/cohorts/"
                        + cohortId + "/runs)."));
        ctx.json(JobJson.of(job));
    }

    /** A job as the API shows it: its status, pairings done of total, and once done its run and where to read it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JobJson(String jobId, String cohortId, LocalDate asOf, String status, int done, int total, Long runId,
                   String run) {
        static JobJson of(HealthCheckJobs.Job job) {
            return new JobJson(job.id(), job.cohortId(), job.asOf(), job.status().code(), job.done(), job.total(),
                    job.runId(), job.runId() == null ? null
                            : "/api/cohorts/" + job.cohortId() + "/runs/" + job.runId());
        }
    }

    private static String jobPath(HealthCheckJobs.Job job) {
        return "/api/cohorts/" + job.cohortId() + "/health-checks/jobs/" + job.id();
    }

    /** Whether a Prefer header (RFC 7240) asks for respond-async, among other preferences or not. */
    static boolean respondAsync(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            if (preference.split(";")[0].strip().equalsIgnoreCase("respond-async")) {
                return true;
            }
        }
        return false;
    }

    /** {@code GET /api/cohorts/{cohortId}/health-checks/latest}: JSON, or CSV for {@code Accept: text/csv}. */
    public void latest(Context ctx) throws IOException {
        String cohortId = access.cohort(Callers.of(ctx), ctx.pathParam("cohortId")).id();
        HealthCheck check = checks.get().latest(cohortId).orElseThrow(() -> ProblemException.notFound(
                "Cohort " + Shown.quoted(cohortId) + " has no health check yet; run one with POST /api/cohorts/"
                        + Shown.cut(cohortId) + "/health-checks."));
        write(ctx, check);
    }

    /** A stored check as JSON, or CSV for {@code Accept: text/csv}. */
    static void write(Context ctx, HealthCheck check) throws IOException {
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
    static void writeJson(Context ctx, HealthCheck check) throws IOException {
        ctx.contentType(ContentType.APPLICATION_JSON);
        try (Writer json = body(ctx)) {
            HealthCheckJson.write(check, true, false, json);
        }
    }

    private static Writer body(Context ctx) {
        return new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
    }
}
