package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.app.Json;

/** {@code coach match} on the sample cohort, whose waiting mentees show every kind of answer but no-eligible. */
class MatchCommandTest {

    @TempDir
    Path temp;

    String db;

    @BeforeEach
    void importTheSample() {
        db = temp.resolve("coach.db").toString();
        assertThat(Cli.run("import", "--db", db, "--cohort", "spring-2026", sampleFolder()).exitCode()).isZero();
    }

    @Test
    void theTableListsExplainedProposalsBestFirstThenTheUnmatchedWithReasons() {
        Cli cli = Cli.run("match", "--db", db, "--cohort", "spring-2026", "--as-of", "2026-06-15");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).startsWith("Matching for spring-2026 as of 2026-06-15: 7 waiting mentees, 4 matched,"
                + " 3 unmatched; 4 mentors with free places; total score 82");
        assertThat(cli.out()).containsSubsequence(
                "E14     M08        25  yes    covers sql, data analysis; ambitions: people leadership",
                "E15     M05        23  no     covers negotiation, executive presence; ambitions: public speaking",
                "E16     M09        22  yes", "E19     M10        12  yes    covers delegation; or M08 (12, 1 free)",
                "Unmatched:", "E17     no-cover     no mentor has a strength among the gaps: kotlin multiplatform",
                "E18     no-gaps", "E20     no-place     the mentors who cover a gap have no place left: M01 has no"
                        + " free place (2 places, 2 busy pairings); M06 has no free place (3 places, 3 busy pairings)");
    }

    @Test
    void theJsonHasTheSpecsFields() throws Exception {
        Cli cli = Cli.run("match", "--db", db, "--cohort", "spring-2026", "--as-of", "2026-06-15", "--format", "json");

        JsonNode json = Json.mapper().readTree(cli.out());
        assertThat(json.get("cohortId").asText()).isEqualTo("spring-2026");
        assertThat(json.get("asOf").asText()).isEqualTo("2026-06-15");
        assertThat(json.get("summary").toString()).isEqualTo("{\"waiting\":7,\"matched\":4,\"unmatched\":3,"
                + "\"mentorsWithPlaces\":4,\"totalScore\":82}");
        assertThat(json.get("proposals").get(3).toString()).isEqualTo("{\"menteeId\":\"E19\",\"mentorId\":\"M10\","
                + "\"score\":12,\"covered\":[\"delegation\"],\"ambition\":[],\"crossDepartment\":true,"
                + "\"alternatives\":[{\"mentorId\":\"M08\",\"score\":12,\"freePlaces\":1}]}");
        assertThat(json.get("unmatched").get(1).toString()).isEqualTo("{\"menteeId\":\"E18\",\"reason\":\"no-gaps\","
                + "\"detail\":\"lists no gaps, so no mentor can cover one\"}");
    }

    @Test
    void theCsvImportsAsPairingsAndThoseMenteesAreNoLongerWaiting() throws Exception {
        Path csv = temp.resolve("pairings.csv");
        Cli written = Cli.run("match", "--db", db, "--cohort", "spring-2026", "--as-of", "2026-06-15",
                "--format", "csv", "--out", csv);

        assertThat(written.out()).contains("Wrote 4 proposals (csv) to");
        assertThat(Files.readString(csv)).isEqualTo("id,mentee_id,mentor_id,start_date,cadence_days,status\r\n"
                + "E14-M08,E14,M08,2026-06-15,14,active\r\nE15-M05,E15,M05,2026-06-15,14,active\r\n"
                + "E16-M09,E16,M09,2026-06-15,14,active\r\nE19-M10,E19,M10,2026-06-15,14,active\r\n");
        Cli imported = Cli.run("import", "--db", db, "--cohort", "spring-2026", csv);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).containsPattern("pairings.csv\\s+4 rows");

        Cli after = Cli.run("match", "--db", db, "--cohort", "spring-2026", "--as-of", "2026-06-15");
        assertThat(after.out()).contains("3 waiting mentees, 0 matched, 3 unmatched; 2 mentors with free places");
    }

    @Test
    void matchingSettingsArePolicyKeysThatChangeTheProposal() {
        Cli shown = Cli.run("policy", "--db", db, "--cohort", "spring-2026");
        assertThat(shown.out()).containsPattern("matching.allowRepeat\\s+false\\s+false\\s+boolean\\s+true or false")
                .containsPattern("matching.hoursPerMentee\\s+2\\s+2\\s+decimal\\s+1 to 100")
                .containsPattern("milestones.stalledDays\\s+21\\s+21\\s+integer\\s+1 to 3650");

        Cli changed = Cli.run("policy", "--db", db, "--cohort", "spring-2026", "--set", "matching.minCoveredGaps=2",
                "--set", "matching.allowRepeat=true");
        Cli bad = Cli.run("policy", "--db", db, "--cohort", "spring-2026", "--set", "matching.allowRepeat=maybe");

        assertThat(changed.out()).containsPattern("matching.allowRepeat\\s+true\\s+false");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("matching.allowRepeat must be true or false, not 'maybe'");
        // two covered gaps: E14 (M08), E15 (M05 or M10) and E16 (M09) qualify; E19 only with M03, who is full
        assertThat(Cli.run("match", "--db", db, "--cohort", "spring-2026", "--as-of", "2026-06-15").out())
                .contains("7 waiting mentees, 3 matched, 4 unmatched").contains("E19     no-place").contains("E20     no-eligible");
    }

    @Test
    void anUnknownCohortIsBadInputAndABadFormatIsUsage() {
        Cli unknown = Cli.run("match", "--db", db, "--cohort", "autumn");
        Cli format = Cli.run("match", "--db", db, "--cohort", "spring-2026", "--format", "xml");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("There is no cohort 'autumn'.");
        assertThat(format.exitCode()).isEqualTo(2);
    }

    private static Path sampleFolder() {
        return Path.of("..", "data", "src", "main", "resources", "sample", "spring-2026");
    }
}
