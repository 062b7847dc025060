package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.data.generator.CohortGenerator;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.StoreSnapshot;
import org.roadmapcoach.data.store.Store;

/**
 * {@code coach import} killed with SIGKILL at random moments leaves the store exactly as it was before
 * or exactly as it is after a whole import, never anything in between: the import is one transaction
 * and SQLite's write-ahead log drops an unfinished one when the database is next opened.
 */
class ImportCrashTest {

    private static final int TRIALS = 20;
    /** About a second of import, a little longer than the JVM takes to start: most kills land inside it. */
    private static final int PAIRINGS = 500;

    @TempDir
    Path tmp;

    @Test
    void anImportKilledAtRandomMomentsLeavesTheStoreExactlyAsBeforeOrAsAfter() throws Exception {
        Path cohort = tmp.resolve("cohort");
        CohortGenerator.generate(cohort, PAIRINGS, 11);
        Path before = tmp.resolve("before.db");
        try (Store store = Store.open(before)) {
            assertThat(new CohortImporter(store).importSources(SampleCohort.ID, SampleCohort.files()).ok()).isTrue();
        }
        Map<String, String> beforeState = snapshot(before);

        // One import left to finish: the state after, and how long an import takes from JVM start to exit.
        Path whole = copy(before, "whole.db");
        long began = System.nanoTime();
        Process finished = ChildCoach.start(tmp.resolve("whole.log"), "import", "--db", whole, "--cohort", "big", cohort);
        assertThat(finished.waitFor()).as(Files.readString(tmp.resolve("whole.log"))).isZero();
        long importMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        Map<String, String> afterState = snapshot(whole);
        assertThat(afterState).isNotEqualTo(beforeState);

        long seed = System.nanoTime();
        Random random = new Random(seed);
        int keptBefore = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Path db = copy(before, "trial-" + trial + ".db");
            long delay = random.nextInt((int) importMillis + 1);
            Process child = ChildCoach.start(tmp.resolve("trial-" + trial + ".log"), "import", "--db", db, "--cohort",
                    "big", cohort);
            // Not a wait for anything to happen: the kill comes at a random moment of the import, or after it.
            child.waitFor(delay, TimeUnit.MILLISECONDS);
            child.destroyForcibly();
            child.waitFor();

            Map<String, String> state = snapshot(db);

            assertThat(state).as("trial %d (seed %d): killed after %d ms of an import of %d ms", trial, seed, delay,
                    importMillis).isIn(beforeState, afterState);
            keptBefore += state.equals(beforeState) ? 1 : 0;
        }
        System.out.printf("import crash: %d trials, kills within %d ms (seed %d): %d left the store as before, %d as"
                + " after%n", TRIALS, importMillis, seed, keptBefore, TRIALS - keptBefore);
    }

    private Path copy(Path db, String name) throws Exception {
        return Files.copy(db, tmp.resolve(name));
    }

    /** Opening the file is what a restarted program does: a killed process's write-ahead log is recovered first. */
    private static Map<String, String> snapshot(Path db) {
        try (Store store = Store.open(db)) {
            return StoreSnapshot.of(store);
        }
    }
}
