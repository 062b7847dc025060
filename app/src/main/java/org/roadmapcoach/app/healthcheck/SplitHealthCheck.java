package org.roadmapcoach.app.healthcheck;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.roadmapcoach.app.problem.CheckFailedException;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.data.run.CheckJobs;
import org.roadmapcoach.data.run.RunKeys;
import org.roadmapcoach.data.run.RunRetention;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.run.RunWriter;
import org.roadmapcoach.data.run.StoredRun;
import org.roadmapcoach.data.store.CohortSnapshot;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;

/**
 * A cohort's health check split into partitions that workers of several processes share (PostgreSQL; API.md:
 * {@code check --partitions}, {@code coach worker}). The coordinator opens one snapshot of the cohort, exports
 * it, begins the run and divides the pairings into ranges ({@link CheckJobs}); every worker reads its
 * partition at the exported snapshot, so the whole run answers for one data version, and stores it under a
 * lease it renews as it goes. The coordinator works on its check too, and keeps its snapshot open until the
 * last partition is stored, which completes the run.
 */
public final class SplitHealthCheck {

    /** How long a worker's claim on a partition lasts unless renewed (each few hundred pairings stored renew it). */
    public static final Duration LEASE = Duration.ofSeconds(60);

    /** The size of a partition when nobody says ({@link #partitionsFor}). */
    private static final int PAIRINGS_PER_PARTITION = 2_000;

    /** Why a job whose coordinating process stopped without a word (killed) failed. */
    static final String COORDINATOR_GONE =
            "its coordinating process stopped before every partition was read; run the check again";

    /** How often a worker with nothing to do looks for partitions again. */
    private static final long IDLE_POLL_MILLIS = 200;

    private final Store store;
    private final Evaluator evaluator;
    private final Clock clock;
    private final CheckJobs jobs;
    private final RunStore runs;
    private final String process = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger workers = new AtomicInteger();

    public SplitHealthCheck(Store store, Evaluator evaluator, Clock clock) {
        this.store = store;
        this.evaluator = evaluator;
        this.clock = clock;
        this.jobs = new CheckJobs(store);
        this.runs = new RunStore(store);
    }

    /** What a worker tells as it goes. */
    public interface Listener {
        /** Partition {@code claim} of its job is stored. */
        default void stored(CheckJobs.Claim claim, RunWriter.Written written, Duration took) {
        }

        /** The worker stopped working on {@code claim}: its lease was lost, or it failed (and gave it back). */
        default void dropped(CheckJobs.Claim claim, RuntimeException reason) {
        }

        /** {@code done} of the job's pairings are stored. */
        default void progress(long done, long total) {
        }
    }

    /**
     * Runs the health check of {@code cohortId} as of {@code asOf} in {@code partitions} partitions, working on
     * them with {@code threads} threads of this process beside any {@code coach worker}, and returns the stored
     * run compared with the one before it.
     *
     * @throws InvalidInputException when the store is not PostgreSQL or {@code partitions} is out of range
     * @throws CheckFailedException when the check could not be finished (nothing of it is kept)
     */
    public HealthCheck run(String cohortId, LocalDate asOf, int partitions, int threads, Listener listener) {
        return run(cohortId, asOf, partitions, threads, LEASE, listener);
    }

    /**
     * How many partitions a check of {@code pairings} is split into when nobody says: about
     * {@value #PAIRINGS_PER_PARTITION} pairings each (seconds of work), at most {@link CheckJobs#MAX_PARTITIONS}.
     */
    public static int partitionsFor(int pairings) {
        return Math.max(1, Math.min(CheckJobs.MAX_PARTITIONS, pairings / PAIRINGS_PER_PARTITION));
    }

    /** {@link #run(String, LocalDate, int, int, Listener)} with a lease of {@code lease}, for tests. */
    HealthCheck run(String cohortId, LocalDate asOf, int partitions, int threads, Duration lease, Listener listener) {
        requirePartitions(store, partitions);
        Optional<Started> started = begin(cohortId, asOf, partitions, lease);
        if (started.isEmpty()) { // no pairings: nothing to split
            return new HealthCheckService(store, evaluator, clock).run(cohortId, asOf, (done, total) -> { });
        }
        long runId = finish(started.get(), threads, listener);
        return new HealthCheckService(store, evaluator, clock).stored(cohortId, runId);
    }

    /**
     * A split check begun ({@link #begin}): its job and run, and the snapshot every partition reads at, which
     * stays open until {@link SplitHealthCheck#finish} (or {@link #close()}, after which the check fails).
     */
    public static final class Started implements AutoCloseable {
        private final CohortSnapshot snapshot;
        private final String cohortId;
        private final int partitions;
        private long jobId;
        private long runId;

