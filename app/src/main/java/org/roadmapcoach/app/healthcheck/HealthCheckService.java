package org.roadmapcoach.app.healthcheck;

import org.roadmapcoach.app.problem.Shown;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntConsumer;
import java.util.HashMap;
import java.util.Map;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.run.RunInfo;
import org.roadmapcoach.data.run.RunRetention;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.data.run.RunKeys;
import org.roadmapcoach.data.run.RunPairing;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.run.RunWriter;
import org.roadmapcoach.data.run.StoredRun;
import org.roadmapcoach.data.store.CohortSnapshot;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * Runs the batch health check of a cohort: every pairing evaluated as of a date, in bounded batches,
 * and stores the run. Batches are read on a reader thread, evaluated in sessions on one worker per core
 * and written in order on the calling thread as soon as each session (and every one before it) is done,
 * so memory holds a few batches, never the run.
 */
public final class HealthCheckService {

    /** Pairings read from the database at a time: bounds memory, and amortises the eight queries of a read. */
    public static final int BATCH_SIZE = 1000;

    /**
     * Pairings per rule session. Measured on a generated cohort: sessions of 25 to 100 pairings evaluate
     * about twice as many pairings per CPU-second as sessions of 1,000, and their facts die young instead of
     * filling the old generation of a 1 GB heap.
     */
    static final int SESSION_SIZE = 100;

    private final Store store;
    private final RunStore runs;
    private final Evaluator evaluator;
    private final Clock clock;

    public HealthCheckService(Store store, Evaluator evaluator, Clock clock) {
        this.store = store;
        this.runs = new RunStore(store);
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** What a running health check tells as it goes. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of the cohort's {@code total} pairings evaluated and stored so far. */
        void update(int done, int total);
    }

    /** {@link #run(String, LocalDate, Progress)} telling the pairings done only. */
    public HealthCheck run(String cohortId, LocalDate asOf, IntConsumer progress) {
        return run(cohortId, asOf, (done, total) -> progress.accept(done));
    }

    /**
     * Evaluates and stores a health check of {@code cohortId} as of {@code asOf}, compared with the run
     * before it. Everything it evaluates (policy, catalog, roadmaps) is read from one snapshot of the database
     * and the run is stamped with that snapshot's data version; writes made while it runs are neither seen by
     * it nor held up by it (it writes in short transactions), and the run is visible once complete.
     *
     * @param progress told how many of the cohort's pairings (of any status: those not active on the date
     *     are not evaluated) are done, of its total, after each session's results are handed to the writer
     */
    public HealthCheck run(String cohortId, LocalDate asOf, Progress progress) {
        requireCohort(cohortId);
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService evaluators = Executors.newFixedThreadPool(workers, EVALUATOR_THREADS);
        ExecutorService reader = Executors.newSingleThreadExecutor(READER_THREAD);
        try (CohortSnapshot snapshot = store.snapshot(cohortId)) {
            Policy policy = snapshot.policy();
            List<Resource> catalog = snapshot.resources();
            int total = snapshot.pairingCount();
            Optional<StoredRun> previous = runs.latest(cohortId);
            HealthCheck.Tally tally = new HealthCheck.Tally(previous.isPresent());
            try (RunKeys before = previous.map(p -> runs.keys(p.id())).orElse(null)) {
                StoredRun run = new RunWriter(store).save(cohortId, asOf, clock.instant(), policy,
                        evaluator.ruleBase(), snapshot.stamp(), sink -> {
                    // Read batches on the reader, evaluate sessions on the workers, write in order here: each
                    // thread's database work overlaps the others'. Two read batches' worth wait at most.
                    BlockingQueue<Future<Evaluated>> evaluating =
                            new ArrayBlockingQueue<>(2 * BATCH_SIZE / SESSION_SIZE);
                    int done = 0;
                    Future<?> reading = reader.submit(() -> {
                        try {
                            snapshot.forEachRoadmapBatch(BATCH_SIZE, batch -> {
                                for (int from = 0; from < batch.size(); from += SESSION_SIZE) {
                                    List<Roadmap> session = batch.subList(from, Math.min(batch.size(),
                                            from + SESSION_SIZE));
                                    // The workers also encode the findings, to store.
                                    put(evaluating, evaluators.submit(() -> new Evaluated(session.size(),
                                            evaluator.evaluate(session, catalog, policy, asOf).stream()
                                                    .map(RunPairing::of).map(sink::prepare).toList())));
                                }
                            });
                        } finally {
                            put(evaluating, END);
                        }
                        return null;
                    });
                    for (Future<Evaluated> next = take(evaluating); next != END; next = take(evaluating)) {
                        Evaluated session = await(next);
                        for (RunWriter.PreparedPairing p : session.pairings()) {
                            sink.add(p, tally.add(p.pairing(), before));
                        }
                        done += session.read();
                        progress.update(done, total);
                    }
                    await(reading);
                    tally.finish(before);
                });
                return tally.check(runs, run, previous, names(cohortId));
            }
        } finally {
            reader.shutdownNow();
            evaluators.shutdownNow();
        }
    }

