package org.roadmapcoach.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.data.CohortFixture;
import org.roadmapcoach.data.StoreSnapshot;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.Cohort;
import org.roadmapcoach.engine.roadmap.Roadmap;

class StoreTest {

    private static final String COHORT = "spring-2026";

    @TempDir
    Path temp;

    private Path file;
    private Store store;

    @BeforeEach
    void openStore() {
        file = temp.resolve("nested/folder/coach.db");
        store = Store.open(file);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void createsTheDatabaseAndItsFoldersAtTheLatestSchemaVersion() throws SQLException {
        assertThat(file).exists();
        assertThat(pragma("user_version")).isEqualTo(String.valueOf(Migrations.FILES.size()));
    }

    @Test
    void reopeningAppliesNoMigrationTwiceAndKeepsTheData() throws SQLException {
        importFixture(COHORT);
        Map<String, String> before = StoreSnapshot.of(store);
        store.close();

        store = Store.open(file);
        store.close();
        store = Store.open(file);

        assertThat(pragma("user_version")).isEqualTo(String.valueOf(Migrations.FILES.size()));
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @Test
    void everyConnectionEnforcesForeignKeys() throws SQLException {
        store.ensureCohort(new Cohort(COHORT, "Spring", null, null));

        assertThat(pragma("foreign_keys")).isEqualTo("1");
        try (Connection connection = store.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO pairings (cohort_id, id,"
                     + " mentee_id, mentor_id, start_date, cadence_days, status) VALUES (?, 'P1', 'nobody',"
                     + " 'nobody', '2026-01-05', 14, 'active')")) {
            insert.setString(1, COHORT);
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void keepsTheDatabaseInWriteAheadLogMode() throws SQLException {
        assertThat(pragma("journal_mode")).isEqualToIgnoringCase("wal");
        assertThat(pragma("busy_timeout")).isEqualTo(String.valueOf(SqliteDialect.BUSY_TIMEOUT_MILLIS));
    }

    @Test
    void handsOverEveryPairingInIdOrderInBatchesOfAtMostTheBatchSize() {
        importGenerated(7);
        List<List<Roadmap>> batches = new ArrayList<>();

        store.forEachRoadmapBatch(COHORT, 3, batches::add);

        assertThat(batches).extracting(List::size).containsExactly(3, 3, 1);
        List<Roadmap> all = batches.stream().flatMap(List::stream).toList();
        assertThat(all).extracting(roadmap -> roadmap.pairing().id())
                .containsExactly("P001", "P002", "P003", "P004", "P005", "P006", "P007");
        Roadmap p004 = all.get(3);
        assertThat(p004.mentee().id()).isEqualTo("E004");
        assertThat(p004.mentor().id()).isEqualTo("M004");
        assertThat(p004.objectives()).extracting(o -> o.id()).containsExactly("O004a", "O004b");
        assertThat(p004.milestones()).extracting(m -> m.id()).containsExactly("MS004a", "MS004b");
        assertThat(p004.checkIns()).extracting(c -> c.id()).containsExactly("CI004");
        assertThat(p004.reciprocity()).extracting(r -> r.id()).containsExactly("R004");
        assertThat(p004.activities()).extracting(a -> a.id()).containsExactly("A004");
        assertThat(p004.engagements()).extracting(e -> e.resourceId()).containsExactly("RS1");
        assertThat(all).allSatisfy(roadmap -> assertThat(roadmap.objectives())
                .allSatisfy(objective -> assertThat(objective.pairingId()).isEqualTo(roadmap.pairing().id())));
    }

    @Test
    void sendsNoEmptyBatchWhenTheBatchSizeDividesTheCohort() {
        importGenerated(6);
        List<Integer> sizes = new ArrayList<>();

        store.forEachRoadmapBatch(COHORT, 3, batch -> sizes.add(batch.size()));

        assertThat(sizes).containsExactly(3, 3);
    }

    @Test
    void sendsNothingForACohortWithoutPairings() {
        List<List<Roadmap>> batches = new ArrayList<>();

        store.forEachRoadmapBatch("nobody", 10, batches::add);

        assertThat(batches).isEmpty();
    }

    @Test
    void aBatchOfOneRoadmapEqualsThatPairingsRoadmap() {
        importFixture(COHORT);
        List<Roadmap> all = new ArrayList<>();

        store.forEachRoadmapBatch(COHORT, 1, all::addAll);

        assertThat(all).containsExactly(store.roadmap(COHORT, "P1").orElseThrow(),
                store.roadmap(COHORT, "P2").orElseThrow());
    }

    @Test
    void anUnknownPairingHasNoRoadmap() {
        importFixture(COHORT);

        assertThat(store.roadmap(COHORT, "P404")).isEmpty();
        assertThat(store.roadmap("other", "P1")).isEmpty();
    }

    @Test
    void pairingIdsAreUniqueWithinACohortOnly() {
        importFixture("autumn-2026");
        importFixture(COHORT);

        assertThat(store.cohortsOfPairing("P1")).containsExactly("autumn-2026", COHORT);
        assertThat(store.cohortsOfPairing("P404")).isEmpty();
        assertThat(store.cohorts()).extracting(Cohort::id).containsExactly("autumn-2026", COHORT);
    }

    @Test
    void countsEveryFileInSpecOrderZerosIncluded() {
        assertThat(store.counts(COHORT)).containsExactly(Map.entry("people.csv", 0L), Map.entry("pairings.csv", 0L),
                Map.entry("objectives.csv", 0L), Map.entry("milestones.csv", 0L), Map.entry("checkins.csv", 0L),
                Map.entry("reciprocity.csv", 0L), Map.entry("activities.csv", 0L), Map.entry("resources.csv", 0L),
                Map.entry("engagements.csv", 0L));
    }

    @Test
    void ensureCohortLeavesAnExistingCohortAsItIs() {
        Cohort spring = new Cohort(COHORT, "Spring 2026", LocalDate.parse("2026-01-05"), LocalDate.parse("2026-07-05"));
        store.ensureCohort(spring);

        store.ensureCohort(new Cohort(COHORT, COHORT, null, null));

        assertThat(store.cohort(COHORT)).contains(spring);
    }

    @Test
    void aCohortHasTheDefaultPolicyUntilOneIsSaved() {
        assertThat(store.policy(COHORT)).isEqualTo(Policy.defaults());
    }

    @Test
    void aSavedPolicyComesBackAndOnlyItsChangesAreStored() throws SQLException {
        store.ensureCohort(new Cohort(COHORT, COHORT, null, null));
        Policy changed = Policy.defaults().with(PolicyKey.MS_STALLED_DAYS, new BigDecimal("28"))
                .with(PolicyKey.CI_OVERDUE_FACTOR, new BigDecimal("1.75"));

        store.savePolicy(COHORT, changed);

        assertThat(store.policy(COHORT)).isEqualTo(changed);
        assertThat(store.policy("other")).isEqualTo(Policy.defaults());
        assertThat(rows("SELECT key || '=' || value FROM policies ORDER BY key"))
                .containsExactly("checkins.overdueFactor=1.75", "milestones.stalledDays=28");

        store.savePolicy(COHORT, Policy.defaults());

        assertThat(store.policy(COHORT)).isEqualTo(Policy.defaults());
        assertThat(rows("SELECT key FROM policies")).isEmpty();
    }

    @Test
    void aTransactionRollsBackWhenItsWorkThrows() {
        assertThatThrownBy(() -> store.inTransaction(connection -> {
            store.ensureCohort(connection, new Cohort(COHORT, COHORT, null, null));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        assertThat(store.cohorts()).isEmpty();
    }

    @Test
    void resourcesComeInIdOrder() {
        importFixture(COHORT);

        assertThat(store.resources(COHORT)).extracting(r -> r.id()).containsExactly("RS1", "RS2");
    }

    private void importFixture(String cohortId) {
        Path dir = CohortFixture.write(temp.resolve("fixture-" + cohortId));
        assertThat(new CohortImporter(store).importPaths(cohortId, List.of(dir)).ok()).isTrue();
    }

    private void importGenerated(int pairings) {
        Path dir = CohortFixture.write(temp.resolve("generated"), CohortFixture.generated(pairings));
        assertThat(new CohortImporter(store).importPaths(COHORT, List.of(dir)).errors()).isEmpty();
    }

    private String pragma(String name) throws SQLException {
        return rows("PRAGMA " + name).get(0);
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = store.connect();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
