package org.roadmapcoach.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.roadmapcoach.engine.roadmap.Stage;

/**
 * docs/CSV.md, "Re-import and the app": a re-import merges with what the app changed, field by field, on
 * real files and a real SQLite file. The fixture's MS2 (milestones.csv line 3) is in_progress; the app
 * marks it done.
 */
/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class ReImportMergeTest {

    @Parameter
    StoreKind kind;

    private static final String COHORT = "c1";
    private static final LocalDate APP_DAY = LocalDate.of(2026, 6, 15);
    private static final String MS2_ROW = "MS2,O1,Practice,Run a mock review,2026-04-01,in_progress,2026-03-10,,";

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
        app = new RecordWriter(store, () -> APP_DAY);
        assertThat(importFiles(CohortFixture.files()).ok()).isTrue();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSpreadsheetValueUnchangedSinceTheLastImportLeavesTheAppsChange() {
        app.replace(COHORT, ms2(MilestoneStatus.DONE, APP_DAY));

        ImportReport report = importFiles(CohortFixture.files());

        assertThat(report.ok()).isTrue();
        assertThat(milestone("MS2").status()).isEqualTo(MilestoneStatus.DONE);
        assertThat(milestone("MS2").completedOn()).isEqualTo(APP_DAY);
        assertThat(report.replaced()).isEmpty();
        assertThat(report.changes().get("milestones.csv"))
                .isEqualTo(new ImportReport.FileChanges(0, 0, 3, 2, 0)); // status and completed_on kept
    }

    @Test
    void aChangedSpreadsheetValueWinsAndTheReportNamesTheAppChangeItReplaced() {
        app.replace(COHORT, ms2(MilestoneStatus.DONE, APP_DAY));

        ImportReport report = importFiles(withMilestone2(MS2_ROW.replace("in_progress", "dropped")));

        assertThat(milestone("MS2").status()).isEqualTo(MilestoneStatus.DROPPED);
        assertThat(report.replaced()).extracting(ReplacedAppChange::message)
                .containsExactly("milestones.csv:3: MS2 status: the app's 'done' (2026-06-15) replaced by 'dropped'");
        assertThat(report.replacedCount()).isEqualTo(1);
        // completed_on: the spreadsheet still says nothing, as last time: the app's date stays
        assertThat(milestone("MS2").completedOn()).isEqualTo(APP_DAY);
        assertThat(report.changes().get("milestones.csv").updated()).isEqualTo(1);
    }

    @Test
    void aChangedSpreadsheetValueOfAFieldTheAppLeftIsWrittenWithoutAWordAndTheAppsOtherChangesStay() {
        app.replace(COHORT, ms2(MilestoneStatus.DONE, APP_DAY));

        ImportReport report = importFiles(withMilestone2(MS2_ROW.replace("Run a mock review", "Run two mock reviews")));

        assertThat(milestone("MS2").title()).isEqualTo("Run two mock reviews");
        assertThat(milestone("MS2").status()).isEqualTo(MilestoneStatus.DONE);
        assertThat(report.replaced()).isEmpty();
    }

    @Test
    void theSpreadsheetsNewValueIsTheBaselineOfTheNextImport() {
        app.replace(COHORT, ms2(MilestoneStatus.DONE, APP_DAY));
        importFiles(withMilestone2(MS2_ROW.replace("Run a mock review", "Run two mock reviews")));

        // The same spreadsheet again: the app's status still stays, and nothing else moves.
        ImportReport again = importFiles(withMilestone2(MS2_ROW.replace("Run a mock review", "Run two mock reviews")));

        assertThat(milestone("MS2").status()).isEqualTo(MilestoneStatus.DONE);
        assertThat(milestone("MS2").title()).isEqualTo("Run two mock reviews");
        assertThat(again.changes().get("milestones.csv").updated()).isZero();
        assertThat(again.replaced()).isEmpty();
    }

    @Test
    void aSpreadsheetThatCatchesUpWithTheAppEndsTheMergeForThatRecord() {
        app.replace(COHORT, ms2(MilestoneStatus.DONE, APP_DAY));
        String caughtUp = "MS2,O1,Practice,Run a mock review,2026-04-01,done,2026-03-10,2026-06-15,";
        importFiles(withMilestone2(caughtUp));

        // Now the record is what the spreadsheet says: a later change of it is simply written, no app change left.
        ImportReport later = importFiles(withMilestone2(caughtUp.replace(",done,", ",in_progress,")));

        assertThat(milestone("MS2").status()).isEqualTo(MilestoneStatus.IN_PROGRESS);
        assertThat(later.replaced()).isEmpty();
    }

    @Test
    void recordsCreatedInTheAppAreLeftAloneByAnImportThatDoesNotNameThem() {
        CheckIn added = app.add(COHORT, checkIn(null, "From the app"));

        ImportReport report = importFiles(CohortFixture.files());

        assertThat(checkIns()).extracting(CheckIn::id).contains(added.id());
        assertThat(checkIns().stream().filter(c -> c.id().equals(added.id())).findFirst().orElseThrow().notes())
                .isEqualTo("From the app");
        assertThat(report.changes().get("checkins.csv")).isEqualTo(new ImportReport.FileChanges(0, 0, 3, 0, 0));
    }

    @Test
    void aRowThatNamesARecordCreatedInTheAppIsWrittenAndEachValueItReplacedIsReported() {
        app.add(COHORT, checkIn("CI9", "From the app"));
        Map<String, String> files = Map.of("checkins.csv", CohortFixture.CHECKINS + "CI9,P1,2026-03-01,,,30,,,From the sheet\n");

        ImportReport report = importFiles(files);

        assertThat(report.replaced()).extracting(ReplacedAppChange::message).containsExactly(
                "checkins.csv:7: CI9 notes: 'From the app', of a record no earlier import brought, replaced by"
                        + " 'From the sheet'");
        assertThat(checkIns().stream().filter(c -> c.id().equals("CI9")).findFirst().orElseThrow().notes())
                .isEqualTo("From the sheet");
    }

    @Test
    void importingTheSameFilesAgainChangesNothingAndSaysSo() {
        ImportReport report = importFiles(CohortFixture.files());

        assertThat(report.changes().values()).allSatisfy(changes -> {
            assertThat(changes.added()).isZero();
            assertThat(changes.updated()).isZero();
            assertThat(changes.deleted()).isZero();
        });
        assertThat(report.changes().get("people.csv").unchanged()).isEqualTo(5);
    }

    @Test
    void aNewRowIsCountedAsAdded() {
        ImportReport report = importFiles(Map.of("checkins.csv",
                CohortFixture.CHECKINS + "CI4,P1,2026-03-01,,,,,,\n"));

        assertThat(report.changes().get("checkins.csv")).isEqualTo(new ImportReport.FileChanges(1, 0, 3, 0, 0));
    }

    private Milestone ms2(MilestoneStatus status, LocalDate completedOn) {
        return new Milestone("MS2", "O1", Stage.PRACTICE, "Run a mock review", LocalDate.of(2026, 4, 1), status,
                LocalDate.of(2026, 3, 10), completedOn, null);
    }

    private static CheckIn checkIn(String id, String notes) {
        return new CheckIn(id, "P1", LocalDate.of(2026, 3, 1), CheckInType.CHECKIN, CheckInStatus.HELD, 30, null, null,
                notes);
    }

    private static Map<String, String> withMilestone2(String row) {
        return Map.of("milestones.csv", CohortFixture.MILESTONES.replace(MS2_ROW, row));
    }

    private ImportReport importFiles(Map<String, String> files) {
        return importer.importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("in" + folders++), files)));
    }

    private Milestone milestone(String id) {
        return all(Tables.MILESTONES).stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    private List<CheckIn> checkIns() {
        return all(Tables.CHECKINS);
    }

    private <T> List<T> all(Table<T> table) {
        List<T> records = new ArrayList<>();
        store.forEachRecord(table, COHORT, records::add);
        return records;
    }
}
