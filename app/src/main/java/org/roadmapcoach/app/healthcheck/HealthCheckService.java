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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.run.RunKeys;
import org.roadmapcoach.data.run.RunPairing;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.run.RunWriter;
import org.roadmapcoach.data.run.StoredRun;
import org.roadmapcoach.data.store.SqliteStore;
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

    private final SqliteStore store;
    private final RunStore runs;
    private final Evaluator evaluator;
    private final Clock clock;

    public HealthCheckService(SqliteStore store, Evaluator evaluator, Clock clock) {
        this.store = store;
        this.runs = new RunStore(store);
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /**
     * Evaluates and stores a health check of {@code cohortId} as of {@code asOf}, compared with the run
     * before it.
     *
     * @param progress told the number of pairings read so far, after each session's results are stored
     */
    public HealthCheck run(String cohortId, LocalDate asOf, IntConsumer progress) {
        requireCohort(cohortId);
        Policy policy = store.policy(cohortId);
        List<Resource> catalog = store.resources(cohortId);
        Optional<StoredRun> previous = runs.latest(cohortId);
        HealthCheck.Tally tally = new HealthCheck.Tally(previous.isPresent());
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService evaluators = Executors.newFixedThreadPool(workers, EVALUATOR_THREADS);
        ExecutorService reader = Executors.newSingleThreadExecutor(READER_THREAD);
        try (RunKeys before = previous.map(p -> runs.keys(p.id())).orElse(null)) {
            StoredRun run = new RunWriter(store).save(cohortId, asOf, clock.instant(), policy, evaluator.ruleBase(), sink -> {
                // Read batches on the reader, evaluate sessions on the workers, write in order here: each
                // thread's database work overlaps the others'. Two read batches' worth wait at most.
                BlockingQueue<Future<List<RunWriter.PreparedPairing>>> evaluating =
                        new ArrayBlockingQueue<>(2 * BATCH_SIZE / SESSION_SIZE);
                AtomicInteger read = new AtomicInteger();
                Future<?> reading = reader.submit(() -> {
                    try {
                        store.forEachRoadmapBatch(cohortId, BATCH_SIZE, batch -> {
                            for (int from = 0; from < batch.size(); from += SESSION_SIZE) {
                                List<Roadmap> session = batch.subList(from, Math.min(batch.size(), from
                                        + SESSION_SIZE));
                                // The workers also write the evidence's JSON, to store.
                                put(evaluating, evaluators.submit(() -> evaluator.evaluate(session, catalog, policy,
                                        asOf).stream().map(RunPairing::of).map(RunWriter::prepare).toList()));
                            }
                            read.addAndGet(batch.size());
                        });
                    } finally {
                        put(evaluating, END);
                    }
                    return null;
                });
                for (Future<List<RunWriter.PreparedPairing>> next = take(evaluating); next != END;
                        next = take(evaluating)) {
                    for (RunWriter.PreparedPairing p : await(next)) {
                        sink.add(p);
                        tally.add(p.pairing(), before);
                    }
                    progress.accept(read.get());
                }
                await(reading);
                tally.finish(before);
            });
            return tally.check(runs, run, previous);
        } finally {
            reader.shutdownNow();
            evaluators.shutdownNow();
        }
    }

    /** The last stored health check of the cohort, compared with the one before it. */
    public Optional<HealthCheck> latest(String cohortId) {
        requireCohort(cohortId);
        return runs.latest(cohortId).map(latest -> HealthCheck.load(runs, latest, runs.before(cohortId, latest.id())));
    }

    private static final ThreadFactory EVALUATOR_THREADS = task -> daemon(task, "coach-evaluator");
    private static final ThreadFactory READER_THREAD = task -> daemon(task, "coach-check-reader");
    /** Marks the end of the evaluations. */
    private static final Future<List<RunWriter.PreparedPairing>> END = CompletableFuture.completedFuture(List.of());

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
