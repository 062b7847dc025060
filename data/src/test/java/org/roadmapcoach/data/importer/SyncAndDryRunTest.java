package org.roadmapcoach.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.roadmapcoach.data.CohortFixture;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.StoreSnapshot;
import org.roadmapcoach.data.auth.TokenGrant;
import org.roadmapcoach.data.auth.TokenStore;
import org.roadmapcoach.data.store.ImportSync;
import org.roadmapcoach.data.store.RecordWriter;
import org.roadmapcoach.data.store.ReplacedAppChange;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.Table;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.Role;
import org.roadmapcoach.engine.roadmap.Stage;

/**
 * docs/CSV.md, "Sync" and "Dry run", on real files and a real SQLite file. The fixture has two pairings: P1
 * (E1 and M1, objective O1 with milestones MS1 and MS2) and P2 (E2 and M2, objective O2 with MS3, check-in
 * CI3, activity A2, engagement with RS2).
 */
/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class SyncAndDryRunTest {

    @Parameter
    StoreKind kind;

    private static final String COHORT = "c1";
    private static final ImportOptions SYNC = new ImportOptions(true, false);
    private static final ImportOptions DRY_RUN = new ImportOptions(false, true);
    private static final ImportOptions SYNC_DRY_RUN = new ImportOptions(true, true);

    @TempDir
    Path temp;

    private Store store;
    private CohortImporter importer;
    private RecordWriter app;
    private int folders;

    @BeforeEach
    void importTheFixture() {
        store = kind.open(temp.resolve("coach.db"));
        importer = new CohortImporter(store);
        app = new RecordWriter(store, () -> LocalDate.of(2026, 6, 15));
        assertThat(importFiles(CohortFixture.files(), ImportOptions.DEFAULT).ok()).isTrue();
    }

    @AfterEach
    void close() {
        store.close();
    }

    // Sync

    @Test
    void withoutSyncARowDroppedFromTheSpreadsheetStays() {
        ImportReport report = importFiles(Map.of("pairings.csv", withoutLine(CohortFixture.PAIRINGS, "P2,")),
                ImportOptions.DEFAULT);

        assertThat(report.deleted()).isEmpty();
        assertThat(ids(Tables.PAIRINGS)).containsExactly("P1", "P2");
    }

    @Test
    void aSyncDeletesWhatTheSpreadsheetDroppedWithTheImportedRecordsThatDependOnIt() {
        // Only pairings.csv is given: P2's objectives, milestones, check-ins, activities and engagements go too.
        ImportReport report = importFiles(Map.of("pairings.csv", withoutLine(CohortFixture.PAIRINGS, "P2,")), SYNC);

        assertThat(report.ok()).isTrue();
        assertThat(ids(Tables.PAIRINGS)).containsExactly("P1");
        assertThat(ids(Tables.OBJECTIVES)).containsExactly("O1");
        assertThat(ids(Tables.MILESTONES)).containsExactly("MS1", "MS2");
        assertThat(ids(Tables.CHECKINS)).containsExactly("CI1", "CI2");
        assertThat(ids(Tables.ACTIVITIES)).containsExactly("A1");
        assertThat(store.counts(COHORT)).containsEntry("engagements.csv", 1L).containsEntry("people.csv", 5L)
                .containsEntry("resources.csv", 2L);
        assertThat(report.deleted()).extracting(ImportSync.Deleted::file, ImportSync.Deleted::record).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pairings.csv", "P2"),
                org.assertj.core.groups.Tuple.tuple("objectives.csv", "O2"),
                org.assertj.core.groups.Tuple.tuple("milestones.csv", "MS3"),
                org.assertj.core.groups.Tuple.tuple("checkins.csv", "CI3"),
                org.assertj.core.groups.Tuple.tuple("activities.csv", "A2"),
                org.assertj.core.groups.Tuple.tuple("engagements.csv", "P2/RS2"));
        assertThat(report.changes().get("pairings.csv").deleted()).isEqualTo(1);
        assertThat(report.changes().get("engagements.csv")).isEqualTo(new ImportReport.FileChanges(0, 0, 0, 0, 1));
        assertThat(report.deletedCount()).isEqualTo(6);
    }

    @Test
    void aSyncDeletesOnlyFromTheFilesOfThisImport() {
        ImportReport report = importFiles(Map.of("checkins.csv", withoutLine(CohortFixture.CHECKINS, "CI2,")), SYNC);

        assertThat(ids(Tables.CHECKINS)).containsExactly("CI1", "CI3");
        assertThat(report.deleted()).extracting(ImportSync.Deleted::record).containsExactly("CI2");
        assertThat(ids(Tables.PAIRINGS)).containsExactly("P1", "P2");
    }

    @Test
    void aSyncNeverDeletesARecordCreatedInTheApp() {
        CheckIn added = app.add(COHORT, checkIn("P1"));

        ImportReport report = importFiles(Map.of("checkins.csv", CohortFixture.CHECKINS), SYNC);

        assertThat(report.deleted()).isEmpty();
        assertThat(ids(Tables.CHECKINS)).contains(added.id());
    }

    @Test
    void aSyncThatWouldDeleteARecordCreatedInTheAppIsRefusedNamingItAndItsParentAndWritesNothing() {
        app.add(COHORT, "P2", new Milestone("O2-M9", "O2", Stage.PRACTICE, "Added in the app", null,
                MilestoneStatus.PLANNED, null, null, null));
        Map<String, String> before = StoreSnapshot.of(store);

        ImportReport report = importFiles(Map.of("objectives.csv", withoutLine(CohortFixture.OBJECTIVES, "O2,")), SYNC);

        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("milestones.csv");
            assertThat(error.column()).isEqualTo("objective_id");
            assertThat(error.value()).isEqualTo("O2");
            assertThat(error.reason()).startsWith("'O2-M9' was created in the app under objective 'O2', which"
                    + " objectives.csv no longer has: --sync would have to delete it");
        });
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @Test
    void aSyncThatWouldDeleteARowOfThisImportIsAnErrorAtThatRow() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pairings.csv", withoutLine(CohortFixture.PAIRINGS, "P2,"));
        files.put("checkins.csv", CohortFixture.CHECKINS); // CI3 (line 6) is P2's
        Map<String, String> before = StoreSnapshot.of(store);

        ImportReport report = importFiles(files, SYNC);

        assertThat(report.errors()).extracting(ImportError::file, ImportError::line, ImportError::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("checkins.csv", 6L, "pairing_id"));
        assertThat(report.errors().get(0).reason()).contains("--sync deletes pairing 'P2', which pairings.csv no"
                + " longer has");
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @Test
    void aPersonDroppedFromPeopleTakesTheirImportedPairingsAndTheirTokensForTheCohortWithThem() {
        TokenStore tokens = new TokenStore(store);
        tokens.save("token-of-e2", new TokenGrant("E2", Role.MENTEE, COHORT), Instant.EPOCH);
        tokens.save("token-of-e1", new TokenGrant("E1", Role.MENTEE, COHORT), Instant.EPOCH);
        String people = withoutLine(withoutLine(CohortFixture.PEOPLE, "E2,"), "M2,");

        ImportReport report = importFiles(Map.of("people.csv", people), SYNC);

        assertThat(report.ok()).isTrue();
        assertThat(ids(Tables.PAIRINGS)).containsExactly("P1");
        assertThat(report.changes().get("people.csv").deleted()).isEqualTo(2);
        assertThat(tokens.find("token-of-e2")).isEmpty();
        assertThat(tokens.find("token-of-e1")).isPresent();
    }

    // Dry run

    @Test
    void aDryRunReportsWhatWouldBeWrittenReplacedAndDeletedAndWritesNothing() {
        app.replace(COHORT, new Milestone("MS2", "O1", Stage.PRACTICE, "Run a mock review", LocalDate.of(2026, 4, 1),
                MilestoneStatus.DONE, LocalDate.of(2026, 3, 10), null, null));
        Map<String, String> files = new LinkedHashMap<>(CohortFixture.files());
        files.put("milestones.csv", CohortFixture.MILESTONES.replace(",in_progress,", ",dropped,"));
        files.put("checkins.csv", withoutLine(CohortFixture.CHECKINS, "CI2,") + "CI4,P1,2026-03-01,,,,,,\n");
        Map<String, String> before = StoreSnapshot.of(store);
        long version = store.dataVersion();

        ImportReport report = importFiles(files, SYNC_DRY_RUN);

        assertThat(report.ok()).isTrue();
        assertThat(report.dryRun()).isTrue();
        assertThat(report.replaced()).extracting(ReplacedAppChange::column).containsExactly("status");
        assertThat(report.changes().get("checkins.csv")).isEqualTo(new ImportReport.FileChanges(1, 0, 2, 0, 1));
        assertThat(report.deleted()).extracting(ImportSync.Deleted::record).containsExactly("CI2");
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
        assertThat(store.dataVersion()).isEqualTo(version);
    }

    @Test
    void aDryRunOfARejectedImportReportsItsErrorsAndWritesNothing() {
        Map<String, String> before = StoreSnapshot.of(store);

        ImportReport report = importFiles(Map.of("checkins.csv", CohortFixture.CHECKINS + "CI4,P9,2026-03-01,,,,,,\n"),
                DRY_RUN);

        assertThat(report.ok()).isFalse();
        assertThat(report.dryRun()).isTrue();
        assertThat(report.errors()).extracting(ImportError::reason).containsExactly(
                "no pairing 'P9' in this import or the cohort");
        assertThat(report.changes()).isEmpty();
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @Test
    void aDryRunIntoANewCohortCreatesNothing() {
        Map<String, String> before = StoreSnapshot.of(store);

        ImportReport report = importer.importPaths("new-cohort",
                List.of(CohortFixture.write(temp.resolve("fresh"))), DRY_RUN);

        assertThat(report.ok()).isTrue();
        assertThat(report.changes().get("people.csv").added()).isEqualTo(5);
        assertThat(store.cohort("new-cohort")).isEmpty();
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    private static CheckIn checkIn(String pairingId) {
        return new CheckIn(null, pairingId, LocalDate.of(2026, 3, 1), CheckInType.CHECKIN, CheckInStatus.HELD, 30, null,
                null, null);
    }

    /** {@code csv} without its line that starts with {@code start}. */
    private static String withoutLine(String csv, String start) {
        StringBuilder kept = new StringBuilder();
        for (String line : csv.split("\n", -1)) {
            if (!line.startsWith(start)) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString().replaceAll("\n+$", "\n");
    }

    private ImportReport importFiles(Map<String, String> files, ImportOptions options) {
        return importer.importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("in" + folders++), files)),
                options);
    }

    private <T> List<String> ids(Table<T> table) {
        List<String> ids = new ArrayList<>();
        store.forEachRecord(table, COHORT, record -> ids.add(String.valueOf(table.keyValues(record).get(0))));
        return ids;
    }
}
