package org.roadmapcoach.app.nextsteps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.app.access.Access.PairingRef;
import org.roadmapcoach.app.access.Access;
import org.roadmapcoach.app.healthcheck.HealthCheckService;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.generator.CohortGenerator;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.store.RecordWriter;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * The stored-run answer is a cache of the live one: on a generated cohort, at several dates, every
 * pairing's findings from a stored health check equal a live evaluation's, field by field, and a write
 * makes the stored run stand aside for that pairing.
 * On SQLite and on PostgreSQL ({@link StoreKind}).
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class StoredRunFindingsTest {

    @Parameter
    StoreKind kind;

    private static final Evaluator EVALUATOR = Evaluator.fromClasspath();
    private static final String COHORT = "c";
    private static final List<LocalDate> DATES = List.of(CohortGenerator.AS_OF.minusDays(40),
            CohortGenerator.AS_OF, CohortGenerator.AS_OF.plusDays(23));

    @TempDir
    Path temp;

    private Store store;
    private LiveFindings live;
    private StoredRunFindings stored;

    @BeforeEach
    void importAGeneratedCohort() throws Exception {
        CohortGenerator.generate(temp.resolve("cohort"), 240, 11);
        store = kind.open(temp.resolve("coach.db"));
        assertThat(new CohortImporter(store).importPaths(COHORT, List.of(temp.resolve("cohort"))).ok()).isTrue();
        live = new LiveFindings(store, () -> EVALUATOR);
        stored = new StoredRunFindings(new RunStore(store), EVALUATOR.ruleBase(), live);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private List<PairingRef> pairings() {
        List<PairingRef> refs = new ArrayList<>();
        store.forEachRoadmapBatch(COHORT, 1_000, batch -> batch.stream().map(Roadmap::pairing)
                .forEach(p -> refs.add(new PairingRef(COHORT, p))));
        return refs;
    }

    /** What a run keeps of a finding (evidence numbers may come back as another Number type, so as text). */
    private static List<String> described(Optional<List<Finding>> findings) {
        return findings.map(list -> list.stream().map(f -> String.join(" | ", f.ruleId(), f.severity().code(),
                f.category(), f.subjectType().code(), f.subjectId(), f.pairingId(), f.audience().code(), f.message(),
                f.nextStep(), f.evidence().toString(), String.valueOf(f.keyDate()))).toList()).orElse(null);
    }

    @Test
    void storedRunsAnswerExactlyWhatTheLiveEvaluationAnswersAtEveryDate() {
        HealthCheckService checks = new HealthCheckService(store, EVALUATOR, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        DATES.forEach(date -> checks.run(COHORT, date, done -> { }));
        RunStore runs = new RunStore(store);
        int answeredFromRuns = 0;
        for (LocalDate date : DATES) {
            for (PairingRef ref : pairings()) {
                assertThat(described(stored.of(ref, date))).as(ref.pairingId() + " as of " + date)
                        .isEqualTo(described(live.of(ref, date)));
                if (ref.pairing().isActiveOn(date)
                        && runs.currentFindings(COHORT, ref.pairingId(), date, EVALUATOR.ruleBase()).isPresent()) {
                    answeredFromRuns++;
                }
            }
        }
        assertThat(answeredFromRuns).as("the runs were used, not only the live path").isGreaterThan(200);
    }

    @Test
    void aWriteMakesTheRunStandAsideForThatPairingOnly() {
        LocalDate date = CohortGenerator.AS_OF;
        new HealthCheckService(store, EVALUATOR, Clock.systemUTC()).run(COHORT, date, done -> { });
        List<PairingRef> active = pairings().stream().filter(p -> p.pairing().isActiveOn(date)).toList();
        Pairing written = active.get(0).pairing();
        RunStore runs = new RunStore(store);

        new RecordWriter(store).add(COHORT, new CheckIn(null, written.id(), date, CheckInType.CHECKIN,
                CheckInStatus.HELD, 30, null, null, null));

        assertThat(runs.currentFindings(COHORT, written.id(), date, EVALUATOR.ruleBase())).isEmpty();
        assertThat(runs.currentFindings(COHORT, active.get(1).pairingId(), date, EVALUATOR.ruleBase())).isPresent();
        PairingRef ref = new Access(store).pairing(COHORT, written.id());
        assertThat(described(stored.of(ref, date))).isEqualTo(described(live.of(ref, date)));
    }

    @Test
    void findingsAskedInBulkAreTheSameAsAskedOneByOneWithOrWithoutARun() {
        LocalDate checked = CohortGenerator.AS_OF;
        new HealthCheckService(store, EVALUATOR, Clock.systemUTC()).run(COHORT, checked, done -> { });
        List<PairingRef> all = pairings();
        PairingRef written = all.stream().filter(p -> p.pairing().isActiveOn(checked)).findFirst().orElseThrow();
        new RecordWriter(store).add(COHORT, new CheckIn(null, written.pairingId(), checked, CheckInType.CHECKIN,
                CheckInStatus.HELD, 30, null, null, null));
        all = pairings(); // the written pairing's revision moved

        for (LocalDate date : List.of(checked, checked.plusDays(9))) {
            for (PairingFindings findings : List.of(live, stored)) {
                var bulk = findings.ofMany(all, date);
                for (PairingRef ref : all) {
                    assertThat(described(Optional.ofNullable(bulk.get(ref.pairingId()))))
                            .as(ref.pairingId() + " as of " + date).isEqualTo(described(live.of(ref, date)));
                }
                assertThat(bulk).as("only the active ones").hasSize((int) all.stream()
                        .filter(ref -> ref.pairing().isActiveOn(date)).count());
            }
        }
        List<PairingRef> few = all.subList(0, 7);
        assertThat(live.ofMany(few, checked).keySet()).as("a few are asked one by one, in the order given")
                .containsExactlyElementsOf(few.stream().filter(r -> r.pairing().isActiveOn(checked))
                        .map(PairingRef::pairingId).toList());
    }
}
