package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.data.store.Store;

class CoachCommandTest {

    @TempDir
    Path tmp;

    private Path db() {
        return tmp.resolve("coach.db");
    }

    private Path folder(String name) throws Exception {
        return Files.createDirectories(tmp.resolve(name));
    }

    @Test
    void importPrintsRowCountsPerFileAndExitsZero() throws Exception {
        CohortFolder cohort = new CohortFolder(folder("c"));

        Cli cli = Cli.run("import", "--db", db(), "--cohort", "c1", cohort.path());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("people.csv", "2 rows").contains("pairings.csv", "1 rows");
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void rejectedImportNamesFileLineAndColumnExitsOneAndWritesNothing() throws Exception {
        Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(folder("good")).path());
        Path bad = folder("bad");
        Files.writeString(bad.resolve("people.csv"), "id,name,role\nE2,Bea,mentee\nE3,Cy,boss\n");

        Cli cli = Cli.run("import", "--db", db(), "--cohort", "c1", bad);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("people.csv:3:role").contains("mentee, mentor, coordinator")
                .contains("nothing was written").doesNotContain("Exception").doesNotContain("\tat ");
        try (Store store = Store.open(db())) {
            assertThat(store.counts("c1")).containsEntry("people.csv", 2L);
        }
    }

    @Test
    void exportWritesFilesThatImportBackToTheSameCohort() throws Exception {
        Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(folder("c"))
                .write("objectives.csv", "id,pairing_id,title,due_date\nO1,P1,\"Ship it, with care\",2026-05-01\n").path());
        Path exported = tmp.resolve("exported");

        Cli export = Cli.run("export", "--db", db(), "--cohort", "c1", "--out", exported);
        Cli reimport = Cli.run("import", "--db", tmp.resolve("copy.db"), "--cohort", "c1", exported);