    /** The last stored health check of the cohort, compared with the one before it. */
    public Optional<HealthCheck> latest(String cohortId) {
        requireCohort(cohortId);
        return runs.latest(cohortId).map(this::compared);
    }

    /**
     * Stored run {@code runId} of the cohort, compared with the one before it.
     *
     * @throws NotFoundException when the cohort has no such complete run
     */
    public HealthCheck stored(String cohortId, long runId) {
        requireCohort(cohortId);
        return runs.find(cohortId, runId).map(this::compared).orElseThrow(() -> new NotFoundException(
                "Cohort '" + cohortId + "' has no stored run " + runId + "; the runs it keeps are listed by"
                        + " coach runs --cohort " + cohortId + " (GET /api/cohorts/" + cohortId + "/runs)."));
    }

    /** The cohort's stored runs, newest first. */
    public List<RunInfo> runs(String cohortId) {
        requireCohort(cohortId);
        return runs.list(cohortId);
    }

    /**
     * Deletes the cohort's stored runs but the newest {@code keep}.
     *
     * @return the ids of the runs deleted, oldest first
     * @throws InvalidInputException when {@code keep} is not from 1 to {@link RunRetention#MAX_KEEP}
     */
    public List<Long> prune(String cohortId, int keep) {
        requireCohort(cohortId);
        requireKeep("keep", keep);
        return new RunRetention(store).prune(cohortId, keep);
    }

    /** How many runs every cohort keeps after each health check ({@code runs.keep}, default 12). */
    public int keep() {
        return new RunRetention(store).keep();
    }

    /** Sets how many runs every cohort keeps after each health check, and prunes each cohort to it now. */
    public void setKeep(int keep) {
        requireKeep("runs.keep", keep);
        new RunRetention(store).setKeep(keep);
    }

    private static void requireKeep(String field, int keep) {
        if (keep < 1 || keep > RunRetention.MAX_KEEP) {
            throw InvalidInputException.of(field, keep,
                    "the number of runs to keep must be a whole number from 1 to " + RunRetention.MAX_KEEP);
        }
    }

    private HealthCheck compared(StoredRun run) {
        return HealthCheck.load(runs, run, runs.before(run.cohortId(), run.id()), names(run.cohortId()));
    }

    /** The names of the cohort's people, by id, for reports. */
    private Map<String, String> names(String cohortId) {
        Map<String, String> names = new HashMap<>();
        store.forEachRecord(Tables.PEOPLE, cohortId, person -> names.put(person.id(), person.name()));
        return names;
    }

    private static final ThreadFactory EVALUATOR_THREADS = task -> daemon(task, "coach-evaluator");
    private static final ThreadFactory READER_THREAD = task -> daemon(task, "coach-check-reader");
    /** Marks the end of the evaluations. */
    private static final Future<Evaluated> END = CompletableFuture.completedFuture(new Evaluated(0, List.of()));

    /** A session's results: how many pairings it read (inactive ones too), and those it evaluated. */
    private record Evaluated(int read, List<RunWriter.PreparedPairing> pairings) {
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static <T> void put(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the cohort", e);
        }
    }

    private static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating the health check", e);
        }
    }

    private static <T> T await(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating the health check", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("evaluating the health check failed", e.getCause());
        }
    }

    private void requireCohort(String cohortId) {
        if (store.cohort(cohortId).isEmpty()) {
            throw new NotFoundException("There is no cohort " + Shown.quoted(cohortId)
                    + " in this database; import it first"
                    + " with: coach import --db FILE --cohort " + Shown.cut(cohortId) + " FOLDER");
        }
    }
}
