package org.roadmapcoach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.rules.fixtures.Given.D;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.evaluation.PairingResult;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;
import org.roadmapcoach.rules.fixtures.RuleRun;
import org.roadmapcoach.rules.fixtures.Samples;

/**
 * The same input gives the same findings on every fresh rule base. Classic DRL constraints first run
 * interpreted and later JIT-compiled, and with mixed arithmetic the two disagreed (issue 3); the executable
 * model and integer-only conditions must never do that.
 */
class DeterminismTest {

    static final int RUNS = 40;

    @Test
    void freshRuleBasesGiveIdenticalFindingsForARichPairingAndABatch() {
        List<Roadmap> rich = List.of(Samples.troubled("RICH").build());
        List<Roadmap> batch = new ArrayList<>(Samples.synthetic(300, 2026));
        batch.add(Samples.troubled("T").build());
        batch.add(Samples.healthy("H").build());
        List<Resource> catalog = Samples.catalog();

        List<String> richRuns = new ArrayList<>();
        List<String> batchRuns = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            KieContainer container = KieServices.get().newKieClasspathContainer(getClass().getClassLoader());
            try {
                Evaluator fresh = new Evaluator(container.getKieBase());
                richRuns.add(render(fresh.evaluate(rich, catalog, Policy.defaults(), D)));
                batchRuns.add(render(fresh.evaluate(batch, catalog, Policy.defaults(), D)));
            } finally {
                container.dispose();
            }
        }

        assertThat(richRuns).hasSize(RUNS).containsOnly(richRuns.get(0));
        assertThat(batchRuns).hasSize(RUNS).containsOnly(batchRuns.get(0));
        // the rich pairing really exercises the catalog
        assertThat(RuleRun.EVALUATOR.evaluate(rich, catalog, Policy.defaults(), D).get(0).findings().stream()
                .map(Finding::ruleId).distinct()).hasSizeGreaterThanOrEqualTo(20);
    }

    /** Everything a finding says, in report order, evidence in the rule's order. */
    private static String render(List<PairingResult> results) {
        StringBuilder text = new StringBuilder();
        for (PairingResult result : results) {
            text.append(result.pairing().id()).append(' ').append(result.health()).append('\n');
            result.findings().forEach(f -> text.append(f).append('\n'));
        }
        return text.toString();
    }
}
