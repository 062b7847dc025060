package org.roadmapcoach.app.healthcheck;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.roadmapcoach.data.run.CheckJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health checks run in the background (API.md: {@code Prefer: respond-async}): started at once, one at a
 * time in the order asked (a check uses every core), each with its progress (pairings done of the
 * cohort's total) and, once stored, its run's id. On a SQLite file a job is known to the process that runs
 * it, for as long as it lives (the finished ones beyond the newest {@value #FINISHED_KEPT} are forgotten).
 * On PostgreSQL a job is a split check ({@link SplitHealthCheck}) kept in the database: any server of it
 * answers for the job (behind a load balancer, the next request may reach another server), and any
 * {@code coach worker} helps this server evaluate it.
 */
public final class HealthCheckJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthCheckJobs.class);
    static final int FINISHED_KEPT = 100;

    /** Where a job is. */
    public enum Status {
        QUEUED, RUNNING, DONE, FAILED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A job as a client sees it.
     *
     * @param runId the stored run, once done
     */
    public record Job(String id, String cohortId, LocalDate asOf, Status status, int done, int total, Long runId) {
    }

    private final Supplier<HealthCheckService> checks;
    /** Null on a SQLite file. */
    private final Supplier<SplitHealthCheck> splits;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "coach-health-check-job");
        thread.setDaemon(true);
        return thread;
    });

    /** Jobs known to this process (a SQLite file's). */
    public HealthCheckJobs(Supplier<HealthCheckService> checks) {
        this(checks, null);
    }

    /** @param splits the split checks of a PostgreSQL store, whose jobs are in the database; null for SQLite */
    public HealthCheckJobs(Supplier<HealthCheckService> checks, Supplier<SplitHealthCheck> splits) {
        this.checks = checks;
        this.splits = splits;
    }

    /** Starts a health check of {@code cohortId} as of {@code asOf} (the caller checked access) and returns its job. */
    public Job start(String cohortId, LocalDate asOf) {
        if (splits != null) {
            SplitHealthCheck split = splits.get();
            Optional<SplitHealthCheck.Started> started = split.begin(cohortId, asOf);
            if (started.isPresent()) {
                runner.submit(() -> finish(split, started.get()));
                return find(cohortId, Long.toString(started.get().jobId())).orElseThrow();
            }
        }
        String id = UUID.randomUUID().toString();
        Job queued = new Job(id, cohortId, asOf, Status.QUEUED, 0, 0, null);
        jobs.put(id, queued);
        forgetOldFinished();
        runner.submit(() -> run(queued));
        return queued;
    }

    /** Job {@code jobId} of the cohort, if this process (or, on PostgreSQL, the database) knows it. */
    public Optional<Job> find(String cohortId, String jobId) {
        Optional<Job> job = Optional.ofNullable(jobs.get(jobId));
        if (job.isEmpty() && splits != null && SPLIT_JOB_ID.matcher(jobId).matches()) {
            job = splits.get().progress(Long.parseLong(jobId)).map(HealthCheckJobs::of);
        }
        return job.filter(j -> j.cohortId().equals(cohortId));
    }

    /** The ids of split checks' jobs: the database's numbers (this process's own are UUIDs). */
    private static final java.util.regex.Pattern SPLIT_JOB_ID = java.util.regex.Pattern.compile("[1-9][0-9]{0,17}");

    private static Job of(SplitHealthCheck.Progress progress) {
        CheckJobs.Job job = progress.job();
        Status status = switch (job.state()) {
            case RUNNING -> Status.RUNNING;
            case DONE -> Status.DONE;
            case FAILED -> Status.FAILED;
        };
        int total = (int) job.pairings();
        return new Job(Long.toString(job.id()), job.cohortId(), job.asOf(), status,
                status == Status.DONE ? total : (int) progress.written(), total,
                status == Status.DONE ? job.runId() : null);
    }

    /** On the runner: works on a split check this process began until it is stored (or failed). */
    private void finish(SplitHealthCheck split, SplitHealthCheck.Started started) {
        try {
            split.finish(started, Runtime.getRuntime().availableProcessors(), new SplitHealthCheck.Listener() { });
        } catch (RuntimeException | Error e) {
            LOG.error("health check job {} failed", started.jobId(), e);
        }
    }

    private void run(Job job) {
        try {
            jobs.put(job.id(), new Job(job.id(), job.cohortId(), job.asOf(), Status.RUNNING, 0, 0, null));
            HealthCheck check = checks.get().run(job.cohortId(), job.asOf(), (done, total) -> jobs.put(job.id(),
                    new Job(job.id(), job.cohortId(), job.asOf(), Status.RUNNING, done, total, null)));
            int total = check.pairings().size();
            Job running = jobs.get(job.id());
            jobs.put(job.id(), new Job(job.id(), job.cohortId(), job.asOf(), Status.DONE, running.total(),
                    Math.max(total, running.total()), check.run().id()));
        } catch (RuntimeException | Error e) {
            LOG.error("health check job {} of cohort {} failed", job.id(), job.cohortId(), e);
            Job last = jobs.get(job.id());
            jobs.put(job.id(), new Job(job.id(), job.cohortId(), job.asOf(), Status.FAILED, last.done(), last.total(),
                    null));
        }
    }

    private void forgetOldFinished() {
        long finished = jobs.values().stream().filter(j -> j.status() == Status.DONE || j.status() == Status.FAILED)
                .count();
        for (Iterator<Job> it = jobs.values().iterator(); finished > FINISHED_KEPT && it.hasNext(); ) {
            Job job = it.next();
            if (job.status() == Status.DONE || job.status() == Status.FAILED) {
                it.remove();
                finished--;
            }
        }
    }

    /** Stops the jobs: a running check is interrupted, and its run never becomes visible. */
    @Override
    public void close() {
        runner.shutdownNow();
    }
}
