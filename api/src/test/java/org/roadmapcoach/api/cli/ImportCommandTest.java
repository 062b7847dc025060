package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.api.HostileCorpus;

/**
 * {@code coach import} with what spreadsheets really write (docs/CSV.md): a rejected import says first
 * that nothing was written and shows no counts; named, prefixed and ;-separated files import.
 */
class ImportCommandTest {

    @TempDir
    Path tmp;

    private Path db() {
        return tmp.resolve("coach.db");
    }

    private Path folder(String name) throws IOException {
        return Files.createDirectories(tmp.resolve(name));
    }

    @Test
    void aRejectedImportSaysFirstThatNothingWasWrittenAndShowsNoRowCounts() throws IOException {
        assertThat(Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(folder("good")).path())
                .exitCode()).isZero();
        String before = HostileCorpus.dump(db());
        Path bad = new CohortFolder(folder("bad")).write("pairings.csv", """
                id,mentee_id,mentor_id,start_date
                P2,E1,M1,2026-02-30
                """).path();

        Cli cli = Cli.run("import", "--db", db(), "--cohort", "c1", bad);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out().lines().findFirst()).hasValue(
                "Nothing was written: the import into cohort c1 was rejected (1 error in the input).");
        assertThat(cli.out()).doesNotContain("rows").doesNotContain("done");
        assertThat(cli.err().lines().toList()).containsExactly(
                "coach: nothing was written: 1 error in the input; fix them and import again.",
                "pairings.csv:2:start_date: '2026-02-30' expected a date as yyyy-MM-dd");
        assertThat(HostileCorpus.dump(db())).isEqualTo(before);
    }

    @Test
    void anImportWithNoFileOfTheFormatExitsOneListingWhatItHadAndWhatIsExpected() throws IOException {
        Path dir = folder("export");
        Files.writeString(dir.resolve("roster.csv"), "id,name,role\nE1,Ada,mentee\n");
        Files.writeString(dir.resolve("pairs.xlsx"), "not read");

        Cli cli = Cli.run("import", "--db", db(), "--cohort", "c1", dir);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).startsWith("Nothing was written").doesNotContain("rows");
        assertThat(cli.err()).contains("it has 'pairs.xlsx' and 'roster.csv'; expected one of people.csv,"
                + " pairings.csv, objectives.csv, milestones.csv, checkins.csv, reciprocity.csv, activities.csv,"
                + " resources.csv, engagements.csv").doesNotContain("\tat ");
    }

    @Test
    void aTypoInAHeaderExitsOneSuggestingTheColumn() throws IOException {
        Path dir = new CohortFolder(folder("typo")).write("pairings.csv", """
                id,mentee_id,mentor_id,start_date,cadance_days
                P1,E1,M1,2026-01-05,21
                """).path();

        Cli cli = Cli.run("import", "--db", db(), "--cohort", "c1", dir);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines()).contains("pairings.csv:1: unknown column 'cadance_days': did you mean"
                + " 'cadence_days'?");
    }

    @Test
    void aSemicolonSeparatedFileWithAPrefixedNameImportsAndTheReportSaysHowItWasRead() throws IOException {
        Path dir = folder("northwind");
        Files.writeString(dir.resolve("Northwind mentoring - people.csv"), """
                ID;Name;Role;Strengths
                E1;"Lovelace; Ada";mentee;"sql; java"
                M1;Max Mentor;mentor;
                """);
        Files.writeString(dir.resolve("2026_pairings (1).csv"), "id\tmentee id\tmentor-id\tStart Date\n"
                + "P1\tE1\tM1\t2026-01-05\n");

        Cli cli = Cli.run("import", "--db", db(), "--cohort", "c1", dir);

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out().lines()).containsExactly(
                "Import into cohort c1: done",
                String.format("  %-18s %7d rows: 2 added, 0 updated, 0 unchanged", "people.csv", 2),
                String.format("  %-18s %7d rows: 1 added, 0 updated, 0 unchanged", "pairings.csv", 1),
                "warning: people.csv: read as ;-separated (the header row has no comma)",
                "warning: pairings.csv: read as tab-separated (the header row has no comma)");
    }

    @Test
    void aZipFromAMacImportsWithoutAWordAboutItsMetadata() throws IOException {
        Path zip = tmp.resolve("cohort.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            entry(out, "cohort/people.csv", "id,name,role\nE1,Ada,mentee\n");
            entry(out, "__MACOSX/cohort/._people.csv", "\u0000\u0005\u0016\u0007");
            entry(out, "cohort/._people.csv", "\u0000\u0005\u0016\u0007");
        }

        Cli cli = Cli.run("import", "--db", db(), "--cohort", "c1", zip);

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).doesNotContain("warning").contains("people.csv", "1 rows");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void aDryRunSaysFirstThatNothingWasWrittenReportsWhatItWouldDoAndWritesNothing() throws IOException {
        Path good = new CohortFolder(folder("good")).path();
        assertThat(Cli.run("import", "--db", db(), "--cohort", "c1", good).exitCode()).isZero();
        String before = HostileCorpus.dump(db());
        Path next = new CohortFolder(folder("next")).write("people.csv", """
                id,name,role
                E1,Ada Mentee,mentee
                M1,Max Mentor,mentor
                E2,Eve New,mentee
                """).path();

        Cli cli = Cli.run("import", "--db", db(), "--cohort", "c1", "--dry-run", next);

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out().lines().toList()).containsExactly(
                "Dry run: nothing was written. The import into cohort c1 would do this:",
                String.format("  %-18s %7d rows: 1 added, 1 updated, 1 unchanged", "people.csv", 3),
                String.format("  %-18s %7d rows: 0 added, 0 updated, 1 unchanged", "pairings.csv", 1));
        assertThat(HostileCorpus.dump(db())).isEqualTo(before);
    }

    @Test
    void aDryRunIntoADatabaseThatDoesNotExistCreatesNone() throws IOException {
        Cli cli = Cli.run("import", "--db", db(), "--cohort", "c1", "--dry-run", new CohortFolder(folder("a")).path());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Dry run: nothing was written.").contains("2 added");
        assertThat(db()).doesNotExist();
    }

    @Test
    void aSyncDeletesWhatTheSpreadsheetDroppedAndListsIt() throws IOException {
        Path first = new CohortFolder(folder("first")).write("checkins.csv", """
                id,pairing_id,date
                C1,P1,2026-01-06
                C2,P1,2026-01-20
                """).path();
        assertThat(Cli.run("import", "--db", db(), "--cohort", "c1", first).exitCode()).isZero();
        Path dropped = Files.createDirectories(tmp.resolve("dropped"));
        Files.writeString(dropped.resolve("checkins.csv"), "id,pairing_id,date\nC1,P1,2026-01-06\n");

        Cli plain = Cli.run("import", "--db", db(), "--cohort", "c1", dropped);
        Cli synced = Cli.run("import", "--db", db(), "--cohort", "c1", "--sync", dropped);

        assertThat(plain.out()).doesNotContain("deleted");
        assertThat(synced.exitCode()).as(synced.err()).isZero();
        assertThat(synced.out().lines().toList()).containsExactly(
                "Import into cohort c1: done",
                String.format("  %-18s %7d rows: 0 added, 0 updated, 1 unchanged, 1 deleted", "checkins.csv", 1),
                "Deleted by --sync (not in the spreadsheet any more): 1 record",
                "  checkins.csv C2");
    }

    @Test
    void anExportForExcelHasAByteOrderMarkAndCrlfAndImportsBackUnchanged() throws IOException {
        assertThat(Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(folder("in")).path())
                .exitCode()).isZero();
        Path out = tmp.resolve("for-excel");

        Cli export = Cli.run("export", "--db", db(), "--cohort", "c1", "--out", out, "--excel");
        Cli again = Cli.run("import", "--db", db(), "--cohort", "c1", out);

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("ready for Excel");
        byte[] people = Files.readAllBytes(out.resolve("people.csv"));
        assertThat(new String(people, StandardCharsets.UTF_8)).startsWith("\uFEFFid,name,role,").contains("\r\n");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).doesNotContain("warning").doesNotContain(" 1 updated").doesNotContain(" 2 updated");
    }

    private static void entry(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
