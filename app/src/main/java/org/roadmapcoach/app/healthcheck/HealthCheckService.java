package org.roadmapcoach.app.healthcheck;

import org.roadmapcoach.app.problem.Shown;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.HashMap;
import java.util.Map;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.app.problem.NotFoundException;
import org.roadmapcoach.data.run.RunInfo;
import org.roadmapcoach.data.run.RunRetention;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.data.run.RunKeys;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.run.RunWriter;
import org.roadmapcoach.data.run.StoredRun;
import org.roadmapcoach.data.store.CohortSnapshot;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;

/**
 * Runs the batch health check of a cohort: every pairing evaluated as of a date ({@link CheckPipeline}: in
 * bounded batches, one evaluator per core), and stores the run; and reads the stored runs.
 */
public final class HealthCheckService {

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
        try (CohortSnapshot snapshot = store.snapshot(cohortId);
             CheckPipeline pipeline = new CheckPipeline(evaluator, Runtime.getRuntime().availableProcessors())) {
            int total = snapshot.pairingCount();
            Optional<StoredRun> previous = runs.latest(cohortId);
            HealthCheck.Tally tally = new HealthCheck.Tally(previous.isPresent());
            try (RunKeys before = previous.map(p -> runs.keys(p.id())).orElse(null)) {
                StoredRun run = new RunWriter(store).save(cohortId, asOf, clock.instant(), snapshot.policy(),
                        evaluator.ruleBase(), snapshot.stamp(), sink -> {
                    pipeline.run(snapshot, null, null, asOf, sink, tally, before, done -> progress.update(done, total));
                    tally.finish(before);
                });
                return tally.check(runs, run, previous, names(cohortId));
            }
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

    void requireCohort(String cohortId) {
        if (store.cohort(cohortId).isEmpty()) {
            throw new NotFoundException("There is no cohort " + Shown.quoted(cohortId)
                    + " in this database; import it first"
                    + " with: coach import --db FILE --cohort " + Shown.cut(cohortId) + " FOLDER");
        }
    }
}
