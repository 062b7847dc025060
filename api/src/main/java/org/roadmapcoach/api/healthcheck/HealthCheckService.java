package org.roadmapcoach.api.healthcheck;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.roadmapcoach.api.CoachInputException;
import org.roadmapcoach.data.run.RunPairing;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.run.StoredRun;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.Resource;

/**
 * Runs the batch health check of a cohort: every pairing evaluated as of a date, in bounded batches
 * so that memory holds one batch of roadmaps plus the results, then stores the run.
 */
public final class HealthCheckService {

    /** Pairings per rule session: large enough to amortise a session, small enough to bound memory. */
    public static final int BATCH_SIZE = 1000;

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
     * Evaluates and stores a health check of {@code cohortId} as of {@code asOf}.
     *
     * @param progress told the number of pairings read so far, after each batch
     */
    public HealthCheck run(String cohortId, LocalDate asOf, IntConsumer progress) {
        requireCohort(cohortId);
        Policy policy = store.policy(cohortId);
        List<Resource> catalog = store.resources(cohortId);
        List<RunPairing> pairings = new ArrayList<>();
        int[] read = {0};
        store.forEachRoadmapBatch(cohortId, BATCH_SIZE, batch -> {
            evaluator.evaluate(batch, catalog, policy, asOf).forEach(r -> pairings.add(RunPairing.of(r)));
            read[0] += batch.size();
            progress.accept(read[0]);
        });
        StoredRun run = runs.save(cohortId, asOf, clock.instant(), policy, pairings);
        return new HealthCheck(run, runs.before(cohortId, run.id()));
    }

    /** The last stored health check of the cohort, compared with the one before it. */
    public Optional<HealthCheck> latest(String cohortId) {
        requireCohort(cohortId);
        var latest = runs.latest(cohortId);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HealthCheck(latest.get(), runs.before(cohortId, latest.get().id())));
    }

    private void requireCohort(String cohortId) {
        if (store.cohort(cohortId).isEmpty()) {
            throw new CoachInputException("There is no cohort '" + cohortId + "' in this database; import it first"
                    + " with: coach import --db FILE --cohort " + cohortId + " FOLDER");
        }
    }
}
