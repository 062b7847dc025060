package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * However long an option's value, the command line's error shows at most 100 characters of it, and a
 * number given as text is refused unread past its digit limit (a policy value of 400,000 digits took
 * seconds to parse, and its error repeated it whole).
 */
class BoundedMessagesTest {

    private static final String NINES = "9".repeat(5000);

    @TempDir
    Path tmp;

    @Test
    void aHugeNumberOptionIsAUsageErrorShowingItCut() {
        Cli cli = Cli.run("generate", "--out", tmp.resolve("out"), "--pairings", NINES);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--pairings").doesNotContain("9".repeat(101)).hasSizeLessThan(3000);
    }

    @Test
    void aHugeDateOptionIsAUsageErrorShowingItCut() {
        Cli cli = Cli.run("check", "--db", tmp.resolve("coach.db"), "--cohort", "c1", "--as-of", NINES);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("expected a date as yyyy-MM-dd").doesNotContain("9".repeat(101))
                .hasSizeLessThan(3000);
    }

    @Test
    void aHugeUnknownOptionIsShownCut() {
        Cli cli = Cli.run("check", "--" + "z".repeat(5000));

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).doesNotContain("z".repeat(101)).hasSizeLessThan(3000);
    }

    @Test
    void aPolicyValueOfManyDigitsIsRefusedUnreadAndShownCut() throws Exception {
        Path db = tmp.resolve("coach.db");
        Files.createDirectories(tmp.resolve("c"));
        assertThat(Cli.run("import", "--db", db, "--cohort", "c1", new CohortFolder(tmp.resolve("c")).path())
                .exitCode()).isZero();

        Cli cli = Cli.run("policy", "--db", db, "--cohort", "c1", "--set",
                "checkins.overdueFactor=" + "9".repeat(400_000));

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("at most 30 characters").doesNotContain("9".repeat(101))
                .hasSizeLessThan(1000);
    }

    @Test
    void anUnknownCohortOfAHugeNameIsShownCut() throws Exception {
        Path db = tmp.resolve("coach.db");
        Files.createDirectories(tmp.resolve("c"));
        Cli.run("import", "--db", db, "--cohort", "c1", new CohortFolder(tmp.resolve("c")).path());

        Cli cli = Cli.run("export", "--db", db, "--cohort", "Z".repeat(5000), "--out", tmp.resolve("out"));

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("no cohort").doesNotContain("Z".repeat(101)).hasSizeLessThan(1000);
    }
}