        private Started(CohortSnapshot snapshot, String cohortId, int partitions) {
            this.snapshot = snapshot;
            this.cohortId = cohortId;
            this.partitions = partitions;
        }

        /** The job's id ({@link CheckJobs#find}), which any process of the database can follow. */
        public long jobId() {
            return jobId;
        }

        /** How many pairings (of any status) the check reads. */
        public int pairings() {
            return snapshot.pairingCount();
        }

        @Override
        public void close() {
            snapshot.close();
        }
    }

    /**
     * Begins a split check of {@code cohortId} as of {@code asOf}: reads and exports a snapshot of the cohort,
     * begins the run and creates the job of (at most) {@code partitions} partitions, which workers may claim
     * from now on; {@link #finish} works on it and waits for it.
     *
     * @return empty when the cohort has no pairings to split
     * @throws InvalidInputException when the store is not PostgreSQL or {@code partitions} is out of range
     */
    public Optional<Started> begin(String cohortId, LocalDate asOf, int partitions) {
        requirePartitions(store, partitions);
        return begin(cohortId, asOf, partitions, LEASE);
    }

    /** {@link #begin(String, LocalDate, int)} in as many partitions as {@link #partitionsFor} its pairings. */
    public Optional<Started> begin(String cohortId, LocalDate asOf) {
        requirePostgreSQL(store);
        return begin(cohortId, asOf, null, LEASE);
    }

