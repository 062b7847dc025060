package org.roadmapcoach.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.roadmapcoach.data.CohortFixture;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.StoreSnapshot;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Person;

/**
 * docs/CSV.md, "Reading what spreadsheets really write": file names with a prefix or a copy suffix,
 * macOS metadata in zips, headers as people type them, files saved with {@code ;} or tabs, and the one
 * error of an import in which no file is one of the nine. Each habit is tried on real files.
 */
/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class SpreadsheetHabitsTest {

    @Parameter
    StoreKind kind;

    private static final String COHORT = "spring-2026";
    private static final String EXPECTED_NAMES = "people.csv, pairings.csv, objectives.csv, milestones.csv,"
            + " checkins.csv, reciprocity.csv, activities.csv, resources.csv, engagements.csv";

    @TempDir
    Path temp;

    private Store store;
    private CohortImporter importer;
    private int folders;

    @BeforeEach
    void openStore() {
        store = kind.open(temp.resolve("coach.db"));
        importer = new CohortImporter(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    // File names

    @Test
    void aFileNamedAfterAPrefixAndASpacedDashIsThatFile() {
        ImportReport report = importFolder(Map.of("Northwind mentoring - people.csv", CohortFixture.PEOPLE));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.counts()).containsExactly(Map.entry("people.csv", 5L));
    }

    @Test
    void aFileNamedAfterAPrefixAndAnUnderscoreIsThatFile() {
        ImportReport report = importFolder(Map.of("people.csv", CohortFixture.PEOPLE,
                "2026_pairings.csv", CohortFixture.PAIRINGS));

        assertThat(report.errors()).isEmpty();
        assertThat(report.counts()).containsExactly(Map.entry("people.csv", 5L), Map.entry("pairings.csv", 2L));
    }

    @Test
    void aFileNamedAfterAPrefixAndASpaceIsThatFile() {
        ImportReport report = importFolder(Map.of("Northwind people.csv", CohortFixture.PEOPLE));

        assertThat(report.errors()).isEmpty();
        assertThat(report.counts()).containsExactly(Map.entry("people.csv", 5L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"people (1).csv", "people(2).csv", "people copy.csv", "people copy 2.csv",
            "people - Copy.csv", "people - Copy (3).csv", "people 2.csv", "Northwind - people (1).csv"})
    void aFileWithACopySuffixIsThatFile(String name) {
        ImportReport report = importFolder(Map.of(name, CohortFixture.PEOPLE));

        assertThat(report.errors()).isEmpty();
        assertThat(report.counts()).containsExactly(Map.entry("people.csv", 5L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"People.CSV", "PEOPLE.csv", "people.Csv"})
    void aFileNameInAnyCaseIsThatFile(String name) {
        ImportReport report = importFolder(Map.of(name, CohortFixture.PEOPLE));

        assertThat(report.errors()).isEmpty();
        assertThat(report.counts()).containsExactly(Map.entry("people.csv", 5L));
    }

    @Test
    void aNamedFileAndAnUploadAreRecognisedByTheSameRules() {
        Path named = CohortFixture.writeFile(temp.resolve("named"), "Northwind - people (1).csv", CohortFixture.PEOPLE);

        ImportReport fromPath = importer.importPaths(COHORT, List.of(named));
        ImportReport fromUpload = importer.importSources(COHORT, List.of(
                upload("2026_pairings.csv", CohortFixture.PAIRINGS)));

        assertThat(fromPath.errors()).isEmpty();
        assertThat(fromPath.counts()).containsExactly(Map.entry("people.csv", 5L));
        assertThat(fromUpload.errors()).isEmpty();
        assertThat(fromUpload.counts()).containsExactly(Map.entry("pairings.csv", 2L));
    }

    @Test
    void aNameThatOnlyContainsAKnownNameIsNotThatFile() {
        ImportReport report = importFolder(Map.of("people.csv", CohortFixture.PEOPLE, "peoples.csv", "x\n",
                "people-list.csv", "x\n", "people.csv.bak", "x\n"));

        assertThat(report.errors()).isEmpty();
        assertThat(report.counts()).containsExactly(Map.entry("people.csv", 5L));
        assertThat(report.warnings()).hasSize(2).allSatisfy(warning -> assertThat(warning)
                .contains("not a file of the cohort format"));
    }

    @Test
    void twoFilesThatAreTheSameFileAreAnErrorNamingBoth() {
        Path dir = CohortFixture.write(temp.resolve("in"), Map.of("people.csv", CohortFixture.PEOPLE,
                "Northwind - People (1).csv", CohortFixture.PEOPLE));

        ImportReport report = importer.importPaths(COHORT, List.of(dir));

        assertThat(report.errors()).containsExactly(new ImportError("people.csv", 0, null, null,
                "given more than once in this import, as '" + dir.resolve("Northwind - People (1).csv") + "' and '"
                        + dir.resolve("people.csv") + "'; give each file once"));
        assertThat(store.cohort(COHORT)).isEmpty();
    }

    @Test
    void macOsMetadataInAZipIsSkippedWithoutAWord() throws IOException {
        Path zip = temp.resolve("Northwind export.zip");
        byte[] appleDouble = {0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00, (byte) 0xFF, (byte) 0xFE};
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "export/people.csv", bytes(CohortFixture.PEOPLE));
            entry(out, "export/._people.csv", appleDouble);
            entry(out, "__MACOSX/export/._people.csv", appleDouble);
            entry(out, "__MACOSX/export/._pairings.csv", appleDouble);
            entry(out, "export/._.DS_Store", appleDouble);
        }

        ImportReport report = importer.importPaths(COHORT, List.of(zip));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.counts()).containsExactly(Map.entry("people.csv", 5L));
    }

    @Test
    void aFolderWithNoFileOfTheFormatIsAnErrorListingWhatItHasAndWhatIsExpected() {
        Path dir = CohortFixture.write(temp.resolve("in"), Map.of("roster.csv", CohortFixture.PEOPLE,
                "pairs.xlsx", "not read", "peoples.csv", CohortFixture.PEOPLE));

        ImportReport report = importer.importPaths(COHORT, List.of(dir));

        assertThat(report.ok()).isFalse();
        assertThat(report.errors()).containsExactly(new ImportError(null, 0, null, null,
                "no file of this import is a file of the cohort format; it has 'pairs.xlsx', 'peoples.csv' and"
                        + " 'roster.csv'; expected one of " + EXPECTED_NAMES + " (a name may carry a prefix, as in"
                        + " 'Northwind - people.csv' or '2026_pairings.csv', or a copy suffix, as in"
                        + " 'people (1).csv')"));
        assertThat(report.warnings()).isEmpty();
        assertThat(store.cohort(COHORT)).isEmpty();
    }

    @Test
    void anUploadWithNoFileOfTheFormatIsTheSameOneError() {
        ImportReport report = importer.importSources(COHORT, List.of(upload("roster.csv", CohortFixture.PEOPLE)));

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isNull();
            assertThat(error.reason()).startsWith("no file of this import is a file of the cohort format; it has"
                    + " 'roster.csv'; expected one of " + EXPECTED_NAMES);
        });
    }

    @Test
    void aZipWithNoFileOfTheFormatListsItsEntriesButNotItsMacOsMetadata() throws IOException {
        Path zip = temp.resolve("cohort.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "export/roster.csv", bytes(CohortFixture.PEOPLE));
            entry(out, "__MACOSX/export/._roster.csv", new byte[] {0});
        }

        ImportReport report = importer.importPaths(COHORT, List.of(zip));

        assertThat(report.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .startsWith("no file of this import is a file of the cohort format; it has 'export/roster.csv';"));
    }

    @Test
    void aListOfManyUnrecognisedFilesIsCut() {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < 25; i++) {
            files.put(String.format("notes-%02d.txt", i), "x");
        }

        ImportReport report = importFolder(files);

        assertThat(report.errors()).singleElement().satisfies(error -> assertThat(error.reason())
                .contains("'notes-00.txt', ").contains("'notes-19.txt' and 5 more; expected one of"));
    }

    // Headers

    @Test
    void aHeaderWithSpacesHyphensOrCapitalsIsThatColumn() {
        ImportReport report = importFolder(Map.of("people.csv", CohortFixture.PEOPLE, "pairings.csv", """
                ID,Mentee-ID,MENTOR_ID, Start Date ,Cadence Days,agreement-success-metrics
                P1,E1,M1,2026-01-05,21,Leads a design review
                """));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        Pairing pairing = store.roadmap(COHORT, "P1").orElseThrow().pairing();
        assertThat(pairing.menteeId()).isEqualTo("E1");
        assertThat(pairing.startDate()).hasToString("2026-01-05");
        assertThat(pairing.cadenceDays()).isEqualTo(21);
        assertThat(pairing.agreement().successMetrics()).isEqualTo("Leads a design review");
    }

    @Test
    void anUnknownHeaderWithinTwoEditsOfAColumnIsAnErrorThatSuggestsIt() {
        ImportReport report = importFolder(Map.of("people.csv", CohortFixture.PEOPLE, "pairings.csv", """
                id,mentee_id,mentor_id,start_date,cadance_days
                P1,E1,M1,2026-01-05,21
                """));

        assertThat(report.errors()).containsExactly(new ImportError("pairings.csv", 1, "cadance_days", null,
                "unknown column 'cadance_days': did you mean 'cadence_days'?"));
        assertThat(report.errors().get(0))
                .hasToString("pairings.csv:1: unknown column 'cadance_days': did you mean 'cadence_days'?");
        assertThat(store.cohort(COHORT)).isEmpty();
    }

    @Test
    void aTypoIsJudgedOnTheNormalisedNameAndNamedAsWritten() {
        ImportReport report = importFolder(Map.of("people.csv", """
                id,name,role,Max Mentes
                M1,Grace,mentor,2
                """));

        assertThat(report.errors()).extracting(ImportError::toString)
                .containsExactly("people.csv:1: unknown column 'Max Mentes': did you mean 'max_mentees'?");
    }

    @Test
    void anUnknownHeaderFarFromEveryColumnIsOnlyAWarning() {
        ImportReport report = importFolder(Map.of("people.csv", """
                id,name,role,Nickname
                E1,Ada,mentee,Countess
                """));

        assertThat(report.ok()).isTrue();
        assertThat(report.warnings()).containsExactly("people.csv: unknown column 'Nickname' ignored");
        assertThat(store.counts(COHORT)).containsEntry("people.csv", 1L);
    }

    @Test
    void twoHeadersThatNormaliseToOneColumnAreAnErrorNamingBoth() {
        ImportReport report = importFolder(Map.of("people.csv", CohortFixture.PEOPLE, "pairings.csv", """
                id,mentee_id,mentor_id,Start Date,start-date
                P1,E1,M1,2026-01-05,2026-01-06
                """));

        assertThat(report.errors()).containsExactly(new ImportError("pairings.csv", 1, "start_date", null,
                "duplicate column: the header names it more than once, as 'Start Date' (column 4) and"
                        + " 'start-date' (column 5)"));
    }

    // Delimiters

    @Test
    void aSemicolonSeparatedFileIsReadAsSuchWithQuotedSemicolonsKeptAndTheReportSaysSo() {
        ImportReport report = importFolder(Map.of("people.csv", """
                id;name;role;strengths
                E1;"Lovelace; Ada";mentee;"sql; java"
                M1;Grace Hopper;mentor;leadership
                """));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).containsExactly("people.csv: read as ;-separated (the header row has no comma)");
        assertThat(people()).extracting(Person::id, Person::name, Person::strengths).containsExactly(
                tuple("E1", "Lovelace; Ada", List.of("sql", "java")),
                tuple("M1", "Grace Hopper", List.of("leadership")));
    }

    @Test
    void aTabSeparatedFileIsReadAsSuchWithQuotedTabsKeptAndTheReportSaysSo() {
        ImportReport report = importFolder(Map.of("people.csv",
                "id\tname\trole\tambitions\nE1\t\"Ada\tLovelace\"\tmentee\t\"Lead, then teach\"\n"));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).containsExactly("people.csv: read as tab-separated (the header row has no comma)");
        assertThat(people()).extracting(Person::name, Person::ambitions)
                .containsExactly(tuple("Ada\tLovelace", "Lead, then teach"));
    }

    @Test
    void aSemicolonSeparatedFileNamesPhysicalLinesAfterAMultiLineValue() {
        ImportReport report = importFolder(Map.of("people.csv", CohortFixture.PEOPLE, "pairings.csv",
                CohortFixture.PAIRINGS, "checkins.csv", """
                id;pairing_id;date;notes
                CI1;P1;2026-01-06;"first line
                second; with a semicolon"
                CI2;P1;2026-02-30;
                """));

        assertThat(report.errors()).containsExactly(
                new ImportError("checkins.csv", 4, "date", "2026-02-30", "expected a date as yyyy-MM-dd"));
    }

    @Test
    void anUnquotedListInASemicolonSeparatedFileIsARaggedRowThatSaysToQuoteIt() {
        ImportReport report = importFolder(Map.of("people.csv", """
                id;name;role;strengths
                E1;Ada;mentee;sql; java
                """));

        assertThat(report.errors()).containsExactly(new ImportError("people.csv", 2, null, null,
                "expected 4 fields as in the header, found 5 (this file is read as ;-separated: quote a value that"
                        + " holds a ;, such as a list: \"sql; java\")"));
    }

    @Test
    void aCommaSeparatedFileStaysCommaSeparatedWhateverSemicolonsItsValuesHold() {
        ImportReport report = importFolder(Map.of("people.csv", """
                id,name,role,strengths
                E1,Ada;Lovelace,mentee,sql;java
                """));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(people()).extracting(Person::name).containsExactly("Ada;Lovelace");
    }

    @Test
    void aSemicolonSeparatedFileWithAByteOrderMarkIsReadAsSuch() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("in"));
        Files.write(dir.resolve("people.csv"), bytes("\uFEFFid;name;role\r\nE1;Ada;mentee\r\n"));

        ImportReport report = importer.importPaths(COHORT, List.of(dir));

        assertThat(report.errors()).isEmpty();
        assertThat(people()).extracting(Person::id).containsExactly("E1");
    }

    @Test
    void aCommaSeparatedFileWithAByteOrderMarkAndCrlfLineEndsImportsWhatItMeansAndNamesPhysicalLines()
            throws IOException {
        Path dir = Files.createDirectories(temp.resolve("excel"));
        Files.write(dir.resolve("people.csv"), bytes("\uFEFFId,Name,Role,Ambitions\r\n"
                + "E1,Zoë Ørsted,mentee,\"Lead the team\r\nand write\"\r\n"
                + "M1,Max,boss,\r\n"));

        ImportReport rejected = importer.importPaths(COHORT, List.of(dir));

        assertThat(rejected.errors()).extracting(ImportError::toString)
                .containsExactly("people.csv:4:role: 'boss' expected one of: mentee, mentor, coordinator");
        Files.write(dir.resolve("people.csv"), bytes("\uFEFFId,Name,Role,Ambitions\r\n"
                + "E1,Zoë Ørsted,mentee,\"Lead the team\r\nand write\"\r\n"
                + "M1,Max,mentor,\r\n"));
        ImportReport report = importer.importPaths(COHORT, List.of(dir));
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(people()).extracting(Person::id, Person::name, Person::ambitions).containsExactly(
                tuple("E1", "Zoë Ørsted", "Lead the team\r\nand write"), tuple("M1", "Max", null));
    }

    @Test
    void macOsMetadataAndHiddenFilesInAFolderAreSkippedWithoutAWord() throws IOException {
        Path dir = CohortFixture.write(temp.resolve("mac"), Map.of("people.csv", CohortFixture.PEOPLE));
        Files.write(dir.resolve("._people.csv"), new byte[] {0x00, 0x05, 0x16, 0x07, (byte) 0xFF});
        Files.write(dir.resolve(".DS_Store"), new byte[] {0x00, 0x00, 0x00, 0x01, 0x42});

        ImportReport report = importer.importPaths(COHORT, List.of(dir));

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.counts()).containsExactly(Map.entry("people.csv", 5L));
    }

    @Test
    void aRejectedImportOfADelimitedFileWritesNothing() {
        importFolder(Map.of("people.csv", CohortFixture.PEOPLE));
        Map<String, String> before = StoreSnapshot.of(store);

        ImportReport report = importFolder(Map.of("people.csv", "id;name;role\nE9;Eve;mentee\nE8;Ed;boss\n"));

        assertThat(report.errors()).extracting(ImportError::toString)
                .containsExactly("people.csv:3:role: 'boss' expected one of: mentee, mentor, coordinator");
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    private ImportReport importFolder(Map<String, String> files) {
        return importer.importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("in" + folders++), files)));
    }

    private List<Person> people() {
        List<Person> people = new ArrayList<>();
        store.forEachRecord(Tables.PEOPLE, COHORT, people::add);
        return people;
    }

    private static CsvSource upload(String name, String content) {
        return new CsvSource(name, () -> new ByteArrayInputStream(bytes(content)));
    }

    private static void entry(ZipOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
