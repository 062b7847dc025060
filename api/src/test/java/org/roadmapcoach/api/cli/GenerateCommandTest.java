package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.app.Json;
import org.roadmapcoach.engine.evaluation.Evaluator;

class GenerateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void generatedCohortImportsCleanlyAndItsCheckFindsEveryRuleOfTheCatalog() throws Exception {
        Path cohort = tmp.resolve("cohort");
        Path db = tmp.resolve("coach.db");

        Cli generate = Cli.run("generate", "--out", cohort, "--pairings", 200, "--seed", 42);
        Cli imported = Cli.run("import", "--db", db, "--cohort", "big", cohort);
        Cli check = Cli.run("check", "--db", db, "--cohort", "big", "--as-of", "2026-06-15", "--format", "json");

        assertThat(generate.exitCode()).isZero();
        assertThat(generate.out()).contains("pairings.csv", "200 rows", "2026-06-15");
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.err()).isEmpty();
        assertThat(imported.out()).contains("pairings.csv", "200 rows", "resources.csv", "500 rows");
        assertThat(check.exitCode()).isZero();
        JsonNode summary = Json.mapper().readTree(check.out()).get("summary");
        List<String> fired = new ArrayList<>();
        summary.get("byRule").fieldNames().forEachRemaining(fired::add);
        assertThat(fired).containsAll(Evaluator.fromClasspath().ruleIds());
        // healthy and troubled pairings alike; a few are not active on the as-of date
        assertThat(summary.get("pairings").asInt()).isBetween(180, 199);
        assertThat(summary.get("green").asInt()).isGreaterThan(40);
        assertThat(summary.get("red").asInt()).isGreaterThan(20);
    }

    @Test
    void noPairingsIsAUsageErrorWithExitTwo() {
        Cli cli = Cli.run("generate", "--out", tmp, "--pairings", 0);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--pairings");
    }

    @Test
    void waitingPeopleMakeACohortToMatch() {
        Path cohort = tmp.resolve("waiting");
        Path db = tmp.resolve("waiting.db");
        Cli generate = Cli.run("generate", "--out", cohort, "--pairings", 10, "--waiting", 40);
        Cli.run("import", "--db", db, "--cohort", "w", cohort);
        Cli match = Cli.run("match", "--db", db, "--cohort", "w", "--as-of", "2026-06-15");

        assertThat(generate.out()).contains("Generated 10 pairings and 40 waiting mentees with 10 mentors");
        assertThat(match.exitCode()).as(match.err()).isZero();
        assertThat(match.out()).contains("40 waiting mentees").containsPattern("EW0000\\d\\d\\s+MW0000\\d\\d");
        assertThat(Cli.run("generate", "--out", tmp, "--pairings", 1, "--waiting", -1).exitCode()).isEqualTo(2);
    }
}
