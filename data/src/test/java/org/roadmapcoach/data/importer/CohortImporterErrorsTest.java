package org.roadmapcoach.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
import org.roadmapcoach.data.store.Store;

/**
 * Every kind of bad input: the error names file, line, column, value and what was expected, and the
 * store is exactly as before. Each bad import also carries valid changes (a new person, a renamed one),
 * so an import that wrote anything would show in the snapshot.
 */
/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class CohortImporterErrorsTest {

    @Parameter
    StoreKind kind;

    private static final String COHORT = "spring-2026";
    private static final String VALID_PEOPLE_CHANGE = """
            id,name,role
            E1,Ada King,mentee
            E9,Eve,mentee
            """;

    @TempDir
    Path temp;

    private Store store;
    private CohortImporter importer;
    private Map<String, String> before;
    private int imports;

    @BeforeEach
    void storeTheFixtureCohort() {
        store = kind.open(temp.resolve("coach.db"));
        importer = new CohortImporter(store);
        assertThat(importer.importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("fixture")))).ok()).isTrue();
        before = StoreSnapshot.of(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void rejectsAFileWithoutARequiredColumn() {
        ImportReport report = rejected(Map.of("people.csv", """
                id,name
                E9,Eve
                """));

        assertThat(report.errors()).containsExactly(new ImportError("people.csv", 1, "role", null,
                "missing required column; people.csv needs the columns id, name, role"));
    }

    @Test
    void rejectsABadDate() {
        ImportReport report = rejected(Map.of("objectives.csv", """
                id,pairing_id,title,due_date
                O1,P1,Lead a design review for the payments service,2026-06-30
                O9,P1,Speak at the internal tech conference,2026-13-01
                """));

        assertThat(report.errors()).containsExactly(new ImportError("objectives.csv", 3, "due_date", "2026-13-01",
                "expected a date as yyyy-MM-dd"));
        assertThat(report.errors().get(0)).hasToString(
                "objectives.csv:3:due_date: '2026-13-01' expected a date as yyyy-MM-dd");
    }

    @Test
    void rejectsADateThatIsNotStrictlyIso() {
        ImportReport report = rejected(Map.of("checkins.csv", """
                id,pairing_id,date
                CI9,P1,2026-02-30
                CI10,P1,2026-3-1
                CI11,P1,01/03/2026
                """));

        assertThat(report.errors()).extracting(ImportError::line, ImportError::value).containsExactly(
                tuple(2L, "2026-02-30"), tuple(3L, "2026-3-1"),
                tuple(4L, "01/03/2026"));
    }

    @Test
    void rejectsAValueThatIsNoneOfTheAllowedOnes() {
        ImportReport report = rejected(Map.of("milestones.csv", """
                id,objective_id,stage,status
                MS9,O1,practice,finished
                """));

        assertThat(report.errors()).containsExactly(new ImportError("milestones.csv", 2, "status", "finished",
                "expected one of: planned, in_progress, done, dropped"));
    }

    @Test
    void rejectsANumberThatIsNotANumber() {
        ImportReport report = rejected(Map.of("reciprocity.csv", """
                id,pairing_id,date,giver,hours
                R9,P1,2026-03-01,mentee,two
                R10,P1,2026-03-01,mentee,-1
                R11,P1,2026-03-01,mentee,1e3
                """, "objectives.csv", """
                id,pairing_id,title,baseline
                O9,P1,Cut the build time of the monorepo in half,"1,5"
                """));

        assertThat(report.errors()).containsExactly(
                new ImportError("objectives.csv", 2, "baseline", "1,5", "expected a number such as 2 or 1.5"),
                new ImportError("reciprocity.csv", 2, "hours", "two", "expected a number, 0 or more, such as 2 or 1.5"),
                new ImportError("reciprocity.csv", 3, "hours", "-1", "expected a number, 0 or more, such as 2 or 1.5"),
                new ImportError("reciprocity.csv", 4, "hours", "1e3", "expected a number, 0 or more, such as 2 or 1.5"));
    }

    @Test
    void rejectsAWholeNumberOutOfRangeOrWithDecimals() {
        ImportReport report = rejected(Map.of("pairings.csv", """
                id,mentee_id,mentor_id,start_date,cadence_days
                P8,E1,M1,2026-03-01,0
                P9,E1,M1,2026-03-01,366
                """, "checkins.csv", """
                id,pairing_id,date,minutes
                CI9,P1,2026-03-01,45.5
                """));

        assertThat(report.errors()).containsExactly(
                new ImportError("pairings.csv", 2, "cadence_days", "0", "expected a whole number from 1 to 365"),
                new ImportError("pairings.csv", 3, "cadence_days", "366", "expected a whole number from 1 to 365"),
                new ImportError("checkins.csv", 2, "minutes", "45.5", "expected a whole number, 0 or more"));
    }

    @Test
    void rejectsADuplicateIdWithinAFile() {
        ImportReport report = rejected(Map.of("people.csv", """
                id,name,role
                E9,Eve,mentee
                E9,Eve Again,mentee
                """));

        assertThat(report.errors()).containsExactly(new ImportError("people.csv", 3, "id", "E9",
                "duplicate id: already on line 2 of this file"));
    }

    @Test
    void rejectsADuplicatePairingAndResourceInEngagements() {
        ImportReport report = rejected(Map.of("engagements.csv", """
                pairing_id,resource_id,status
                P1,RS2,started
                P1,RS2,completed
                """));

        assertThat(report.errors()).containsExactly(new ImportError("engagements.csv", 3, "resource_id", "RS2",
                "duplicate engagement: pairing 'P1' and this resource are already on line 2"));
    }

    @Test
    void rejectsReferencesThatResolveNeitherInTheImportNorInTheCohort() {
        ImportReport report = rejected(Map.of("objectives.csv", """
                id,pairing_id,title
                O9,P8,Publish the on-call handbook for the team
                """, "milestones.csv", """
                id,objective_id,stage
                MS9,O8,practice
                """, "engagements.csv", """
                pairing_id,resource_id
                P1,RS9
                """, "pairings.csv", """
                id,mentee_id,mentor_id,start_date
                P9,E7,M1,2026-03-01
                """));

        assertThat(report.errors()).containsExactly(
                new ImportError("pairings.csv", 2, "mentee_id", "E7", "no person 'E7' in this import or the cohort"),
                new ImportError("objectives.csv", 2, "pairing_id", "P8", "no pairing 'P8' in this import or the cohort"),
                new ImportError("milestones.csv", 2, "objective_id", "O8",
                        "no objective 'O8' in this import or the cohort"),
                new ImportError("engagements.csv", 2, "resource_id", "RS9",
                        "no resource 'RS9' in this import or the cohort"));
    }

    @Test
    void rejectsAnEmptyRequiredValue() {
        ImportReport report = rejected(Map.of("people.csv", """
                id,name,role
                E9,   ,mentee
                """));

        assertThat(report.errors()).containsExactly(new ImportError("people.csv", 2, "name", null,
                "a value is required"));
    }

    @Test
    void rejectsAPairingWhoseMenteeIsNotAMenteeOrWhoseMentorIsNotAMentor() {
        ImportReport report = rejected(Map.of("pairings.csv", """
                id,mentee_id,mentor_id,start_date
                P9,M1,C1,2026-03-01
                """));

        assertThat(report.errors()).containsExactly(
                new ImportError("pairings.csv", 2, "mentee_id", "M1", "person 'M1' is a mentor, expected a mentee"),
                new ImportError("pairings.csv", 2, "mentor_id", "C1",
                        "person 'C1' is a coordinator, expected a mentor"));
    }

    @Test
    void rejectsAChangedRoleThatWouldBreakAStoredPairing() {
        ImportReport report = rejected(Map.of("people.csv", """
                id,name,role
                E9,Eve,mentee
                M1,Grace Hopper,coordinator
                """));

        assertThat(report.errors()).containsExactly(new ImportError("people.csv", 3, "role", "coordinator",
                "person 'M1' is the mentor of pairing 'P1' stored in the cohort; expected mentor"));
    }

    @Test
    void rejectsInvalidUtf8NamingTheLineOfTheBadByte() throws IOException {
        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        latin1.write(bytes("id,name,role\nE9,Eve,mentee\nE8,\"Ren"));
        latin1.write(0xE9); // é in ISO-8859-1, not UTF-8
        latin1.write(bytes("e\",mentee\n"));

        ImportReport report = rejectedBytes("people.csv", latin1.toByteArray());

        assertThat(report.errors()).containsExactly(new ImportError("people.csv", 3, null, null,
                "invalid UTF-8: save the file as UTF-8 (CSV UTF-8 in a spreadsheet)"));
    }

    @Test
    void namesTheRightLineOfInvalidUtf8FarIntoAFileAndAfterMultiLineValues() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(bytes("id,name,role,ambitions\r\n"));
        for (int i = 0; i < 2000; i++) {
            file.write(bytes("E" + i + ",Person " + i + ",mentee,\"one\r\ntwo\"\r\n"));
        }
        file.write(new byte[] {'X', ',', (byte) 0xC3, (byte) 0x28, ',', 'm', 'e', 'n', 't', 'e', 'e', ',', '\r', '\n'});

        ImportReport report = rejectedBytes("people.csv", file.toByteArray());

        assertThat(report.errors()).extracting(ImportError::file, ImportError::line)
                .containsExactly(tuple("people.csv", 4002L));
    }

    @Test
    void rejectsARaggedRow() {
        ImportReport report = rejected(Map.of("pairings.csv", """
                id,mentee_id,mentor_id,start_date,end_date
                P9,E1,M1,2026-03-01
                """));

        assertThat(report.errors()).containsExactly(new ImportError("pairings.csv", 2, null, null,
                "expected 5 fields as in the header, found 4"));
    }

    @Test
    void rejectsADuplicateColumn() {
        ImportReport report = rejected(Map.of("people.csv", """
                id,name,role,Name
                E9,Eve,mentee,Eve
                """));

        assertThat(report.errors()).containsExactly(new ImportError("people.csv", 1, "name", null,
                "duplicate column: the header names it more than once, as 'name' (column 2) and 'Name' (column 4)"));
    }

    @Test
    void rejectsAQuotedValueThatIsNeverClosed() {
        ImportReport report = rejected(Map.of("people.csv", """
                id,name,role
                E9,Eve,mentee
                E8,"Ren,mentee
                E7,Ron,mentee
                """));

        assertThat(report.errors()).containsExactly(new ImportError("people.csv", 3, null, null,
                "a quoted value is never closed: expected a closing \" before the end of the file"));
    }

    @Test
    void rejectsAnEmptyFile() {
        ImportReport report = rejected(Map.of("resources.csv", ""));

        assertThat(report.errors()).containsExactly(new ImportError("resources.csv", 1, null, null,
                "the file is empty; expected a header row with the columns id, title, type, competencies, level,"
                        + " stages, hours, url, cost"));
    }

    @Test
    void rejectsAStageListWithSomethingThatIsNotAStage() {
        ImportReport report = rejected(Map.of("resources.csv", """
                id,title,type,competencies,stages
                RS9,Team Topologies,reading,architecture,discovery;expert
                RS8,The Manager's Path,reading,;;,
                """));

        assertThat(report.errors()).containsExactly(
                new ImportError("resources.csv", 2, "stages", "discovery;expert",
                        "'expert' is not a stage; expected a ;-separated list of: discovery, practice, feedback, mastery"),
                new ImportError("resources.csv", 3, "competencies", ";;",
                        "expected at least one competency (separate several with ;)"));
    }

    @Test
    void rejectsANamedFileWithAnUnknownNameGivenBesideAKnownOne() {
        Path people = CohortFixture.writeFile(temp.resolve("known"), "people.csv", VALID_PEOPLE_CHANGE);
        Path file = CohortFixture.writeFile(temp.resolve("named"), "peoples.csv", CohortFixture.PEOPLE);

        ImportReport report = rejectedPaths(List.of(people, file));

        assertThat(report.errors()).containsExactly(new ImportError(file.toString(), 0, null, null,
                "not a file of the cohort format: expected one of people.csv, pairings.csv, objectives.csv,"
                        + " milestones.csv, checkins.csv, reciprocity.csv, activities.csv, resources.csv,"
                        + " engagements.csv (a name may carry a prefix, as in 'Northwind - people.csv' or"
                        + " '2026_pairings.csv', or a copy suffix, as in 'people (1).csv')"));
    }

    @Test
    void rejectsAPathThatDoesNotExist() {
        Path missing = temp.resolve("no-such-folder");

        ImportReport report = rejectedPaths(List.of(CohortFixture.write(temp.resolve("ok"),
                Map.of("people.csv", VALID_PEOPLE_CHANGE)), missing));

        assertThat(report.errors()).containsExactly(new ImportError(missing.toString(), 0, null, null,
                "no such file or folder"));
    }

    @Test
    void rejectsTheSameFileGivenTwice() {
        Path first = CohortFixture.write(temp.resolve("first"), Map.of("people.csv", VALID_PEOPLE_CHANGE));
        Path second = CohortFixture.write(temp.resolve("second"), Map.of("People.csv", VALID_PEOPLE_CHANGE));

        ImportReport report = rejectedPaths(List.of(first, second));

        assertThat(report.errors()).containsExactly(new ImportError("people.csv", 0, null, null,
                "given more than once in this import, as '" + first.resolve("people.csv") + "' and '"
                        + second.resolve("People.csv") + "'; give each file once"));
    }

    @Test
    void rejectsAZipEntryThatClimbsOutOfTheArchive() throws IOException {
        Path zip = temp.resolve("cohort.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../people.csv"));
            out.write(bytes(VALID_PEOPLE_CHANGE));
            out.closeEntry();
        }

        ImportReport report = rejectedPaths(List.of(zip));

        assertThat(report.errors()).containsExactly(new ImportError("cohort.zip!../people.csv", 0, null, null,
                "unsafe entry name: a zip entry may not be an absolute path or contain '..'"));
    }

    @Test
    void reportsEveryBadRowNotJustTheFirst() {
        StringBuilder checkins = new StringBuilder("id,pairing_id,date\n");
        for (int i = 0; i < 150; i++) {
            checkins.append("CI").append(100 + i).append(",P1,not-a-date\n");
        }

        ImportReport report = rejected(Map.of("checkins.csv", checkins.toString()));

        assertThat(report.errorCount()).isEqualTo(150);
        assertThat(report.errors()).hasSizeGreaterThanOrEqualTo(100);
        assertThat(report.errors().get(149).line()).isEqualTo(151);
    }

    @Test
    void keepsTheFirstThousandErrorsAndCountsTheRest() {
        StringBuilder checkins = new StringBuilder("id,pairing_id,date\n");
        for (int i = 0; i < 1500; i++) {
            checkins.append("CI").append(100 + i).append(",P1,\n");
        }

        ImportReport report = rejected(Map.of("checkins.csv", checkins.toString()));

        assertThat(report.errorCount()).isEqualTo(1500);
        assertThat(report.errors()).hasSize(ImportReport.MAX_ERRORS_KEPT);
    }

    @Test
    void collectsErrorsAcrossFiles() {
        ImportReport report = rejected(Map.of("objectives.csv", """
                id,pairing_id,title,status
                O9,P1,Write the incident review guide for the team,open
                """, "activities.csv", """
                id,pairing_id,date,kind
                A9,P1,2026-03-01,
                """));

        assertThat(report.errors()).extracting(ImportError::toString).containsExactly(
                "objectives.csv:2:status: 'open' expected one of: active, achieved, dropped",
                "activities.csv:2:kind: a value is required");
    }

    @Test
    void doesNotCallReferencesDanglingWhenTheFileTheyPointIntoCouldNotBeRead() throws IOException {
        Path dir = CohortFixture.write(temp.resolve("bad"), Map.of("objectives.csv", """
                id,pairing_id,title
                O9,P9,Publish the on-call handbook for the team
                """));
        Files.write(dir.resolve("pairings.csv"), concat(bytes("id,mentee_id,mentor_id,start_date\nP8,E1,M1,2026-0"),
                new byte[] {(byte) 0xFF}, bytes("3-01\nP9,E1,M1,2026-03-01\n")));

        ImportReport report = rejectedPaths(List.of(dir));

        assertThat(report.errors()).extracting(ImportError::file, ImportError::line)
                .containsExactly(tuple("pairings.csv", 2L));
    }

    @Test
    void aRejectedImportIntoANewCohortDoesNotCreateIt() {
        ImportReport report = importer.importPaths("autumn-2026", List.of(CohortFixture.write(temp.resolve("bad"),
                Map.of("people.csv", "id,name,role\nE1,Ada,student\n"))));

        assertThat(report.ok()).isFalse();
        assertThat(store.cohort("autumn-2026")).isEmpty();
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @Test
    void rejectsABlankCohortId() {
        ImportReport report = importer.importPaths(" ", List.of(CohortFixture.write(temp.resolve("ok"),
                Map.of("people.csv", VALID_PEOPLE_CHANGE))));

        assertThat(report.errors()).extracting(ImportError::toString).containsExactly("a cohort id is required");
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    /** Imports the given files plus a valid people change (unless people.csv is given); expects rejection. */
    private ImportReport rejected(Map<String, String> files) {
        Map<String, String> all = new HashMap<>(files);
        all.putIfAbsent("people.csv", VALID_PEOPLE_CHANGE);
        return rejectedPaths(List.of(CohortFixture.write(temp.resolve("bad" + imports++), all)));
    }

    private ImportReport rejectedBytes(String name, byte[] content) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("bad" + imports++));
        Files.write(dir.resolve(name), content);
        return rejectedPaths(List.of(dir));
    }

    private ImportReport rejectedPaths(List<Path> inputs) {
        ImportReport report = importer.importPaths(COHORT, inputs);
        assertThat(report.ok()).as("rejected").isFalse();
        assertThat(StoreSnapshot.of(store)).as("store unchanged").isEqualTo(before);
        return report;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        return out.toByteArray();
    }
}
