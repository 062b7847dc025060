package org.roadmapcoach.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapcoach.rules.fixtures.Given.D;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.evaluation.PairingResult;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;
import org.roadmapcoach.rules.fixtures.Samples;

/**
 * An evaluation with all rules borrows a pooled session that earlier evaluations used (their facts
 * deleted, the policy and catalog kept); it must find exactly what a fresh session finds, whatever was
 * evaluated in that session before. The fresh session is the one a call naming its rules gets, here with
 * every rule named.
 */
class SessionReuseTest {

    private static final List<Resource> CATALOG = List.copyOf(Samples.catalog());
    private static final List<LocalDate> DATES = List.of(D, D.minusDays(20), D.plusDays(10), D.plusDays(40),
            D.plusDays(75));

    private final Evaluator evaluator = Evaluator.fromClasspath();

    @Test
    void onePairingAtATimeFindsWhatAFreshSessionFinds() {
        List<Roadmap> roadmaps = roadmaps(200, 11);
        Random random = new Random(5);
        for (int pass = 0; pass < 2; pass++) { // the second pass only meets sessions used before
            List<Roadmap> order = new ArrayList<>(roadmaps);
            Collections.shuffle(order, random);
            for (Roadmap roadmap : order) {
                LocalDate asOf = DATES.get(random.nextInt(DATES.size()));
                assertSame(List.of(roadmap), CATALOG, Policy.defaults(), asOf);
            }
        }
    }

    @Test
    void batchesAndSinglePairingsInTurnFindWhatFreshSessionsFind() {
        List<Roadmap> roadmaps = roadmaps(300, 12);
        for (LocalDate asOf : DATES) {
            for (int from = 0; from + 100 <= roadmaps.size(); from += 100) {
                // 16 and fewer in a pooled session, more in a fresh one (Evaluator.POOLED_AT_MOST)
                assertSame(roadmaps.subList(from, from + 16), CATALOG, Policy.defaults(), asOf);
                assertSame(List.of(roadmaps.get(from)), CATALOG, Policy.defaults(), asOf);
                assertSame(roadmaps.subList(from + 20, from + 25), CATALOG, Policy.defaults(), asOf);
                assertSame(roadmaps.subList(from, from + 100), CATALOG, Policy.defaults(), asOf);
                assertSame(List.of(roadmaps.get(from + 99), roadmaps.get(from + 1)), CATALOG, Policy.defaults(), asOf);
            }
        }
    }

    @Test
    void anotherCatalogOrPolicyReplacesTheSharedFacts() {
        List<Roadmap> roadmaps = roadmaps(60, 13);
        List<Resource> fewer = CATALOG.subList(0, 25);
        List<Resource> reordered = new ArrayList<>(CATALOG);
        Collections.reverse(reordered);
        Policy stricter = Policy.defaults().with(PolicyKey.RES_RECOMMENDATIONS, BigDecimal.ONE)
                .with(PolicyKey.CI_OVERDUE_FACTOR, new BigDecimal("1.1"));
        List<List<Resource>> catalogs = List.of(CATALOG, fewer, reordered, List.of(), List.copyOf(CATALOG));
        List<Policy> policies = List.of(Policy.defaults(), stricter);
        Random random = new Random(6);
        for (int i = 0; i < 300; i++) {
            Roadmap roadmap = roadmaps.get(random.nextInt(roadmaps.size()));
            assertSame(List.of(roadmap), catalogs.get(random.nextInt(catalogs.size())),
                    policies.get(random.nextInt(policies.size())), DATES.get(random.nextInt(DATES.size())));
        }
    }

    @Test
    void aCatalogChangedInPlaceBetweenCallsIsSeenChanged() {
        List<Roadmap> roadmaps = roadmaps(20, 14);
        List<Resource> catalog = new ArrayList<>(CATALOG);
        for (Roadmap roadmap : roadmaps) {
            assertSame(List.of(roadmap), catalog, Policy.defaults(), D);
            catalog.remove(catalog.size() - 1); // the same list, one resource fewer
        }
    }

    @Test
    void concurrentCallsFindWhatFreshSessionsFind() throws Exception {
        List<Roadmap> roadmaps = roadmaps(120, 15);
        List<String> expected = new ArrayList<>();
        for (Roadmap roadmap : roadmaps) {
            expected.add(render(evaluator.evaluate(List.of(roadmap), CATALOG, Policy.defaults(), D, id -> true)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<String>>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int seed = t;
                done.add(threads.submit(() -> {
                    Random random = new Random(seed);
                    List<String> mismatches = new ArrayList<>();
                    for (int i = 0; i < 150; i++) {
                        int p = random.nextInt(roadmaps.size());
                        String found = render(evaluator.evaluate(List.of(roadmaps.get(p)), CATALOG, Policy.defaults(), D));
                        if (!found.equals(expected.get(p))) {
                            mismatches.add(roadmaps.get(p).pairing().id());
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<List<String>> thread : done) {
                assertThat(thread.get()).isEmpty();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * What makes giving a session back cheap and safe: consequences only add findings. A rule that
     * inserted, modified or deleted facts would leave its session out of the pool (its fact count would
     * not be back to the shared facts), but it would also make the findings of a pairing depend on more
     * than its own facts, and this test should then be rethought rather than the rule let in quietly.
     */
    @Test
    void noConsequenceChangesTheFacts() throws IOException {
        Pattern consequence = Pattern.compile("(?s)\\nthen\\n(.*?)\\nend");
        Pattern change = Pattern.compile("\\b(insert|insertLogical|modify|update|delete|retract)\\s*\\(");
        List<String> changing = new ArrayList<>();
        int consequences = 0;
        try (Stream<Path> files = Files.list(RuleSourceTest.DRL)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                Matcher then = consequence.matcher(Files.readString(file));
                while (then.find()) {
                    consequences++;
                    if (change.matcher(then.group(1)).find()) {
                        changing.add(file.getFileName() + ": " + then.group(1).strip().lines().findFirst().orElse(""));
                    }
                }
            }
        }
        assertThat(consequences).isEqualTo(RuleCoverageTest.CATALOG.size());
        assertThat(changing).isEmpty();
    }

    private void assertSame(List<Roadmap> roadmaps, Collection<Resource> catalog, Policy policy, LocalDate asOf) {
        String fresh = render(evaluator.evaluate(roadmaps, catalog, policy, asOf, id -> true));
        String pooled = render(evaluator.evaluate(roadmaps, catalog, policy, asOf));
        assertThat(pooled).as("%s as of %s", roadmaps.stream().map(r -> r.pairing().id()).toList(), asOf)
                .isEqualTo(fresh);
    }

    /** Synthetic pairings, and the troubled and healthy samples, which fire most of the catalog. */
    private static List<Roadmap> roadmaps(int n, long seed) {
        List<Roadmap> roadmaps = new ArrayList<>(Samples.synthetic(n, seed));
        roadmaps.add(Samples.troubled("T" + seed).build());
        roadmaps.add(Samples.healthy("H" + seed).build());
        return roadmaps;
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
