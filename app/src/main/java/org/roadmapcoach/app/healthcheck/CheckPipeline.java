package org.roadmapcoach.app.healthcheck;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.IntConsumer;
import org.roadmapcoach.data.run.RunKeys;
import org.roadmapcoach.data.run.RunPairing;
import org.roadmapcoach.data.run.RunWriter;
import org.roadmapcoach.data.store.CohortSnapshot;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * Evaluates the pairings of a snapshot for a run, in bounded batches: batches are read on a reader thread,
 * evaluated in sessions on the evaluator threads and handed in pairing order to the calling thread as soon as
 * each session (and every one before it) is done, so that memory holds a few batches, never the run, and
 * reading, evaluating and writing overlap. Used by one thread at a time; close it.
 */
final class CheckPipeline implements AutoCloseable {

    /** Pairings read from the database at a time: bounds memory, and amortises the eight queries of a read. */
    static final int BATCH_SIZE = 1000;

    /**
     * Pairings per rule session. Measured on a generated cohort: sessions of 25 to 100 pairings evaluate
     * about twice as many pairings per CPU-second as sessions of 1,000, and their facts die young instead of
     * filling the old generation of a 1 GB heap.
     */
    static final int SESSION_SIZE = 100;

    private static final ThreadFactory EVALUATOR_THREADS = task -> daemon(task, "coach-evaluator");
    private static final ThreadFactory READER_THREAD = task -> daemon(task, "coach-check-reader");
    /** Marks the end of the evaluations. */
    private static final Future<Evaluated> END = CompletableFuture.completedFuture(new Evaluated(0, List.of()));

    private final Evaluator evaluator;
    private final ExecutorService evaluators;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(READER_THREAD);

    /** @param threads evaluator threads (at least one) */
    CheckPipeline(Evaluator evaluator, int threads) {
        this.evaluator = evaluator;
        this.evaluators = Executors.newFixedThreadPool(Math.max(1, threads), EVALUATOR_THREADS);
    }

    /** A session's results: how many pairings it read (inactive ones too), and those it evaluated. */
    private record Evaluated(int read, List<RunWriter.PreparedPairing> pairings) {
    }

    /**
     * Evaluates the pairings of {@code snapshot} with ids from {@code first} to {@code last} (both included;
     * null: no bound) as of {@code asOf}, and adds them to {@code sink} in id order, each compared by
     * {@code tally} with the run before ({@code before}, null when there is none).
     *
     * @param read told how many pairings (of any status) were read and handed on so far, after each session
     */
    void run(CohortSnapshot snapshot, String first, String last, LocalDate asOf, RunWriter.PairingSink sink,
             HealthCheck.Tally tally, RunKeys before, IntConsumer read) {
        Policy policy = snapshot.policy();
        List<Resource> catalog = snapshot.resources();
        // Two read batches' worth of sessions wait at most.
        BlockingQueue<Future<Evaluated>> evaluating = new ArrayBlockingQueue<>(2 * BATCH_SIZE / SESSION_SIZE);
        Future<?> reading = reader.submit(() -> {
            try {
                snapshot.forEachRoadmapBatch(BATCH_SIZE, first, last, batch -> {
                    for (int from = 0; from < batch.size(); from += SESSION_SIZE) {
                        List<Roadmap> session = batch.subList(from, Math.min(batch.size(), from + SESSION_SIZE));
                        // The evaluators also encode the findings, to store.
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
        int done = 0;
        try {
            for (Future<Evaluated> next = take(evaluating); next != END; next = take(evaluating)) {
                Evaluated session = await(next);
                for (RunWriter.PreparedPairing p : session.pairings()) {
                    sink.add(p, tally.add(p.pairing(), before));
                }
                done += session.read();
                read.accept(done);
            }
            await(reading);
        } finally {
            reading.cancel(true); // stops the reader when the writing failed
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
        evaluators.shutdownNow();
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
}
