package org.roadmapcoach.data.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.generator.CohortGenerator;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.store.CohortSnapshot;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.StoreAccessException;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.engine.policy.PolicyKey;

/**
 * The leases of a split health check's partitions (PostgreSQL): a partition is claimed by one worker at a
 * time, taken over when its lease runs out (what the first worker stored of it deleted, and its next write
 * refused), given up after failing three times, and the run is visible only once the last partition is in.
 */
class CheckJobsTest {

    private static final LocalDate AS_OF = CohortGenerator.AS_OF;
    private static final int PAIRINGS = 600;

    @TempDir
    Path temp;

    private Store store;
    private CheckJobs jobs;
    private CohortSnapshot snapshot;
    private List<String> ids;
    private long runId;
    private long jobId;

    @BeforeEach
    void beginASplitCheck() throws Exception {
        CohortGenerator.generate(temp.resolve("cohort"), PAIRINGS, 3);
        store = StoreKind.POSTGRESQL.open(temp.resolve("coach.db"));
        assertThat(new CohortImporter(store).importPaths("c", List.of(temp.resolve("cohort"))).ok()).isTrue();
        jobs = new CheckJobs(store);
        snapshot = store.snapshot("c");
        ids = snapshot.pairingIds();
        String exported = snapshot.export();
        runId = new RunWriter(store).begin("c", AS_OF, Instant.EPOCH, snapshot.policy(), "rules", snapshot.stamp());
        jobId = jobs.create(runId, "c", AS_OF, exported, null, List.of(
                new CheckJobs.Range(ids.get(0), ids.get(299), 300),
                new CheckJobs.Range(ids.get(300), ids.get(PAIRINGS - 1), 300)), 1);
    }

    @AfterEach
    void close() {
        snapshot.close();
        store.close();
    }

    @Test
    void aClaimedPartitionIsTakenOverOnlyOnceItsLeaseRunsOutAndItsFirstWorkersWritesAreUndone() throws Exception {
        CheckJobs.Claim first = jobs.claim("A").orElseThrow();
        assertThat(first.part()).isZero();
        assertThat(jobs.claim("B").orElseThrow().part()).isEqualTo(1);
        assertThat(jobs.claim("C")).isEmpty(); // both leased

        // A stores 250 pairings of its partition, then stops without a word (as a killed process does)
        assertThatThrownBy(() -> write(first, 260, true)).hasMessage("killed");
        assertThat(storedPairings()).isEqualTo(250);
        assertThat(jobs.written(jobId)).isEqualTo(250);

        Optional<CheckJobs.Claim> takenOver = Optional.empty();
        while (takenOver.isEmpty() || takenOver.get().part() != 0) { // until A's lease of one second runs out
            Thread.sleep(100);
            takenOver = jobs.claim("C"); // B's, which B did not renew, may run out first
        }
        assertThat(storedPairings()).isZero();
        assertThatThrownBy(() -> write(first, 10, false)).isInstanceOf(CheckJobs.LeaseLostException.class);
        assertThat(storedPairings()).isZero();
    }

    @Test
    void aWorkerLookingForPartitionsWhenNoneWaitsWritesNothing() {
        jobs.claim("A");
        jobs.claim("B");
        long commits = commits();
        for (int i = 0; i < 3; i++) {
            assertThat(jobs.claim("idle")).isEmpty();
        }
        assertThat(commits()).isEqualTo(commits); // every server's memory stays valid
    }