    /** @param partitions null: {@link #partitionsFor} the cohort's pairings */
    private Optional<Started> begin(String cohortId, LocalDate asOf, Integer partitions, Duration lease) {
        new HealthCheckService(store, evaluator, clock).requireCohort(cohortId);
        CohortSnapshot snapshot = store.snapshot(cohortId);
        int parts = partitions == null ? partitionsFor(snapshot.pairingCount()) : partitions;
        Started started = new Started(snapshot, cohortId, parts);
        try {
            List<CheckJobs.Range> ranges = ranges(snapshot.pairingIds(), parts);
            if (ranges.isEmpty()) {
                started.close();
                return Optional.empty();
            }
            String exported = snapshot.export();
            Long previous = runs.latest(cohortId).map(StoredRun::id).orElse(null);
            started.runId = new RunWriter(store).begin(cohortId, asOf, clock.instant(), snapshot.policy(),
                    evaluator.ruleBase(), snapshot.stamp());
            started.jobId = jobs.create(started.runId, cohortId, asOf, exported, previous, ranges,
                    (int) Math.max(1, lease.toSeconds()));
            return Optional.of(started);
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /**
     * Works on the check {@code started} with {@code threads} threads of this process (beside any other
     * worker) until its last partition is stored, then closes its snapshot and returns the stored run's id
     * (reading the run back, compared with the one before it, is seconds at 100,000 pairings: a background
     * job does not).
     *
     * @throws CheckFailedException when the check could not be finished (nothing of it is kept)
     */
    public long finish(Started started, int threads, Listener listener) {
        try (started) {
            long jobId = started.jobId;
            Listener following = new Listener() {
                @Override
                public void stored(CheckJobs.Claim claim, RunWriter.Written written, Duration took) {
                    listener.stored(claim, written, took);
                    listener.progress(jobs.written(jobId), started.pairings());
                }

                @Override
                public void dropped(CheckJobs.Claim claim, RuntimeException reason) {
                    listener.dropped(claim, reason);
                }
            };
            work(threads, () -> jobs.find(jobId).orElseThrow().state() != CheckJobs.State.RUNNING, following);
            boolean interrupted = Thread.interrupted(); // cleared for the read and write below, which would not wait
            try {
                CheckJobs.Job job = jobs.find(jobId).orElseThrow();
                if (job.state() == CheckJobs.State.RUNNING) { // interrupted: its snapshot goes with this process
                    jobs.fail(job, "the process coordinating it was stopped before every partition was stored;"
                            + " run the check again");
                    throw new CheckFailedException("The health check of cohort " + started.cohortId
                            + " was stopped before it was done; nothing of it is kept.");
                }
                if (job.state() == CheckJobs.State.FAILED) {
                    throw new CheckFailedException("The health check of cohort " + started.cohortId + " in "
                            + started.partitions + " partitions failed, and nothing of it is kept: " + job.failure());
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return started.runId;
    }

    /** A split check as far as it got: its job, and how many of its pairings are stored. */
    public record Progress(CheckJobs.Job job, long written) {
    }

    /**
     * Job {@code jobId}, which any process of the database may have begun. A running job whose coordinator is
     * gone (its process killed: its snapshot went with it, so the partitions nobody has read can never be) is
     * failed now, rather than said to be running for ever.
     */
    public Optional<Progress> progress(long jobId) {
        return jobs.find(jobId).map(job -> {
            if (job.state() == CheckJobs.State.RUNNING && !store.snapshotOpen(job.snapshot())) {
                jobs.fail(job, COORDINATOR_GONE); // only if still running: a job done meanwhile stays done
                job = jobs.find(jobId).orElseThrow();
            }
            return new Progress(job, jobs.written(jobId));
        });
    }

    /** {@code ids} in order, cut into at most {@code partitions} ranges of nearly equal size, none empty. */
    static List<CheckJobs.Range> ranges(List<String> ids, int partitions) {
        List<CheckJobs.Range> ranges = new ArrayList<>();
        int parts = Math.min(partitions, ids.size());
        for (int part = 0; part < parts; part++) {
            int from = (int) ((long) ids.size() * part / parts);
            int to = (int) ((long) ids.size() * (part + 1) / parts); // exclusive
            ranges.add(new CheckJobs.Range(ids.get(from), ids.get(to - 1), to - from));
        }
        return ranges;
    }

    /**
     * Claims and stores partitions of any running split check with {@code threads} threads until
     * {@code stop} says so (asked whenever a thread finds nothing to claim) or the calling thread is
     * interrupted: {@code coach worker}.
     */
    public void work(int threads, BooleanSupplier stop, Listener listener) {
        requirePostgreSQL(store);
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < Math.max(1, threads); i++) {
            String owner = process + "/" + workers.incrementAndGet();
            Thread thread = new Thread(() -> workUntil(owner, stop, listener), "coach-worker-" + owner);
            thread.setDaemon(true);
            thread.start();
            started.add(thread);
        }
        try {
            for (Thread thread : started) {
                thread.join();
            }
        } catch (InterruptedException e) {
            started.forEach(Thread::interrupt);
            Thread.currentThread().interrupt();
        }
    }

    private void workUntil(String owner, BooleanSupplier stop, Listener listener) {
        try (CheckPipeline pipeline = new CheckPipeline(evaluator, 1)) {
            while (!Thread.currentThread().isInterrupted()) {
                Optional<CheckJobs.Claim> claim = jobs.claim(owner);
                if (claim.isPresent()) {
                    store(claim.get(), pipeline, listener);
                } else if (stop.getAsBoolean()) {
                    return;
                } else {
                    Thread.sleep(IDLE_POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Evaluates and stores a claimed partition; a failure gives it back (a lost lease needs nothing). */
    private void store(CheckJobs.Claim claim, CheckPipeline pipeline, Listener listener) {
        CheckJobs.Job job = claim.job();
        long started = System.nanoTime();
        try (CohortSnapshot snapshot = store.snapshot(job.cohortId(), job.snapshot());
             RunKeys before = job.previousRunId() == null ? null
                     : runs.keys(job.previousRunId(), claim.range().first(), claim.range().last())) {
            HealthCheck.Tally tally = new HealthCheck.Tally(before != null);
            RunWriter.Written written = new RunWriter(store).writePart(job.runId(), job.cohortId(), snapshot.stamp(),
                    claim.textBase(), jobs.guard(claim), sink -> pipeline.run(snapshot, claim.range().first(),
                            claim.range().last(), job.asOf(), sink, tally, before, read -> { }));
            if (jobs.find(job.id()).map(CheckJobs.Job::state).orElse(null) == CheckJobs.State.DONE) {
                new RunRetention(store).afterRun(job.cohortId());
            }
            listener.stored(claim, written, Duration.ofNanos(System.nanoTime() - started));
        } catch (CheckJobs.LeaseLostException e) {
            listener.dropped(claim, e);
        } catch (RuntimeException e) {
            if (store.snapshotOpen(job.snapshot())) {
                jobs.release(claim, "partition " + claim.part() + " (pairings " + claim.range().first() + " to "
                        + claim.range().last() + ") failed: " + e.getMessage());
                listener.dropped(claim, e);
            } else { // the snapshot lived as long as the coordinator's transaction: no other worker can read it
                jobs.fail(job, COORDINATOR_GONE);
                listener.dropped(claim, new CheckFailedException(COORDINATOR_GONE));
            }
        }
    }

    /** @throws InvalidInputException unless the store is PostgreSQL and {@code partitions} within range */
    public static void requirePartitions(Store store, int partitions) {
        requirePostgreSQL(store);
        if (partitions < 1 || partitions > CheckJobs.MAX_PARTITIONS) {
            throw InvalidInputException.of("partitions", partitions,
                    "a health check splits into 1 to " + CheckJobs.MAX_PARTITIONS + " partitions");
        }
    }

    private static void requirePostgreSQL(Store store) {
        if (!store.isPostgreSQL()) {
            throw new InvalidInputException("A health check is split among workers on a PostgreSQL database only"
                    + " (--db postgresql://...); on a SQLite file, coach check uses every core of this machine.");
        }
    }
}
