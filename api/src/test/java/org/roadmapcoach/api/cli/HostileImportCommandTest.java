package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roadmapcoach.api.HostileCorpus;

/**
 * A few cases of the data module's hostile-input corpus through {@code coach import}: exit 1, the
 * error's place on stderr, no stack trace, the database unchanged. And formula payloads, which import,
 * leave every CSV the command line writes neutralised.
 */
class HostileImportCommandTest {

    @TempDir
    Path tmp;

    private Path db;

    @BeforeEach
    void importASmallCohort() throws IOException {
        db = tmp.resolve("coach.db");
        assertThat(Cli.run("import", "--db", db, "--cohort", "c1",
                new CohortFolder(Files.createDirectories(tmp.resolve("c"))).path()).exitCode()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "binary-png                   | people.csv:1: invalid UTF-8",
        "mixed-line-endings-bad-date  | checkins.csv:5:date: '2026-03-32' expected a date as yyyy-MM-dd",
        "id-too-long                  | people.csv:2:id: 'EEEE",
        "text-too-long                | objectives.csv:2:title: 'Lead the review",
        "zip-absolute-path            | cohort.zip!/etc/people.csv: unsafe entry name",
        "zip-of-zero-bytes            | people.csv:1: this record is longer than 1000000 characters",
        "duplicate-header-after-bom   | people.csv:1:id: duplicate column",
    })
    void aHostileInputExitsOneNamingWhereAndWritesNothing(String name, String error) throws IOException {
        String before = HostileCorpus.dump(db);

        Cli cli = Cli.run("import", "--db", db, "--cohort", "c1", HostileCorpus.rejected(name));

        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
        assertThat(cli.err()).contains(error).contains("nothing was written")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(HostileCorpus.dump(db)).isEqualTo(before);
    }

    @Test
    void formulaPayloadsAreNeutralisedInTheHealthCheckCsvAndTheExport() throws IOException {
        Path payloads = Files.createDirectories(tmp.resolve("payloads"));
        Files.writeString(payloads.resolve("people.csv"), """
                id,name,role
                @E1,"=HYPERLINK(""http://evil.example"",""x"")",mentee
                -M1,+Max,mentor
                """);
        Files.writeString(payloads.resolve("pairings.csv"), """
                id,mentee_id,mentor_id,start_date
                =P1,@E1,-M1,2026-01-05
                """);
        assertThat(Cli.run("import", "--db", db, "--cohort", "c2", payloads).exitCode()).isZero();

        Cli check = Cli.run("check", "--db", db, "--cohort", "c2", "--as-of", "2026-03-02", "--format", "csv");
        Cli export = Cli.run("export", "--db", db, "--cohort", "c2", "--out", tmp.resolve("exported"));

        assertThat(check.exitCode()).isZero();
        List<CSVRecord> rows = csv(new StringReader(check.out()));
        assertThat(rows).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("pairing_id")).isEqualTo("'=P1");
            assertThat(row.get("mentee_id")).isEqualTo("'@E1");
            assertThat(row.get("mentor_id")).isEqualTo("'-M1");
            assertThat(row.get("as_of")).isEqualTo("2026-03-02");
        });
        assertThat(export.exitCode()).isZero();
        try (Reader people = Files.newBufferedReader(tmp.resolve("exported/people.csv"))) {
            assertThat(csv(people)).extracting(row -> row.get("id"), row -> row.get("name")).containsExactly(
                    tuple("'-M1", "'+Max"), tuple("'@E1", "'=HYPERLINK(\"http://evil.example\",\"x\")"));
        }
    }

    private static List<CSVRecord> csv(Reader reader) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
    }

}
