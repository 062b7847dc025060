package org.roadmapcoach.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.rules.fixtures.RuleRun;

/** Every rule of the catalog is in the rule base, and every rule in the rule base has a rule test. */
class RuleCoverageTest {

    /** The ids of RULES.md, in its order. */
    static final List<String> CATALOG = List.of(
            "SMART-SPECIFIC", "SMART-MEASURABLE", "SMART-TIMEBOUND", "SMART-ATTAINABLE", "SMART-RELEVANT",
            "OBJ-OVERLOAD", "OBJ-EVIDENCE", "OBJ-OVERDUE", "OBJ-NO-SOFT-SKILL", "OBJ-REVISIT",
            "MS-STALLED", "MS-OVERDUE", "MS-STAGES-MISSING", "MS-STAGE-ORDER", "MS-NO-REFLECTION", "MS-NO-REVIEW",
            "CI-NO-KICKOFF", "CI-OVERDUE", "CI-MISSED-STREAK", "CI-ONE-WAY-FEEDBACK",
            "RC-NO-PLAN", "RC-UNBALANCED", "AG-INCOMPLETE",
            "AC-NO-STRETCH", "AC-NO-REFLECTION",
            "RES-RECOMMEND", "RES-SHARE-TAKEAWAY",
            "GR-CELEBRATE", "GR-PAY-FORWARD");

    @Test
    void theRuleBaseHoldsExactlyTheCatalog() {
        assertThat(RuleRun.EVALUATOR.ruleIds()).containsExactlyInAnyOrderElementsOf(CATALOG);
    }

    @Test
    void everyRuleInTheRuleBaseIsNamedByARuleTest() {
        String ruleTests = ruleTestSources();

        List<String> untested = RuleRun.EVALUATOR.ruleIds().stream()
                .filter(id -> !ruleTests.contains("\"" + id + "\""))
                .toList();

        assertThat(untested).as("rules that no *RulesTest names").isEmpty();
    }

    /** The sources of the rule test classes ({@code *RulesTest.java}); Maven runs tests in the module folder. */
    private static String ruleTestSources() {
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
            List<Path> tests = files.filter(p -> p.getFileName().toString().endsWith("RulesTest.java")).toList();
            assertThat(tests).as("rule test classes").hasSizeGreaterThanOrEqualTo(7);
            return tests.stream().map(RuleCoverageTest::read).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
