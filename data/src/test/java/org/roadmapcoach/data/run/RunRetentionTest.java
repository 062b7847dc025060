package org.roadmapcoach.data.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.finding.SubjectType;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.Cohort;

/** Runs are visible only when complete, kept to the newest runs.keep, and leave the log empty; on SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class RunRetentionTest {

    @Parameter
    StoreKind kind;

    private static final LocalDate D = LocalDate.of(2026, 6, 15);

    @TempDir
    Path temp;

    private Store store;
    private RunStore runs;

    @BeforeEach
    void openStore() {
        store = kind.open(temp.resolve("coach.db"));
        store.ensureCohort(new Cohort("c", "c", null, null));
        runs = new RunStore(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private StoredRun save(RunWriter.RunSource source) {
        return new RunWriter(store).save("c", D, Instant.EPOCH, Policy.defaults(), "rules", source);
    }

    private StoredRun saveOne() {
        return save(sink -> sink.add(pairing("P1", finding("P1", "P1-O1", "Step."))));
    }

    @Test
    void aRunBeingWrittenIsInvisibleUntilCompleteAndAFailedOneLeavesNothing() {
        StoredRun first = saveOne();
        List<Optional<StoredRun>> seenWhileWriting = new ArrayList<>();

        StoredRun second = save(sink -> {
            for (int i = 1; i <= 600; i++) { // more than one transaction's worth
                sink.add(pairing(String.format("P%04d", i)));
            }
            seenWhileWriting.add(runs.latest("c"));
        });
        assertThatThrownBy(() -> save(sink -> {
            sink.add(pairing("P1"));
            throw new IllegalStateException("evaluation failed");
        })).hasMessage("evaluation failed");

        assertThat(seenWhileWriting).containsExactly(Optional.of(first));
        assertThat(runs.latest("c")).contains(second);
        assertThat(runs.list("c")).extracting(info -> info.run().id()).containsExactly(second.id(), first.id());
        assertThat(runs.list("c").get(0).pairings()).isEqualTo(600);
        assertThat(count("SELECT COUNT(*) FROM health_check_runs")).isEqualTo(2);
    }

    @Test
    void eachCohortKeepsItsNewestRunsKeepAfterEveryRunAndAPruneKeepsWhatItSays() {
        RunRetention retention = new RunRetention(store);
        assertThat(retention.keep()).isEqualTo(12);
        retention.setKeep(3);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(saveOne().id());
        }

        assertThat(runs.list("c")).extracting(info -> info.run().id()).containsExactly(ids.get(4), ids.get(3),
                ids.get(2));
        assertThat(retention.prune("c", 1)).containsExactly(ids.get(2), ids.get(3));
        assertThat(runs.list("c")).extracting(info -> info.run().id()).containsExactly(ids.get(4));
        assertThat(count("SELECT COUNT(*) FROM health_check_pairings")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM health_check_texts")).isEqualTo(1);
        assertThatThrownBy(() -> retention.prune("c", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLogIsEmptiedAfterARun() throws Exception {
        Assumptions.assumeTrue(kind == StoreKind.SQLITE, "SQLite's write-ahead log; PostgreSQL keeps its own");
        saveOne();

        assertThat(Files.size(temp.resolve("coach.db-wal"))).isZero();
    }

    @Test
    void findingsReadBackExactlyAsWrittenWithTheirNextStepsStoredOncePerRun() {
        StoredRun run = save(sink -> {
            sink.add(pairing("P1", finding("P1", "P1-O1", "Same step."), finding("P1", "P1-O2", "Same step.")));
            sink.add(pairing("P2", finding("P2", "P2-O1", "Same step."), finding("P2", "P2-O1", "Other step.")));
        });

        List<RunPairing> read = new ArrayList<>();
        runs.forEachPairing(run.id(), true, read::add);

        assertThat(read).hasSize(2);
        assertThat(read.get(0).findings()).extracting(Finding::nextStep).containsExactly("Same step.", "Same step.");
        assertThat(read.get(0).findings().get(1).evidence()).containsEntry("objectiveId", "P1-O2")
                .containsEntry("daysLate", 3);
        assertThat(read.get(1).findings().get(1)).isEqualTo(finding("P2", "P2-O1", "Other step."));
        assertThat(count("SELECT COUNT(*) FROM health_check_texts")).isEqualTo(2);
    }

    private long count(String sql) {
        return store.read(connection -> {
            try (var query = connection.prepareStatement(sql); var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static RunPairing pairing(String id, Finding... findings) {
        return new RunPairing(id, "E" + id, "M" + id, findings.length == 0 ? Health.GREEN : Health.AMBER,
                List.of(findings));
    }

    private static Finding finding(String pairingId, String objectiveId, String nextStep) {
        return new Finding("OBJ-OVERDUE", Severity.WARNING, Finding.categoryOf("OBJ-OVERDUE"), SubjectType.OBJECTIVE,
                objectiveId, pairingId, Audience.PAIR, "Objective " + objectiveId + " is 3 days late.", nextStep,
                Map.of("objectiveId", objectiveId, "daysLate", 3), D.minusDays(3));
    }
}
