package org.roadmapcoach.app.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.generator.CohortGenerator;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.run.CheckJobs;
import org.roadmapcoach.data.run.FindingKey;
import org.roadmapcoach.data.run.RunWriter;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;

/**
 * A health check split among workers (PostgreSQL) stores exactly the run one process stores: the same
 * pairings, findings, evidence, and what is new and resolved against the run before.
 */
class SplitHealthCheckTest {

    private static final Evaluator EVALUATOR = Evaluator.fromClasspath();
    private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    private static final LocalDate BEFORE = CohortGenerator.AS_OF.minusDays(30);
    private static final LocalDate NOW = CohortGenerator.AS_OF;

    @TempDir
    Path temp;

    @Test
    void aCheckSplitAmongTwoProcessesWorkersStoresWhatOneProcessStores() throws Exception {
        CohortGenerator.generate(temp.resolve("cohort"), 1_234, 7);
        try (Store whole = imported("whole"); Store split = imported("split")) {
            new HealthCheckService(whole, EVALUATOR, CLOCK).run("c", BEFORE, read -> { });
            new HealthCheckService(split, EVALUATOR, CLOCK).run("c", BEFORE, read -> { });
            HealthCheck expected = new HealthCheckService(whole, EVALUATOR, CLOCK).run("c", NOW, read -> { });

            // another process's worker (its own SplitHealthCheck, store and threads) shares the partitions
            AtomicBoolean stop = new AtomicBoolean();
            List<CheckJobs.Claim> storedElsewhere = new CopyOnWriteArrayList<>();
            Thread otherProcess;
            try (Store otherStore = Store.open(StoreKind.POSTGRESQL.address(temp.resolve("split")))) {
                otherProcess = new Thread(() -> new SplitHealthCheck(otherStore, EVALUATOR, CLOCK).work(2, stop::get,
                        storedInto(storedElsewhere)));
                otherProcess.start();
                List<CheckJobs.Claim> storedHere = new CopyOnWriteArrayList<>();
                HealthCheck actual = new SplitHealthCheck(split, EVALUATOR, CLOCK).run("c", NOW, 9, 2,
                        storedInto(storedHere));
                stop.set(true);
                otherProcess.join();

                assertThat(storedHere.size() + storedElsewhere.size()).isEqualTo(9);
                assertThat(actual.run().asOf()).isEqualTo(NOW);
                assertThat(actual.previous().orElseThrow().asOf()).isEqualTo(BEFORE);
                assertThat(actual.pairings()).isEqualTo(expected.pairings());
                assertThat(findings(actual)).isEqualTo(findings(expected));
                assertThat(actual.findingCount()).isEqualTo(expected.findingCount()).isPositive();
                assertThat(actual.byRule()).isEqualTo(expected.byRule());
                for (Change change : Change.values()) {
                    assertThat(actual.count(change)).as(change.toString()).isEqualTo(expected.count(change));
                }
                assertThat(actual.count(Change.NEW)).isPositive();
                assertThat(resolved(actual)).isEqualTo(resolved(expected)).isNotEmpty();
                assertThat(new HealthCheckService(split, EVALUATOR, CLOCK).runs("c")).hasSize(2);
            }
        }
    }

    @Test
    void aCoordinatorStoppedHalfWayFailsItsCheckAndKeepsNothing() throws Exception {
        CohortGenerator.generate(temp.resolve("cohort"), 1_234, 7);
        try (Store store = imported("stopped")) {
            SplitHealthCheck split = new SplitHealthCheck(store, EVALUATOR, CLOCK);
            SplitHealthCheck.Started started = split.begin("c", NOW, 8).orElseThrow();
            java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread coordinator = new Thread(() -> {
                try {
                    split.finish(started, 1, new SplitHealthCheck.Listener() { });
                } catch (RuntimeException e) {
                    failure.set(e);
                }
            });
            coordinator.start();
            while (split.progress(started.jobId()).orElseThrow().written() == 0) {
                Thread.sleep(10);
            }
            coordinator.interrupt(); // as a server that shuts down stops its jobs
            coordinator.join();

            assertThat(failure.get()).isInstanceOf(org.roadmapcoach.app.problem.CheckFailedException.class);
            CheckJobs.Job job = split.progress(started.jobId()).orElseThrow().job();
            assertThat(job.state()).isEqualTo(CheckJobs.State.FAILED);
            assertThat(job.failure()).contains("stopped");
            assertThat(new HealthCheckService(store, EVALUATOR, CLOCK).runs("c")).isEmpty();
        }
    }