        assertThat(export.exitCode()).isZero();
        assertThat(reimport.exitCode()).isZero();
        String asOf = "2026-03-02";
        assertThat(Cli.run("check", "--db", tmp.resolve("copy.db"), "--cohort", "c1", "--as-of", asOf, "--format", "json").out())
                .isEqualTo(Cli.run("check", "--db", db(), "--cohort", "c1", "--as-of", asOf, "--format", "json").out());
    }

    @Test
    void missingRequiredOptionIsAUsageErrorWithExitTwo() {
        Cli cli = Cli.run("check", "--db", db());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--cohort");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "+12026-01-01", "2026-6-15", "15.06.2026"})
    void badAsOfDateIsAUsageErrorWithExitTwo(String date) throws Exception {
        Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(folder("c")).path());

        Cli cli = Cli.run("check", "--db", db(), "--cohort", "c1", "--as-of", date);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--as-of").contains("expected a date as yyyy-MM-dd, not '" + date + "'")
                .doesNotContain("\tat ");
    }

    @Test
    void checkOfAnUnknownCohortSaysSoInOneSentence() throws Exception {
        Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(folder("c")).path());

        Cli cli = Cli.run("check", "--db", db(), "--cohort", "nope");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("coach: There is no cohort 'nope'").doesNotContain("\tat ");
    }

    @Test
    void checkOfAMissingDatabaseDoesNotCreateIt() {
        Cli cli = Cli.run("check", "--db", db(), "--cohort", "c1");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("There is no database at");
        assertThat(db()).doesNotExist();
    }

    @Test
    void checkJsonHasExactlyTheShapeOfTheApiSpec() throws Exception {
        Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(folder("c")).path());

        Cli cli = Cli.run("check", "--db", db(), "--cohort", "c1", "--as-of", "2026-03-02", "--format", "json");

        assertThat(cli.exitCode()).isZero();
        JsonNode json = Json.mapper().readTree(cli.out());
        assertThat(fields(json)).containsExactly("cohortId", "asOf", "summary", "pairings", "resolved");
        assertThat(json.get("asOf").asText()).isEqualTo("2026-03-02");
        assertThat(fields(json.get("summary"))).containsExactly("pairings", "red", "amber", "green", "findings",
                "new", "resolved", "byRule");
        JsonNode pairing = json.get("pairings").get(0);
        assertThat(fields(pairing)).containsExactly("pairingId", "menteeId", "menteeName", "mentorId", "mentorName",
                "health", "findings");
        JsonNode finding = pairing.get("findings").get(0);
        assertThat(fields(finding)).containsExactly("ruleId", "severity", "category", "change", "subjectType",
                "subjectId", "audience", "message", "nextStep", "evidence");
        // no check-in held for 56 days against a cadence of 14: critical
        assertThat(json.get("summary").get("byRule").get("CI-OVERDUE").asInt()).isEqualTo(1);
        assertThat(pairing.get("health").asText()).isEqualTo("red");
    }

    @Test
    void secondCheckReportsWhatIsNewResolvedAndUnchanged() throws Exception {
        CohortFolder cohort = new CohortFolder(folder("c"));
        Cli.run("import", "--db", db(), "--cohort", "c1", cohort.path());
        Cli.run("check", "--db", db(), "--cohort", "c1", "--as-of", "2026-03-02");
        cohort.write("checkins.csv", "id,pairing_id,date,type\nK1,P1,2026-01-06,kickoff\nK2,P1,2026-02-25,checkin\n");
        Cli.run("import", "--db", db(), "--cohort", "c1", cohort.path());

        Cli cli = Cli.run("check", "--db", db(), "--cohort", "c1", "--as-of", "2026-03-02");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("Since run 1 (as of 2026-03-02):")
                .containsPattern("Resolved since the previous run:\\s+P1\\s+CI-OVERDUE");
    }

    @Test
    void htmlReportEscapesEveryUserText() throws Exception {
        CohortFolder cohort = new CohortFolder(folder("c"))
                .write("objectives.csv", "id,pairing_id,title\nO1,P1,<script>alert(1)</script>\n");
        Cli.run("import", "--db", db(), "--cohort", "c1", cohort.path());
        Path html = tmp.resolve("report.html");

        Cli cli = Cli.run("check", "--db", db(), "--cohort", "c1", "--as-of", "2026-03-02", "--format", "html",
                "--out", html);

        assertThat(cli.exitCode()).isZero();
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script");
    }

    @Test
    void csvReportHasARowPerFinding() throws Exception {
        Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(folder("c")).path());

        Cli json = Cli.run("check", "--db", db(), "--cohort", "c1", "--as-of", "2026-03-02", "--format", "json");
        Cli csv = Cli.run("check", "--db", db(), "--cohort", "c1", "--as-of", "2026-03-02", "--format", "csv");

        int findings = Json.mapper().readTree(json.out()).get("summary").get("findings").asInt();
        assertThat(csv.out().lines()).hasSize(findings + 1).first().asString().startsWith("cohort_id,as_of,pairing_id");
    }

    @Test
    void policyShowsDefaultsAndChangesAThreshold() throws Exception {
        Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(folder("c")).path());

        Cli shown = Cli.run("policy", "--db", db(), "--cohort", "c1");
        Cli changed = Cli.run("policy", "--db", db(), "--cohort", "c1", "--set", "checkins.overdueFactor=2",
                "--set", "milestones.stalledDays=28");

        assertThat(shown.out()).containsPattern("checkins.overdueFactor\\s+1.5\\s+1.5");
        assertThat(changed.exitCode()).isZero();
        assertThat(Cli.run("policy", "--db", db(), "--cohort", "c1").out())
                .containsPattern("checkins.overdueFactor\\s+2\\s+1.5")
                .containsPattern("milestones.stalledDays\\s+28\\s+21");
    }

    @Test
    void policyRejectsUnknownKeysAndOutOfRangeValuesAndChangesNothing() throws Exception {
        Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(folder("c")).path());

        Cli unknown = Cli.run("policy", "--db", db(), "--cohort", "c1", "--set", "milestones.stalledDays=30",
                "--set", "checkins.cadence=3");
        Cli outOfRange = Cli.run("policy", "--db", db(), "--cohort", "c1", "--set", "milestones.stalledDays=0");
        Cli notWhole = Cli.run("policy", "--db", db(), "--cohort", "c1", "--set", "milestones.stalledDays=2.5");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown policy key 'checkins.cadence'").contains("milestones.stalledDays");
        assertThat(outOfRange.exitCode()).isEqualTo(1);
        assertThat(outOfRange.err()).contains("milestones.stalledDays must be a whole number from 1 to 3650");
        assertThat(notWhole.exitCode()).isEqualTo(1);
        assertThat(Cli.run("policy", "--db", db(), "--cohort", "c1").out())
                .containsPattern("milestones.stalledDays\\s+21\\s+21");
    }

    @Test
    void policyChangesWhatTheCheckFinds() throws Exception {
        Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(folder("c")).path());
        // 56 days since the start; critical above 3 x 14 = 42, so at factor 5 (70) it is a warning (above 21)
        Cli.run("policy", "--db", db(), "--cohort", "c1", "--set", "checkins.criticalFactor=5");

        Cli cli = Cli.run("check", "--db", db(), "--cohort", "c1", "--as-of", "2026-03-02", "--format", "json");

        JsonNode finding = findingOf(Json.mapper().readTree(cli.out()), "CI-OVERDUE");
        assertThat(finding.get("severity").asText()).isEqualTo("warning");
    }

    @Test
    void suggestListsTheMenteesNextStepsUpToTheLimit() throws Exception {
        Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(folder("c"))
                .write("objectives.csv", "id,pairing_id,title\nO1,P1,Improve\nO2,P1,Get better at things\n").path());

        Cli cli = Cli.run("suggest", "--db", db(), "--pairing", "P1", "--as-of", "2026-03-02", "--limit", "2",
                "--json");

        assertThat(cli.exitCode()).isZero();
        JsonNode steps = Json.mapper().readTree(cli.out()).get("suggestions");
        assertThat(steps).hasSize(2);
        for (JsonNode step : steps) {
            assertThat(step.get("audience").asText()).isIn("mentee", "pair");
        }
    }

    @Test
    void suggestForAPairingThatIsNotActiveSaysWhy() throws Exception {
        Cli.run("import", "--db", db(), "--cohort", "c1", new CohortFolder(folder("c")).path());

        Cli cli = Cli.run("suggest", "--db", db(), "--pairing", "P1", "--as-of", "2025-12-01");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("is not active on 2025-12-01");
    }

    @Test
    void demoImportsTheSampleAndPrintsItsHealthCheck() {
        Cli cli = Cli.run("demo", "--no-serve", "--db", db());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Health check of cohort spring-2026 as of 2026-06-15")
                .contains("pairings:").contains("red")
                .contains("Matching: 7 waiting mentees, 4 mentors with free places, 4 proposed pairings. Try: ./coach"
                        + " match --db");
    }

    @Test
    void demoPrintsAOneTimeSignInLinkForItsCoordinatorMenteeAndMentor() {
        Cli cli = Cli.run("demo", "--no-serve", "--db", db());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> links = cli.out().lines().filter(l -> l.contains("/signin?link=")).toList();
        assertThat(links).hasSize(3);
        assertThat(links.get(0)).contains("coordinator C01");
        assertThat(links.get(1)).contains("mentee E05");
        assertThat(links.get(2)).contains("mentor M03").contains("http://127.0.0.1:7070/signin?link=");
        try (var store = org.roadmapcoach.data.store.Store.open(db())) {
            var tokens = new org.roadmapcoach.app.access.TokenService(store, java.time.Clock.systemUTC());
            String secret = links.get(1).substring(links.get(1).indexOf("link=") + 5);
            assertThat(tokens.signInLinkHolder(secret)).hasValueSatisfying(c -> assertThat(c.personId()).isEqualTo("E05"));
        }
    }

    private static JsonNode findingOf(JsonNode check, String ruleId) {
        for (JsonNode pairing : check.get("pairings")) {
            for (JsonNode finding : pairing.get("findings")) {
                if (finding.get("ruleId").asText().equals(ruleId)) {
                    return finding;
                }
            }
        }
        throw new AssertionError("no " + ruleId + " in " + check);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
