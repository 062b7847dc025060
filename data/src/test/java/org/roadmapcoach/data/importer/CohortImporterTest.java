package org.roadmapcoach.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.ActivityKind;
import org.roadmapcoach.engine.roadmap.Agreement;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.CheckInStatus;
import org.roadmapcoach.engine.roadmap.CheckInType;
import org.roadmapcoach.engine.roadmap.Engagement;
import org.roadmapcoach.engine.roadmap.EngagementStatus;
import org.roadmapcoach.engine.roadmap.Giver;
import org.roadmapcoach.engine.roadmap.Level;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.MilestoneStatus;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.ObjectiveStatus;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.PairingStatus;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;
import org.roadmapcoach.engine.roadmap.ReciprocityKind;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.ResourceType;
import org.roadmapcoach.engine.roadmap.Roadmap;
import org.roadmapcoach.engine.roadmap.Role;
import org.roadmapcoach.engine.roadmap.SkillType;
import org.roadmapcoach.engine.roadmap.Stage;

/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class CohortImporterTest {

    @Parameter
    StoreKind kind;

    private static final String COHORT = "spring-2026";

    @TempDir
    Path temp;

    private Store store;
    private CohortImporter importer;

    @BeforeEach
    void openStore() {
        store = kind.open(temp.resolve("coach.db"));
        importer = new CohortImporter(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void importsEveryFileWithEveryColumn() {
        ImportReport report = importer.importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("in"))));

        assertThat(report.errors()).isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.counts()).containsExactly(Map.entry("people.csv", 5L), Map.entry("pairings.csv", 2L),
                Map.entry("objectives.csv", 2L), Map.entry("milestones.csv", 3L), Map.entry("checkins.csv", 3L),
                Map.entry("reciprocity.csv", 2L), Map.entry("activities.csv", 2L), Map.entry("resources.csv", 2L),
                Map.entry("engagements.csv", 2L));
        assertThat(store.counts(COHORT)).isEqualTo(report.counts());
        assertThat(store.cohort(COHORT)).hasValueSatisfying(cohort -> assertThat(cohort.name()).isEqualTo(COHORT));

        assertThat(store.roadmap(COHORT, "P1")).contains(new Roadmap(
                new Pairing("P1", "E1", "M1", date("2026-01-05"), date("2026-07-05"), 21, PairingStatus.ACTIVE,
                        new Agreement("Ada drives the agenda", "No calls after 6pm", "Every three weeks",
                                "Leads a design review by June"), "Ada shares platform updates"),
                new Person("E1", "Ada Lovelace", Role.MENTEE, "ada@example.org", "Engineer", "Platform",
                        List.of("sql", "java"), List.of("public speaking", "stakeholder management"),
                        "Lead a platform team", null, null),
                new Person("M1", "Grace Hopper", Role.MENTOR, "grace@example.org", "Principal Engineer", "Platform",
                        List.of("leadership", "public speaking"), List.of(), "Grow more mentors", 6, 2),
                List.of(new Objective("O1", "P1", "Lead a design review for the billing service",
                        "Prepare, run and follow up", "stakeholder management", SkillType.SOFT,
                        "stakeholder satisfaction", number("2"), number("4.5"), number("3.25"), "score",
                        date("2026-06-30"), "Survey after the review", ObjectiveStatus.ACTIVE, date("2026-03-01"))),
                List.of(new Milestone("MS1", "O1", Stage.DISCOVERY, "Shadow two reviews", date("2026-02-15"),
                                MilestoneStatus.DONE, date("2026-02-14"), date("2026-02-14"),
                                "Learned to ask \"why\" first"),
                        new Milestone("MS2", "O1", Stage.PRACTICE, "Run a mock review", date("2026-04-01"),
                                MilestoneStatus.IN_PROGRESS, date("2026-03-10"), null, null)),
                List.of(new CheckIn("CI1", "P1", date("2026-01-06"), CheckInType.KICKOFF, CheckInStatus.HELD, 60,
                                "Great start", "Clear goals", "Agenda:\n1. goals, and\n2. cadence"),
                        new CheckIn("CI2", "P1", date("2026-01-27"), CheckInType.CHECKIN, CheckInStatus.MISSED, null,
                                null, null, null)),
                List.of(new ReciprocityEntry("R1", "P1", date("2026-02-01"), Giver.MENTEE, ReciprocityKind.INSIGHT,
                                number("1.5"), "Shared platform metrics"),
                        new ReciprocityEntry("R2", "P1", date("2026-02-10"), Giver.MENTOR, ReciprocityKind.OTHER,
                                number("2"), null)),
                List.of(new Activity("A1", "P1", date("2026-02-03"), ActivityKind.ASSIGNMENT,
                        "Own the billing on-call", number("12.25"), "Ran two incidents")),
                List.of(new Engagement("P1", "RS1", EngagementStatus.COMPLETED, date("2026-03-01"),
                        "Listen, then \"state my path\""))));

        assertThat(store.resources(COHORT)).containsExactly(
                new Resource("RS1", "Crucial Conversations, 3rd edition", ResourceType.READING,
                        List.of("stakeholder management", "communication"), Level.INTRO,
                        List.of(Stage.DISCOVERY, Stage.PRACTICE), number("8"), "https://example.org/cc",
                        number("25.00")),
                new Resource("RS2", "SQL Performance Explained", ResourceType.COURSE, List.of("sql"), Level.ADVANCED,
                        List.of(), null, null, null));
    }

    @Test
    void fillsInTheDefaultsOfEmptyOptionalValues() {
        importer.importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("in"))));

        Roadmap p2 = store.roadmap(COHORT, "P2").orElseThrow();
        assertThat(p2.pairing()).isEqualTo(new Pairing("P2", "E2", "M2", date("2026-02-01"), null,
                Pairing.DEFAULT_CADENCE_DAYS, PairingStatus.PAUSED, new Agreement(null, null, null, null), null));
        assertThat(p2.objectives()).containsExactly(new Objective("O2", "P2",
                "Make the slowest report ten times faster", null, "sql", SkillType.TECHNICAL, "query time",
                number("-1.50"), number("0.1"), number("12"), "seconds", null, null, ObjectiveStatus.ACHIEVED, null));
        assertThat(p2.milestones()).containsExactly(
                new Milestone("MS3", "O2", Stage.MASTERY, null, null, MilestoneStatus.PLANNED, null, null, null));
        assertThat(p2.checkIns()).containsExactly(new CheckIn("CI3", "P2", date("2026-02-02"), CheckInType.REVIEW,
                CheckInStatus.CANCELLED, 30, null, null, null));
        assertThat(p2.activities()).containsExactly(
                new Activity("A2", "P2", date("2026-02-05"), ActivityKind.SIDE_PROJECT, null, null, null));
        assertThat(p2.engagements()).containsExactly(new Engagement("P2", "RS2", null, null, null));
        assertThat(p2.reciprocity()).isEmpty();
    }

    @Test
    void readsHeadersInAnyOrderAndCaseWithSurroundingSpaces() {
        Path dir = CohortFixture.write(temp.resolve("in"), Map.of("people.csv", """
                 ROLE , Name,ID,Max_Mentees
                mentor,Grace Hopper,M1,3
                """));

        ImportReport report = importer.importPaths(COHORT, List.of(dir));

        assertThat(report.errors()).isEmpty();
        assertThat(store.counts(COHORT)).containsEntry("people.csv", 1L);
    }

    @Test
    void acceptsAByteOrderMark() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("in"));
        Files.write(dir.resolve("people.csv"), bytes("\uFEFFid,name,role\r\nE1,Ada,mentee\r\n"));

        ImportReport report = importer.importPaths(COHORT, List.of(dir));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(store.counts(COHORT)).containsEntry("people.csv", 1L);
    }

    @Test
    void reportsThePhysicalLineOfARecordAfterAMultiLineQuotedValue() {
        Path dir = CohortFixture.write(temp.resolve("in"), Map.of("people.csv", CohortFixture.PEOPLE,
                "pairings.csv", CohortFixture.PAIRINGS, "checkins.csv", """
                id,pairing_id,date,notes
                CI1,P1,2026-01-06,"first line
                second, with a comma
                third with ""quotes""\"
                CI2,P1,2026-02-30,
                """));

        ImportReport report = importer.importPaths(COHORT, List.of(dir));

        assertThat(report.errors()).containsExactly(
                new ImportError("checkins.csv", 5, "date", "2026-02-30", "expected a date as yyyy-MM-dd"));
    }

    @Test
    void skipsBlankLinesAndRowsOfEmptyCellsWithoutMiscountingLines() {
        Path dir = CohortFixture.write(temp.resolve("in"), Map.of("people.csv",
                "id,name,role\n\nE1,Ada,mentee\n,,\n  \nE2,Alan,someone\n"));

        ImportReport report = importer.importPaths(COHORT, List.of(dir));

        assertThat(report.counts()).containsEntry("people.csv", 2L);
        assertThat(report.errors()).containsExactly(new ImportError("people.csv", 6, "role", "someone",
                "expected one of: mentee, mentor, coordinator"));
    }

    @Test
    void warnsAboutAnUnknownColumnAndIgnoresIt() {
        Path dir = CohortFixture.write(temp.resolve("in"), Map.of("people.csv", """
                id,name,role,nickname
                E1,Ada,mentee,Countess
                """));

        ImportReport report = importer.importPaths(COHORT, List.of(dir));

        assertThat(report.ok()).isTrue();
        assertThat(report.warnings()).containsExactly("people.csv: unknown column 'nickname' ignored");
    }

    @Test
    void acceptsWholeNumbersWrittenWithADecimalZero() {
        Path dir = CohortFixture.write(temp.resolve("in"), Map.of("people.csv", """
                id,name,role,capacity_hours_per_month,max_mentees
                M1,Grace,mentor,6.0,2
                """));

        assertThat(importer.importPaths(COHORT, List.of(dir)).errors()).isEmpty();
    }

    @Test
    void importingTheSameFolderTwiceChangesNothing() {
        Path dir = CohortFixture.write(temp.resolve("in"));
        importer.importPaths(COHORT, List.of(dir));
        Map<String, String> once = StoreSnapshot.of(store);

        ImportReport again = importer.importPaths(COHORT, List.of(dir));

        assertThat(again.ok()).isTrue();
        assertThat(StoreSnapshot.of(store)).isEqualTo(once);
    }

    @Test
    void reImportingAChangedRecordReplacesIt() {
        importer.importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("in"))));
        Path changed = CohortFixture.write(temp.resolve("changed"), Map.of("milestones.csv", """
                id,objective_id,stage,status,last_progress
                MS2,O1,practice,done,2026-04-02
                """));

        ImportReport report = importer.importPaths(COHORT, List.of(changed));

        assertThat(report.ok()).isTrue();
        Milestone ms2 = store.roadmap(COHORT, "P1").orElseThrow().milestones().get(1);
        // Replaced as a whole: columns the new file leaves out are no value now.
        assertThat(ms2).isEqualTo(new Milestone("MS2", "O1", Stage.PRACTICE, null, null, MilestoneStatus.DONE,
                date("2026-04-02"), null, null));
        assertThat(store.counts(COHORT)).containsEntry("milestones.csv", 3L);
    }

    @Test
    void resolvesReferencesToRecordsStoredByAnEarlierImport() {
        Path people = CohortFixture.writeFile(temp.resolve("first"), "people.csv", CohortFixture.PEOPLE);
        Path pairings = CohortFixture.writeFile(temp.resolve("second"), "pairings.csv", CohortFixture.PAIRINGS);

        assertThat(importer.importPaths(COHORT, List.of(people)).ok()).isTrue();
        ImportReport report = importer.importPaths(COHORT, List.of(pairings));

        assertThat(report.errors()).isEmpty();
        assertThat(store.roadmap(COHORT, "P1")).hasValueSatisfying(
                roadmap -> assertThat(roadmap.mentor().name()).isEqualTo("Grace Hopper"));
    }

    @Test
    void readsFilesInDependencyOrderWhateverOrderTheyAreGivenIn() {
        Path dir = CohortFixture.write(temp.resolve("in"));

        ImportReport report = importer.importPaths(COHORT, List.of(dir.resolve("engagements.csv"),
                dir.resolve("resources.csv"), dir.resolve("milestones.csv"), dir.resolve("objectives.csv"),
                dir.resolve("pairings.csv"), dir.resolve("people.csv")));

        assertThat(report.errors()).isEmpty();
        assertThat(report.counts().keySet()).containsExactly("people.csv", "pairings.csv", "objectives.csv",
                "milestones.csv", "resources.csv", "engagements.csv");
    }

    @Test
    void importsTheCsvEntriesOfAZipByBaseName() throws IOException {
        Path zip = temp.resolve("cohort.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, String> file : CohortFixture.files().entrySet()) {
                addEntry(out, "export/" + file.getKey(), file.getValue());
            }
            addEntry(out, "export/README.txt", "not a csv");
        }

        ImportReport report = importer.importPaths(COHORT, List.of(zip));

        assertThat(report.errors()).isEmpty();
        assertThat(report.counts()).hasSize(9);
        assertThat(store.counts(COHORT)).isEqualTo(report.counts());
    }

    @Test
    void importsNamedFilesInAnyCaseFromStreams() {
        ImportReport report = importer.importSources(COHORT, List.of(
                new CsvSource("People.CSV", () -> new ByteArrayInputStream(bytes(CohortFixture.PEOPLE))),
                new CsvSource("pairings.csv", () -> new ByteArrayInputStream(bytes(CohortFixture.PAIRINGS)))));

        assertThat(report.errors()).isEmpty();
        assertThat(report.counts()).containsExactly(Map.entry("people.csv", 5L), Map.entry("pairings.csv", 2L));
    }

    @Test
    void warnsAboutAnUnrecognisedCsvInAFolderAndImportsTheRest() {
        Path dir = CohortFixture.write(temp.resolve("in"), Map.of("people.csv", CohortFixture.PEOPLE,
                "notes.csv", "whatever\n"));

        ImportReport report = importer.importPaths(COHORT, List.of(dir));

        assertThat(report.ok()).isTrue();
        assertThat(report.warnings()).singleElement().asString()
                .startsWith("notes.csv in " + dir + ": not a file of the cohort format");
        assertThat(store.counts(COHORT)).containsEntry("people.csv", 5L);
    }

    @Test
    void rejectsAnEmptyFolderSayingWhatIsExpected() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        ImportReport report = importer.importPaths(COHORT, List.of(empty));

        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isNull();
            assertThat(error.reason()).startsWith("this import has no files; expected one of people.csv,");
        });
        assertThat(store.cohort(COHORT)).isEmpty();
    }

    private static void addEntry(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes(content));
        out.closeEntry();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    static BigDecimal number(String text) {
        return new BigDecimal(text);
    }
}