    /** A coordinator killed (no word to anyone) before any worker came: its job is not "running" for ever. */
    @Test
    void aJobWhoseCoordinatorVanishedFailsWhenItIsNextLookedAt() throws Exception {
        CohortGenerator.generate(temp.resolve("cohort"), 40, 3);
        try (Store store = imported("vanished"); Store otherServer = Store.open(
                StoreKind.POSTGRESQL.address(temp.resolve("vanished")))) {
            SplitHealthCheck split = new SplitHealthCheck(store, EVALUATOR, CLOCK);
            SplitHealthCheck.Started started = split.begin("c", NOW, 4).orElseThrow();
            SplitHealthCheck elsewhere = new SplitHealthCheck(otherServer, EVALUATOR, CLOCK);
            assertThat(elsewhere.progress(started.jobId()).orElseThrow().job().state())
                    .isEqualTo(CheckJobs.State.RUNNING);

            started.close(); // its snapshot's transaction ends, as a killed process's does, and nothing else

            CheckJobs.Job job = elsewhere.progress(started.jobId()).orElseThrow().job();
            assertThat(job.state()).isEqualTo(CheckJobs.State.FAILED);
            assertThat(job.failure()).isEqualTo(SplitHealthCheck.COORDINATOR_GONE);
            assertThat(split.progress(started.jobId()).orElseThrow().job()).isEqualTo(job);
            assertThat(new CheckJobs(store).running()).isEmpty();
        }
    }

    @Test
    void aCohortIsCutIntoRangesOfNearlyEqualSizeNoneEmpty() {
        List<String> ids = List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7");
        assertThat(SplitHealthCheck.ranges(ids, 3)).containsExactly(new CheckJobs.Range("P1", "P2", 2),
                new CheckJobs.Range("P3", "P4", 2), new CheckJobs.Range("P5", "P7", 3));
        assertThat(SplitHealthCheck.ranges(ids, 10)).hasSize(7);
        assertThat(SplitHealthCheck.ranges(List.of(), 4)).isEmpty();
    }

    @Test
    void splittingIsRefusedOnSqliteAndOutsideOneTo256Partitions() throws Exception {
        CohortGenerator.generate(temp.resolve("cohort"), 3, 1);
        try (Store sqlite = StoreKind.SQLITE.open(temp.resolve("coach.db"))) {
            new CohortImporter(sqlite).importPaths("c", List.of(temp.resolve("cohort")));
            assertThatThrownBy(() -> new SplitHealthCheck(sqlite, EVALUATOR, CLOCK).run("c", NOW, 2, 1,
                    new SplitHealthCheck.Listener() { }))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("PostgreSQL");
        }
        try (Store postgres = imported("postgres")) {
            for (int partitions : new int[] {0, 257}) {
                assertThatThrownBy(() -> new SplitHealthCheck(postgres, EVALUATOR, CLOCK).run("c", NOW, partitions, 1,
                        new SplitHealthCheck.Listener() { }))
                        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 256");
            }
        }
    }

    private Store imported(String name) {
        Store store = StoreKind.POSTGRESQL.open(temp.resolve(name));
        assertThat(new CohortImporter(store).importPaths("c", List.of(temp.resolve("cohort"))).ok()).isTrue();
        return store;
    }

    private static SplitHealthCheck.Listener storedInto(List<CheckJobs.Claim> stored) {
        return new SplitHealthCheck.Listener() {
            @Override
            public void stored(CheckJobs.Claim claim, RunWriter.Written written, java.time.Duration took) {
                stored.add(claim);
            }
        };
    }

    static List<String> findings(HealthCheck check) {
        List<String> all = new ArrayList<>();
        check.forEachPairing(HealthCheck.Order.BY_ID, true, (p, summary) -> p.findings().forEach(f -> all.add(
                p.pairingId() + " " + FindingKey.of(f) + " " + f.severity() + " " + f.audience() + " " + f.message()
                        + " " + f.nextStep() + " " + f.keyDate() + " " + f.evidence())));
        return all;
    }

    private static List<String> resolved(HealthCheck check) {
        List<String> all = new ArrayList<>();
        check.forEachResolved((p, f) -> all.add(p.pairingId() + " " + FindingKey.of(f)));
        return all;
    }
}