    private long commits() {
        return store.read(connection -> {
            try (var query = connection.prepareStatement("SELECT version FROM store_commits");
                 var row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    @Test
    void theRunIsVisibleOnlyOnceItsLastPartitionIsStored() {
        CheckJobs.Claim first = jobs.claim("A").orElseThrow();
        CheckJobs.Claim second = jobs.claim("B").orElseThrow();
        write(second, 300, false);
        assertThat(new RunStore(store).latest("c")).isEmpty();
        assertThat(jobs.find(jobId).orElseThrow().state()).isEqualTo(CheckJobs.State.RUNNING);
        assertThat(jobs.written(jobId)).isEqualTo(300);

        write(first, 300, false);
        assertThat(new RunStore(store).latest("c").orElseThrow().id()).isEqualTo(runId);
        assertThat(new RunStore(store).list("c").get(0).pairings()).isEqualTo(PAIRINGS);
        assertThat(jobs.find(jobId).orElseThrow().state()).isEqualTo(CheckJobs.State.DONE);
        assertThat(jobs.claim("C")).isEmpty();
    }

    @Test
    void aPartitionThatFailsThreeTimesFailsItsJobSayingWhyAndDeletesItsRun() {
        for (int attempt = 1; attempt <= 3; attempt++) {
            CheckJobs.Claim claim = jobs.claim("A" + attempt).orElseThrow();
            assertThat(claim.part()).isZero();
            jobs.release(claim, "partition 0 failed: attempt " + attempt);
        }
        assertThat(jobs.find(jobId).orElseThrow().state()).isEqualTo(CheckJobs.State.RUNNING);
        assertThat(jobs.claim("B")).isEmpty(); // the next claim finds partition 0 failed three times: the job fails
        assertThat(jobs.find(jobId).orElseThrow().state()).isEqualTo(CheckJobs.State.FAILED);
        assertThat(jobs.find(jobId).orElseThrow().failure()).isEqualTo("partition 0 failed: attempt 3");
        assertThat(storedPairings()).isZero();
        long runs = store.read(connection -> {
            try (var query = connection.prepareStatement("SELECT count(*) FROM health_check_runs WHERE id = ?")) {
                query.setLong(1, runId);
                try (var row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
        assertThat(runs).isZero();
    }

    /** Some hosted PostgreSQL end transactions idle for a while: a coordinator's, and a worker's, sit idle. */
    @Test
    void anExportedSnapshotOutlivesTheServersIdleTransactionTimeout() throws Exception {
        store.inTransaction(connection -> {
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET"
                        + " idle_in_transaction_session_timeout = 300', current_database()); END $$");
            }
            return null;
        });
        try (CohortSnapshot coordinator = store.snapshot("c")) { // a new connection: it has the timeout
            String exported = coordinator.export();
            Thread.sleep(1_000);
            assertThat(store.snapshotOpen(exported)).isTrue();
            try (CohortSnapshot worker = store.snapshot("c", exported)) {
                Thread.sleep(1_000);
                assertThat(worker.pairingIds()).isEqualTo(ids);
            }
        }
    }

    @Test
    void aPartitionReadsAtTheExportedSnapshotOnlyWhileItsTransactionIsOpen() {
        String exported = snapshot.export();
        int before = snapshot.policy().stalledDays();
        store.updatePolicy("c", policy -> policy.with(PolicyKey.MS_STALLED_DAYS,
                BigDecimal.valueOf(before + 5)));
        try (CohortSnapshot imported = store.snapshot("c", exported)) {
            assertThat(imported.policy().stalledDays()).isEqualTo(before);
            assertThat(imported.pairingIds()).isEqualTo(ids);
        }
        assertThat(store.snapshotOpen(exported)).isTrue();
        snapshot.close();
        assertThat(store.snapshotOpen(exported)).isFalse();
        assertThatThrownBy(() -> store.snapshot("c", exported)).isInstanceOf(StoreAccessException.class);
        assertThatThrownBy(() -> store.snapshotOpen("1'; DROP TABLE cohorts; --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.snapshot("c", "1'; DROP TABLE cohorts; --"))
                .isInstanceOf(IllegalArgumentException.class);
        snapshot = store.snapshot("c"); // for close()
    }

    /** Stores {@code count} pairings of {@code claim}'s partition under its lease, then throws if {@code die}. */
    private void write(CheckJobs.Claim claim, int count, boolean die) {
        int from = ids.indexOf(claim.range().first());
        new RunWriter(store).writePart(runId, "c", snapshot.stamp(), claim.textBase(), jobs.guard(claim), sink -> {
            for (int i = from; i < from + count; i++) {
                sink.add(new RunPairing(ids.get(i), "E", "M", Health.GREEN, List.of()));
            }
            if (die) {
                throw new IllegalStateException("killed");
            }
        });
    }

    private long storedPairings() {
        return store.read(connection -> {
            try (var query = connection.prepareStatement("SELECT count(*) FROM health_check_pairings WHERE run_id = ?")) {
                query.setLong(1, runId);
                try (var row = query.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }
}
