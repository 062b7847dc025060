package org.roadmapcoach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.rules.fixtures.Given.D;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieContainer;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.evaluation.PairingResult;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;
import org.roadmapcoach.rules.fixtures.Samples;

/**
 * Rough numbers, printed, never asserted: how long the rule base takes to build and how many pairings a
 * second a batch of 1,000 evaluates at. Run on demand:
 * {@code mvn -B -o verify -pl rules -Dtest=EvaluationBenchmark -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class EvaluationBenchmark {

    @Test
    void printsRuleBaseBuildTimeAndBatchThroughput() {
        long start = System.nanoTime();
        KieContainer first = KieServices.get().newKieClasspathContainer(getClass().getClassLoader());
        KieBase kieBase = first.getKieBase();
        long coldBuild = System.nanoTime() - start;
        long warmBuild = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            KieContainer again = KieServices.get().newKieClasspathContainer(getClass().getClassLoader());
            again.getKieBase();
            warmBuild = Math.min(warmBuild, System.nanoTime() - t);
            again.dispose();
        }
        Evaluator evaluator = new Evaluator(kieBase);
        List<Roadmap> batch = Samples.synthetic(1000, 99);
        List<Resource> catalog = Samples.catalog();
        StringBuilder report = new StringBuilder();
        report.append(String.format("rule base: first build %d ms, rebuild (best of 5) %d ms%n",
                coldBuild / 1_000_000, warmBuild / 1_000_000));
        for (int run = 1; run <= 6; run++) {
            long t = System.nanoTime();
            List<PairingResult> results = evaluator.evaluate(batch, catalog, Policy.defaults(), D);
            long elapsed = System.nanoTime() - t;
            long findings = results.stream().mapToLong(r -> r.findings().size()).sum();
            report.append(String.format("batch run %d: %d active pairings, %d findings, %d ms, %.0f pairings/s%n", run,
                    results.size(), findings, elapsed / 1_000_000, results.size() / (elapsed / 1e9)));
            assertThat(results).isNotEmpty();
        }
        System.out.print(report);
        first.dispose();
    }
}
