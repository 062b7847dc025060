package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.app.Json;

/**
 * All rules over the bundled sample cohort against the checked-in health check as of 2026-06-15.
 * Every finding of the expected file was checked against docs/sample-cohort.md, which derives each
 * one by hand from the CSV files and RULES.md (and against an independent script of the sample's
 * author).
 */
class SampleHealthCheckTest {

    @TempDir
    Path tmp;

    @Test
    void sampleHealthCheckMatchesTheCheckedInExpectation() throws Exception {
        Path db = tmp.resolve("coach.db");
        assertThat(Cli.run("import", "--db", db, "--cohort", "spring-2026", sampleFolder()).exitCode()).isZero();

        Cli cli = Cli.run("check", "--db", db, "--cohort", "spring-2026", "--as-of", "2026-06-15", "--format", "json");

        JsonNode actual = Json.mapper().readTree(cli.out());
        JsonNode expected;
        try (InputStream in = getClass().getResourceAsStream("/expected/sample-health-check-2026-06-15.json")) {
            expected = Json.mapper().readTree(in);
        }
        assertThat(actual.get("summary")).isEqualTo(expected.get("summary"));
        for (int i = 0; i < expected.get("pairings").size(); i++) {
            assertThat(actual.get("pairings").get(i)).isEqualTo(expected.get("pairings").get(i));
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void sampleHasTheHealthItsStoriesTell() throws Exception {
        Path db = tmp.resolve("coach.db");
        Cli.run("import", "--db", db, "--cohort", "spring-2026", sampleFolder());

        JsonNode summary = Json.mapper().readTree(Cli.run("check", "--db", db, "--cohort", "spring-2026",
                "--as-of", "2026-06-15", "--format", "json").out()).get("summary");

        assertThat(summary.get("red").asInt()).isEqualTo(3);
        assertThat(summary.get("amber").asInt()).isEqualTo(5);
        assertThat(summary.get("green").asInt()).isEqualTo(4);
        assertThat(summary.get("byRule")).hasSize(29);
    }

    private static Path sampleFolder() {
        // the module's own copy on the test class path would be the jar's; read the source folder
        return Path.of("..", "data", "src", "main", "resources", "sample", "spring-2026");
    }
}
