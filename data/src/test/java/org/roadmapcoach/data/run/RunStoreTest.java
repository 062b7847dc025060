package org.roadmapcoach.data.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
import org.roadmapcoach.engine.roadmap.Stage;

/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class RunStoreTest {

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

    @Test
    void aRunWrittenAsItIsProducedReadsBackPairingByPairingInIdOrderWithItsEvidence() {
        StoredRun run = new RunWriter(store).save("c", D, Instant.EPOCH, Policy.defaults(), null, sink -> {
            sink.add(pairing("P1", finding("P1", "CI-OVERDUE", "P1", null), finding("P1", "RES-RECOMMEND", "R7", "P1-O2")));
            sink.add(pairing("P2"));
            sink.add(pairing("P3", finding("P3", "OBJ-EVIDENCE", "P3-O1", null)));
        });

        List<RunPairing> read = new ArrayList<>();
        runs.forEachPairing(run.id(), true, read::add);

        assertThat(read).extracting(RunPairing::pairingId).containsExactly("P1", "P2", "P3");
        assertThat(read.get(0).findings()).extracting(Finding::ruleId).containsExactly("CI-OVERDUE", "RES-RECOMMEND");
        assertThat(read.get(0).findings().get(1).evidence()).containsEntry("objectiveId", "P1-O2")
                .containsEntry("hours", new BigDecimal("1.50")).containsEntry("since", "2026-04-29");
        assertThat(read.get(1).findings()).isEmpty();
        assertThat(runs.latest("c")).contains(run);
    }

    @Test
    void pairingsComeBackInTheOrderAskedAndWithoutEvidenceButTheirKeysWhenNotWanted() {
        StoredRun run = new RunWriter(store).save("c", D, Instant.EPOCH, Policy.defaults(), null, List.of(
                pairing("P1", finding("P1", "CI-OVERDUE", "P1", "O7")), pairing("P2"),
                pairing("P3", finding("P3", "OBJ-EVIDENCE", "P3-O1", null))));

        List<RunPairing> read = runs.pairings(run.id(), List.of("P3", "P9", "P1"), false);

        assertThat(read).extracting(RunPairing::pairingId).containsExactly("P3", "P1");
        assertThat(read.get(0).findings()).extracting(Finding::subjectId).containsExactly("P3-O1");
        assertThat(read.get(0).findings().get(0).evidence()).isEmpty();
        assertThat(runs.pairings(run.id(), List.of("P1"), false).get(0).findings().get(0).evidence())
                .containsExactly(Map.entry("objectiveId", "O7")); // what its key needs, no more
    }

    @Test
    void keysOfAnEarlierRunPairUpWithANewerRunAndHandOverThePairingsItPassed() {
        StoredRun run = new RunWriter(store).save("c", D, Instant.EPOCH, Policy.defaults(), null, List.of(
                pairing("P1", finding("P1", "CI-OVERDUE", "P1", null)),
                pairing("P2", finding("P2", "RES-RECOMMEND", "R7", "P2-O1"), finding("P2", "RES-RECOMMEND", "R7", "P2-O2")),
                pairing("P4", finding("P4", "OBJ-EVIDENCE", "P4-O1", null))));
        List<FindingKey> passed = new ArrayList<>();

        try (RunKeys keys = runs.keys(run.id())) {
            List<FindingKey> p2 = keys.upTo("P2", passed::add);
            List<FindingKey> p3 = keys.upTo("P3", passed::add);
            keys.rest(passed::add);

            assertThat(p2).containsExactly(new FindingKey("P2", "RES-RECOMMEND", SubjectType.RESOURCE, "R7", "P2-O1"),
                    new FindingKey("P2", "RES-RECOMMEND", SubjectType.RESOURCE, "R7", "P2-O2"));
            assertThat(p3).isEmpty();
        }
        assertThat(passed).extracting(FindingKey::pairingId).containsExactly("P1", "P4");
        assertThat(passed.get(0).objectiveId()).isEmpty();
    }

    @Test
    void aRunWhoseProducerFailsIsNotStored() {
        assertThatThrownBy(() -> new RunWriter(store).save("c", D, Instant.EPOCH, Policy.defaults(), null, sink -> {
            sink.add(pairing("P1", finding("P1", "CI-OVERDUE", "P1", null)));
            throw new IllegalStateException("evaluation failed");
        })).hasMessage("evaluation failed");

        assertThat(runs.latest("c")).isEmpty();
    }

    @Test
    void pairingIdsAreOrderedAsSqliteOrdersThemNotAsJavaStringsCompare() {
        // U+FF21 (fullwidth A) sorts after U+1F600 (an emoji) in UTF-16 units, before it in code points.
        String fullwidth = "P\uFF21";
        String emoji = "P\uD83D\uDE00";

        assertThat(fullwidth.compareTo(emoji)).isPositive();
        assertThat(PairingOrder.compare(fullwidth, emoji)).isNegative();
        assertThat(PairingOrder.compare("P1", "P10")).isNegative();
        assertThat(PairingOrder.compare("P2", "P10")).isPositive();
        assertThat(PairingOrder.compare("P2", "P2")).isZero();
        StoredRun run = new RunWriter(store).save("c", D, Instant.EPOCH, Policy.defaults(), null, List.of(pairing(emoji), pairing(fullwidth)));
        List<String> stored = new ArrayList<>();
        runs.forEachPairing(run.id(), false, p -> stored.add(p.pairingId()));
        assertThat(stored).containsExactly(fullwidth, emoji);
    }

    @Test
    void evidenceIsStoredAsTheJsonAMapperWritesForItsPlainValues() throws Exception {
        Map<String, Object> evidence = new LinkedHashMap<>();
        Map<String, Object> plain = new LinkedHashMap<>(); // dates and enumerated values as text
        put(evidence, plain, "objectiveId", "P1-O2 \"quoted\" \u00e9", "P1-O2 \"quoted\" \u00e9");
        put(evidence, plain, "daysSince", 47L, 47L);
        put(evidence, plain, "rank", 2, 2);
        put(evidence, plain, "hours", new BigDecimal("1.50"), new BigDecimal("1.50"));
        put(evidence, plain, "ratio", new BigDecimal("4E+1"), new BigDecimal("4E+1"));
        put(evidence, plain, "since", LocalDate.of(2026, 4, 29), "2026-04-29");
        put(evidence, plain, "stage", Stage.MASTERY, "mastery");
        put(evidence, plain, "missing", List.of("roles", "success_metrics"), List.of("roles", "success_metrics"));
        put(evidence, plain, "dates", List.of(LocalDate.of(2026, 1, 5), List.of(Stage.PRACTICE)),
                List.of("2026-01-05", List.of("practice")));
        put(evidence, plain, "fit", true, true);
        put(evidence, plain, "share", 0.25, 0.25);
        put(evidence, plain, "none", null, null);

        assertThat(RunJson.evidenceJson(evidence)).isEqualTo(new ObjectMapper().writeValueAsString(plain));
    }

    private static void put(Map<String, Object> evidence, Map<String, Object> plain, String name, Object value,
                            Object plainValue) {
        evidence.put(name, value);
        plain.put(name, plainValue);
    }

    private static RunPairing pairing(String id, Finding... findings) {
        return new RunPairing(id, "E-" + id, "M-" + id, findings.length == 0 ? Health.GREEN : Health.AMBER,
                List.of(findings));
    }

    private static Finding finding(String pairingId, String ruleId, String subjectId, String objectiveId) {
        SubjectType subject = ruleId.startsWith("RES") ? SubjectType.RESOURCE
                : ruleId.startsWith("OBJ") ? SubjectType.OBJECTIVE : SubjectType.PAIRING;
        return Finding.of(ruleId, Severity.WARNING, subject, subjectId, pairingId, Audience.MENTEE)
                .message("A message about " + subjectId).nextStep("Do something this week.")
                .evidence("objectiveId", objectiveId).evidence("hours", new BigDecimal("1.50"))
                .evidence("since", LocalDate.of(2026, 4, 29)).keyDate(D).build();
    }
}
