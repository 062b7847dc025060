package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.store.Store;

/**
 * {@code coach report} renders stored runs without storing any, in every format with names and what is new
 * or resolved; {@code coach runs} lists and prunes them; {@code check --out} makes sure of its file first.
 */
class StoredRunReportsTest {

    private static final String AS_OF = "2026-06-15";

    @TempDir
    Path tmp;

    private Path db;

    @BeforeEach
    void importTheSample() {
        db = tmp.resolve("coach.db");
        assertThat(Cli.run("import", "--db", db, "--cohort", SampleCohort.ID, sampleFolder()).exitCode()).isZero();
    }

    private Cli check(String... more) {
        Object[] args = new Object[7 + more.length];
        Object[] base = {"check", "--db", db, "--cohort", SampleCohort.ID, "--as-of", AS_OF};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    private Cli report(Object... more) {
        Object[] args = new Object[5 + more.length];
        Object[] base = {"report", "--db", db, "--cohort", SampleCohort.ID};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return Cli.run(args);
    }

    private int storedRuns() {
        try (Store store = Store.open(db)) {
            return new RunStore(store).list(SampleCohort.ID).size();
        }
    }

    /** Two runs, the second after P05's objective is achieved: its OBJ-OVERDUE is resolved. */
    private void twoRunsWithAResolvedFinding() {
        assertThat(check().exitCode()).isZero();
        try (Store store = Store.open(db)) {
            store.inTransaction(connection -> {
                try (var update = connection.prepareStatement("UPDATE objectives SET status = 'achieved'"
                        + " WHERE cohort_id = 'spring-2026' AND id = 'P05-O1'")) {
                    return update.executeUpdate();
                }
            });
        }
        assertThat(check().exitCode()).isZero();
    }

    @Test
    void aReportRendersTheLatestRunInEveryFormatWithoutStoringAnother() throws Exception {
        twoRunsWithAResolvedFinding();

        Cli table = report();
        Cli json = report("--format", "json");
        Cli csv = report("--format", "csv");
        Cli html = report("--format", "html");

        assertThat(storedRuns()).isEqualTo(2);
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("(run 2)").contains("Since run 1 (as of 2026-06-15): ")
                .contains("Lukas Becker (E05)").contains("Sofia Marquez (M03)")
                .containsPattern("P05 +OBJ-OVERDUE .*\\[resolved\\]");
        JsonNode body = Json.mapper().readTree(json.out());
        assertThat(body.get("previousRunId").asLong()).isEqualTo(1);
        long marked = 0;
        for (JsonNode pairing : body.get("pairings")) {
            for (JsonNode finding : pairing.get("findings")) {
                marked += finding.get("change").asText().equals("new") ? 1 : 0;
            }
        }
        assertThat(body.get("summary").get("new").asLong()).isEqualTo(marked);
        assertThat(body.get("summary").get("resolved").asLong()).isPositive();
        assertThat(body.get("resolved")).anySatisfy(resolved -> {
            assertThat(resolved.get("pairingId").asText()).isEqualTo("P05");
            assertThat(resolved.get("ruleId").asText()).isEqualTo("OBJ-OVERDUE");
            assertThat(resolved.get("menteeName").asText()).isEqualTo("Lukas Becker");
            assertThat(resolved.get("message").asText()).isNotBlank();
        });
        JsonNode p05 = pairing(body, "P05");
        assertThat(p05.get("menteeName").asText()).isEqualTo("Lukas Becker");
        assertThat(p05.get("mentorName").asText()).isEqualTo("Sofia Marquez");
        assertThat(p05.get("findings")).anySatisfy(f -> assertThat(f.get("change").asText()).isEqualTo("unchanged"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv.out())).getRecords();
        assertThat(rows.get(0).getParser().getHeaderNames()).containsSubsequence("pairing_id", "mentee_id",
                "mentee_name", "mentor_id", "mentor_name", "health", "rule_id", "severity", "subject_id", "audience",
                "message", "next_step", "change");
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.get("pairing_id")).isEqualTo("P05");
            assertThat(row.get("rule_id")).isEqualTo("OBJ-OVERDUE");
            assertThat(row.get("change")).isEqualTo("resolved");
            assertThat(row.get("mentee_name")).isEqualTo("Lukas Becker");
        });
        assertThat(rows).filteredOn(row -> row.get("change").equals("resolved")).hasSize(
                body.get("summary").get("resolved").asInt());
        assertThat(rows).filteredOn(row -> !row.get("change").equals("resolved")).hasSize(
                body.get("summary").get("findings").asInt());
        assertThat(html.out()).contains("Lukas Becker (E05)").contains("Resolved since the previous run")
                .contains("OBJ-OVERDUE");
    }

    @Test
    void theHtmlReportOpensWithWhatChangedAndATableOfPairingsLinkingToEachSection() throws Exception {
        twoRunsWithAResolvedFinding();
        JsonNode body = Json.mapper().readTree(report("--format", "json").out());

        String html = report("--format", "html").out();

        assertThat(html).as("self-contained: the web app's style inlined, no script, no file of the server")
                .contains("<style>").doesNotContain("<script").doesNotContain("/assets/");
        int changed = html.indexOf("What changed");
        int table = html.indexOf("<table class=\"pairings\">");
        int sections = html.indexOf("Every pairing's findings");
        assertThat(changed).isPositive().isLessThan(table);
        assertThat(table).isLessThan(sections);
        assertThat(html.substring(changed, table)).contains(body.get("summary").get("new").asText() + " new")
                .contains(body.get("summary").get("resolved").asText() + " resolved");
        String rows = html.substring(table, html.indexOf("</table>", table));
        assertThat(rows).contains("<a href=\"#pairing-P05\">P05</a>").contains("Lukas Becker (E05)")
                .contains("Sofia Marquez (M03)");
        assertThat(rows.indexOf("badge red")).as("worst first").isLessThan(rows.indexOf("badge green"));
        assertThat(html.substring(sections)).contains("id=\"pairing-P05\"").contains("class=\"evidence\"");
        assertThat(rows.split("<tr>")).as("a row per pairing, and the header").hasSize(
                body.get("pairings").size() + 2);
    }

    @Test
    void anEarlierRunIsComparedWithTheRunBeforeItAndAnUnknownRunIsOneSentence() throws Exception {
        twoRunsWithAResolvedFinding();

        JsonNode first = Json.mapper().readTree(report("--run", "1", "--format", "json").out());
        Cli unknown = report("--run", "9");

        assertThat(first.has("previousRunId")).isFalse();
        assertThat(first.get("summary").get("new").asLong()).isEqualTo(first.get("summary").get("findings").asLong());
        assertThat(first.get("resolved")).isEmpty();
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err().strip()).isEqualTo("coach: Cohort 'spring-2026' has no stored run 9; the runs it keeps"
                + " are listed by coach runs --cohort spring-2026 (GET /api/cohorts/spring-2026/runs).");
    }

    @Test
    void aReportOfACohortWithoutRunsSaysHowToMakeOne() {
        Cli cli = report();

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("has no stored health check yet; run one with: coach check");
        assertThat(storedRuns()).isZero();
    }

    @Test
    void onlyRedPrintsTheRedPairingsAndKeepsTheCohortsSummary() {
        Cli cli = check("--only", "red");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("12 pairings: 3 red, 5 amber, 4 green");
        long listed = cli.out().lines().filter(line -> line.matches("P\\d\\d +.*")).count();
        assertThat(listed).isEqualTo(3);
        assertThat(cli.out().lines().filter(line -> line.matches("P\\d\\d +.*")))
                .allSatisfy(line -> assertThat(line).contains(" red "));
    }

    @Test
    void theTableOfALargeCohortStartsWithItsSummaryAndRedPairings() throws Exception {
        org.roadmapcoach.data.generator.CohortGenerator.generate(tmp.resolve("large"), 80, 11);
        Path large = tmp.resolve("large.db");
        assertThat(Cli.run("import", "--db", large, "--cohort", "big", tmp.resolve("large")).exitCode()).isZero();

        String out = Cli.run("check", "--db", large, "--cohort", "big", "--as-of", "2026-06-15").out();

        int red = out.indexOf("Red pairings (");
        assertThat(red).isPositive().isLessThan(out.indexOf("PAIRING "));
        assertThat(out.substring(0, red)).contains("pairings: ").contains(" red, ");
        assertThat(out.substring(red, out.indexOf("PAIRING "))).containsPattern("P0000\\d\\d +.+ with .+: \\d+ critical");
        assertThat(check().out()).as("12 pairings: no such list").doesNotContain("Red pairings (");
    }

    @Test
    void runsListsTheStoredRunsAndPruneKeepsTheNewest() {
        check();
        check();
        check();

        Cli list = Cli.run("runs", "--db", db, "--cohort", SampleCohort.ID);
        Cli prune = Cli.run("runs", "--db", db, "--cohort", SampleCohort.ID, "prune", "--keep", "1");
        Cli after = Cli.run("runs", "--db", db, "--cohort", SampleCohort.ID, "list");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("RUN", "AS OF", "FINDINGS", "SIZE").containsPattern("(?m)^ +3  2026-06-15 .* 12 +130 ");
        assertThat(list.out().lines().filter(line -> line.contains("2026-06-15")).count()).isEqualTo(3);
        assertThat(prune.out()).contains("Deleted 2 runs of cohort spring-2026 (runs 1 to 2); kept the newest 1.");
        assertThat(after.out().lines().filter(line -> line.contains("2026-06-15")).count()).isEqualTo(1);
        assertThat(Cli.run("runs", "--db", db, "--cohort", SampleCohort.ID, "prune", "--keep", "0").err())
                .contains("from 1 to 100000");
    }

    @Test
    void theKeepSettingPrunesAfterEveryCheck() {
        Cli set = Cli.run("runs", "--db", db, "keep", "2");
        check();
        check();
        check();

        assertThat(set.out()).contains("Each cohort keeps its newest 2 health checks");
        assertThat(storedRuns()).isEqualTo(2);
        assertThat(Cli.run("runs", "--db", db, "keep").out()).contains("newest 2 ");
    }

    @Test
    void checkOutCreatesMissingFolders() {
        Path out = tmp.resolve("reports/week-24/health.html");

        Cli cli = check("--format", "html", "--out", out.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(out).exists().content().contains("<h1>Health check of cohort spring-2026</h1>");
        assertThat(out.getParent()).isDirectoryNotContaining(path -> path.getFileName().toString().endsWith(".partial"));
    }

    @Test
    void checkOutThatCannotBeWrittenIsOneSentenceAndStoresNoRun() throws Exception {
        Path aFile = Files.writeString(tmp.resolve("notes.txt"), "not a folder");

        Cli underAFile = check("--out", aFile.resolve("health.csv").toString());
        Cli aFolder = check("--out", tmp.toString());

        assertThat(underAFile.exitCode()).isEqualTo(1);
        assertThat(underAFile.err().strip()).isEqualTo("coach: Cannot write the report to " + aFile.resolve("health.csv")
                + ": " + aFile + " is a file, not a folder; nothing was checked or stored.");
        assertThat(aFolder.exitCode()).isEqualTo(1);
        assertThat(aFolder.err()).contains("is a folder; give a file name").doesNotContain("Exception");
        assertThat(storedRuns()).isZero();
    }

    private static JsonNode pairing(JsonNode body, String id) {
        for (JsonNode pairing : body.get("pairings")) {
            if (pairing.get("pairingId").asText().equals(id)) {
                return pairing;
            }
        }
        throw new AssertionError("no pairing " + id);
    }

    private static Path sampleFolder() {
        return Path.of("..", "data", "src", "main", "resources", "sample", "spring-2026");
    }
}
