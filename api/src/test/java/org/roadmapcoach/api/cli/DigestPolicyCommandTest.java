package org.roadmapcoach.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;

/** The digest.* keys of the policy (REACH.md) through coach policy: shown, changed, and no stored run invalidated. */
class DigestPolicyCommandTest {

    @TempDir
    Path tmp;

    private Path db;

    @BeforeEach
    void importACohort() throws Exception {
        db = tmp.resolve("coach.db");
        Cli.run("import", "--db", db, "--cohort", "c1", new CohortFolder(Files.createDirectories(tmp.resolve("c")))
                .path());
    }

    @Test
    void theDigestKeysAreShownWithTheirDefaultsAndChangedBesideTheThresholds() {
        Cli shown = Cli.run("policy", "--db", db, "--cohort", "c1");
        Cli changed = Cli.run("policy", "--db", db, "--cohort", "c1", "--set", "digest.weekday=Tuesday",
                "--set", "digest.enabled=false", "--set", "digest.dailyCap=500");
        Cli threshold = Cli.run("policy", "--db", db, "--cohort", "c1", "--set", "checkins.overdueFactor=2");

        assertThat(shown.out()).containsPattern("digest.enabled\\s+true\\s+true")
                .containsPattern("digest.dailyCap\\s+10000\\s+10000").containsPattern("digest.resendDays\\s+7\\s+7")
                .containsPattern("digest.weekday\\s+monday\\s+monday");
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(threshold.out()).as("a threshold change keeps the digest settings")
                .containsPattern("digest.weekday\\s+tuesday\\s+monday").containsPattern("digest.enabled\\s+false")
                .containsPattern("digest.dailyCap\\s+500").containsPattern("checkins.overdueFactor\\s+2\\s+1.5");
    }

    @Test
    void aBadDigestValueChangesNothingAtAll() {
        Cli bad = Cli.run("policy", "--db", db, "--cohort", "c1", "--set", "checkins.overdueFactor=2",
                "--set", "digest.weekday=someday");
        Cli unknown = Cli.run("policy", "--db", db, "--cohort", "c1", "--set", "digest.hour=9");

        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("digest.weekday must be a weekday (monday to sunday), not 'someday'");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("unknown policy key 'digest.hour'");
        assertThat(Cli.run("policy", "--db", db, "--cohort", "c1").out())
                .containsPattern("checkins.overdueFactor\\s+1.5\\s+1.5").containsPattern("digest.weekday\\s+monday");
    }

    @Test
    void aDigestChangeLeavesTheStoredRunValidWhereAThresholdChangeDoesNot() {
        LocalDate asOf = LocalDate.of(2026, 3, 2);
        assertThat(Cli.run("check", "--db", db, "--cohort", "c1", "--as-of", asOf.toString()).exitCode()).isZero();

        Cli.run("policy", "--db", db, "--cohort", "c1", "--set", "digest.resendDays=14");
        try (Store store = Store.open(db)) {
            assertThat(new RunStore(store).currentFindings("c1", "P1", asOf, Evaluator.classpathRuleBase())).isPresent();
        }
        Cli.run("policy", "--db", db, "--cohort", "c1", "--set", "milestones.stalledDays=28");
        try (Store store = Store.open(db)) {
            assertThat(new RunStore(store).currentFindings("c1", "P1", asOf, Evaluator.classpathRuleBase())).isEmpty();
        }
    }
}
