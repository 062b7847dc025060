package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.data.generator.CohortGenerator;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.policy.PolicyKey;

/**
 * A {@code coach check} in another process holds up neither readers nor writers of this one: a policy
 * change made while it writes its run commits at once, and the run answers for the data it read.
 */
class CheckInAnotherProcessTest {

    @TempDir
    Path tmp;

    @Test
    void aWriteDuringACheckOfAnotherProcessCommitsWhileTheCheckGoesOn() throws Exception {
        CohortGenerator.generate(tmp.resolve("cohort"), 4_000, 3);
        Path db = tmp.resolve("coach.db");
        try (Store store = Store.open(db)) {
            assertThat(new CohortImporter(store).importPaths("c", List.of(tmp.resolve("cohort"))).ok()).isTrue();
        }
        Process check = ChildCoach.start(tmp.resolve("check.log"), "check", "--db", db, "--cohort", "c", "--as-of",
                CohortGenerator.AS_OF, "--format", "csv", "--out", tmp.resolve("check.csv"));
        try (Store store = Store.open(db)) {
            // Until the check has written its first pairings (it is then mid-run, with thousands to go).
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (!writing(store) && check.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }
            assertThat(writing(store)).as("the check is writing its run").isTrue();

            store.savePolicy("c", store.policy("c").with(PolicyKey.OBJ_MAX_ACTIVE, PolicyKey.OBJ_MAX_ACTIVE.parse("1")));
            boolean checkStillRunning = check.isAlive();

            assertThat(check.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(check.exitValue()).isZero();
            assertThat(checkStillRunning).as("the write committed before the check ended").isTrue();
            assertThat(new RunStore(store).latest("c")).get().extracting(run -> run.policy().maxActiveObjectives())
                    .isEqualTo(5);
            assertThat(new RunStore(store).currentFindings("c", "P000001", CohortGenerator.AS_OF,
                    org.roadmapcoach.engine.evaluation.Evaluator.classpathRuleBase())).isEmpty();
        } finally {
            check.destroyForcibly();
        }
    }

    /** Whether a run is being written: stored pairings of a run not yet complete. */
    private static boolean writing(Store store) {
        return store.read(connection -> {
            try (var query = connection.prepareStatement("SELECT COUNT(*) FROM health_check_pairings p"
                    + " JOIN health_check_runs r ON r.id = p.run_id WHERE r.complete = 0");
                 var rows = query.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        });
    }
}
