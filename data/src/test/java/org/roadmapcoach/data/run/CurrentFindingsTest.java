package org.roadmapcoach.data.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.CohortFixture;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.store.RecordLookup;
import org.roadmapcoach.data.store.RecordWriter;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.finding.SubjectType;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.ActivityKind;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.Giver;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;
import org.roadmapcoach.engine.roadmap.ReciprocityKind;

/** A stored run stands for a live evaluation exactly while nothing it read has changed; on SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class CurrentFindingsTest {

    @Parameter
    StoreKind kind;

    private static final String COHORT = "c1";
    private static final LocalDate D = LocalDate.of(2026, 6, 15);
    private static final String RULES = "rules 1";

    @TempDir
    Path temp;

    private Store store;
    private RunStore runs;
    private RecordWriter writer;

    @BeforeEach
    void importFixture() {
        store = kind.open(temp.resolve("coach.db"));
        assertThat(importFixtureAgain()).isTrue();
        runs = new RunStore(store);
        writer = new RecordWriter(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private boolean importFixtureAgain() {
        return new CohortImporter(store).importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("in")))).ok();
    }

    private void saveRun(LocalDate asOf, String ruleBase, String message) {
        new RunWriter(store).save(COHORT, asOf, Instant.EPOCH, Policy.defaults(), ruleBase, List.of(
                new RunPairing("P1", "E1", "M1", Health.AMBER, List.of(finding("P1", message))),
                new RunPairing("P2", "E2", "M2", Health.GREEN, List.of())));
    }

    private static Finding finding(String pairingId, String message) {
        return Finding.of("CI-OVERDUE", Severity.WARNING, SubjectType.PAIRING, pairingId, pairingId, Audience.MENTOR)
                .message(message).nextStep("Book one.").evidence("daysSince", 47).keyDate(D).build();
    }

    private List<String> current(String pairingId) {
        return runs.currentFindings(COHORT, pairingId, D, RULES)
                .map(findings -> findings.stream().map(Finding::message).toList()).orElse(null);
    }

    @Test
    void theNewestRunAsOfTheDateByTheSameRulesAnswersForEveryPairingItHolds() {
        saveRun(D, RULES, "older");
        saveRun(D, RULES, "newer");

        assertThat(current("P1")).containsExactly("newer");
        assertThat(current("P2")).isEmpty(); // green: in the run, without findings
        assertThat(runs.currentFindings(COHORT, "P1", D, RULES).orElseThrow().get(0).evidence())
                .containsEntry("daysSince", 47);
    }

    @Test
    void aRunOfAnotherDateOrRuleBaseOrWithoutOneNeverAnswers() {
        saveRun(D.plusDays(1), RULES, "another day");
        saveRun(D, "rules 2", "other rules");
        saveRun(D, null, "unknown rules");

        assertThat(current("P1")).isNull();
        assertThat(runs.currentFindings(COHORT, "P1", D, "rules 2")).isPresent();
        assertThat(runs.currentFindings(COHORT, "P3", D, "rules 2")).isEmpty(); // not in the run
    }

    @Test
    void aRecordWrittenForAPairingRetiresTheRunForThatPairingOnly() {
        saveRun(D, RULES, "stored");

        writer.add(COHORT, new CheckIn(null, "P1", D, CheckInType.CHECKIN, CheckInStatus.HELD, 30, null, null, null));

        assertThat(current("P1")).isNull();
        assertThat(current("P2")).isEmpty();
    }

    @Test
    void everyKindOfRecordOfAPairingMovesItsRevision() {
        long before = revision("pairings", "P1");
        writer.add(COHORT, new CheckIn(null, "P1", D, CheckInType.CHECKIN, CheckInStatus.HELD, 30, null, null, null));
        writer.add(COHORT, new ReciprocityEntry(null, "P1", D, Giver.MENTEE, ReciprocityKind.INSIGHT, null, null));
        writer.add(COHORT, new Activity(null, "P1", D, ActivityKind.ASSIGNMENT, null, null, null));
        Milestone ms2 = new RecordLookup(store).milestone(COHORT, "MS2").orElseThrow(); // of O1, of P1
        writer.replace(COHORT, new Milestone(ms2.id(), ms2.objectiveId(), ms2.stage(), ms2.title(), ms2.dueDate(),
                MilestoneStatus.DONE, D, D, "Went well"));

        assertThat(revision("pairings", "P1")).isEqualTo(before + 4);
        assertThat(revision("pairings", "P2")).isZero();
    }

    @Test
    void anImportOrAPolicyRetiresTheRunForTheWholeCohortAndARejectedImportDoesNot() {
        saveRun(D, RULES, "stored");
        long before = revision("cohorts", COHORT);

        assertThat(new CohortImporter(store).importPaths(COHORT, List.of(temp.resolve("missing.csv"))).ok()).isFalse();
        assertThat(revision("cohorts", COHORT)).isEqualTo(before);
        assertThat(current("P1")).containsExactly("stored");

        assertThat(importFixtureAgain()).isTrue();
        assertThat(current("P1")).isNull();
        assertThat(current("P2")).isNull();

        saveRun(D, RULES, "stored again");
        assertThat(current("P1")).containsExactly("stored again");
        store.savePolicy(COHORT, Policy.defaults().with(PolicyKey.SMART_MIN_TITLE_WORDS, new BigDecimal("5")));
        assertThat(current("P1")).isNull();
        assertThat(revision("cohorts", COHORT)).isEqualTo(before + 2);
    }

    @Test
    void aChangeOfMatchingOrDigestSettingsAloneKeepsTheStoredRun() {
        saveRun(D, RULES, "stored");
        long before = revision("cohorts", COHORT);

        store.savePolicy(COHORT, Policy.defaults().with(PolicyKey.MATCH_GAP_POINTS, new BigDecimal("20"))
                .with(PolicyKey.MATCH_ALLOW_REPEAT, BigDecimal.ONE).with(PolicyKey.DIGEST_WEEKDAY, new BigDecimal("3"))
                .with(PolicyKey.DIGEST_ENABLED, BigDecimal.ZERO));

        assertThat(store.policy(COHORT).get(PolicyKey.MATCH_GAP_POINTS)).isEqualByComparingTo("20");
        assertThat(store.policy(COHORT).get(PolicyKey.MATCH_ALLOW_REPEAT)).isEqualByComparingTo("1");
        assertThat(store.policy(COHORT).get(PolicyKey.DIGEST_WEEKDAY)).isEqualByComparingTo("3");
        assertThat(store.policy(COHORT).get(PolicyKey.DIGEST_ENABLED)).isEqualByComparingTo("0");
        assertThat(savedText("digest.weekday") + " " + savedText("digest.enabled") + " " + savedText("matching.allowRepeat"))
                .as("saved as the text a person reads").isEqualTo("wednesday false true");
        assertThat(revision("cohorts", COHORT)).isEqualTo(before);
        assertThat(current("P1")).containsExactly("stored");
    }

    private String savedText(String key) {
        return store.read(connection -> {
            try (var query = connection.prepareStatement("SELECT value FROM policies WHERE cohort_id = ? AND key = ?")) {
                query.setString(1, COHORT);
                query.setString(2, key);
                try (var rows = query.executeQuery()) {
                    return rows.next() ? rows.getString(1) : null;
                }
            }
        });
    }

    private long revision(String table, String id) {
        return store.read(connection -> {
            try (var query = connection.prepareStatement("SELECT revision FROM " + table + " WHERE id = ?")) {
                query.setString(1, id);
                try (var rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
    }
}
