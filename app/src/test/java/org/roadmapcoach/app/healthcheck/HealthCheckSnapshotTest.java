package org.roadmapcoach.app.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.generator.CohortGenerator;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.run.RunPairing;
import org.roadmapcoach.data.run.RunStore;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * A health check evaluates from one snapshot and writes in short transactions (issue 18, items 3 and 5):
 * a write made while it runs is not held up by it, and is not seen by it; the run answers for the data
 * version it saw, not for the one after the write.
 * On SQLite and on PostgreSQL ({@link StoreKind}).
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class HealthCheckSnapshotTest {

    @Parameter
    StoreKind kind;

    private static final Evaluator EVALUATOR = Evaluator.fromClasspath();
    private static final LocalDate D = CohortGenerator.AS_OF;
    /** More pairings than the check reads ahead of its writer, so that it reads batches after the write. */
    private static final int PAIRINGS = 3_000;

    @TempDir
    Path temp;

    private Store store;
    private HealthCheckService service;

    @BeforeEach
    void importAGeneratedCohort() throws Exception {
        CohortGenerator.generate(temp.resolve("cohort"), PAIRINGS, 7);
        store = kind.open(temp.resolve("coach.db"));
        assertThat(new CohortImporter(store).importPaths("c", List.of(temp.resolve("cohort"))).ok()).isTrue();
        service = new HealthCheckService(store, EVALUATOR, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aPolicyChangeDuringACheckIsNotHeldUpAndTheRunAnswersOnlyForTheDataItSaw() throws Exception {
        Map<String, Long> expected = byRule(evaluateAll(store.policy("c")));
        Policy stricter = store.policy("c").with(PolicyKey.OBJ_MAX_ACTIVE, PolicyKey.OBJ_MAX_ACTIVE.parse("1"));
        assertThat(byRule(evaluateAll(stricter))).as("the change must change findings").isNotEqualTo(expected);

        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        AtomicBoolean writtenBeforeTheCheckWentOn = new AtomicBoolean();
        CompletableFuture<HealthCheck> check = CompletableFuture.supplyAsync(() -> service.run("c", D,
                (done, total) -> {
                    if (checking.getCount() == 1) {
                        checking.countDown();
                        // The check holds here until the write is done: if the write waited for the check,
                        // both would wait until this gives up, and the write would come too late.
                        writtenBeforeTheCheckWentOn.set(await(written));
                    }
                }));
        assertThat(checking.await(5, TimeUnit.MINUTES)).isTrue();
        store.savePolicy("c", stricter);
        written.countDown();
        HealthCheck run = check.get(5, TimeUnit.MINUTES);

        assertThat(writtenBeforeTheCheckWentOn).isTrue();
        assertThat(run.byRule()).as("evaluated with the policy of before the change, every batch")
                .isEqualTo(expected);
        assertThat(run.run().policy()).isEqualTo(Policy.defaults());
        RunStore runs = new RunStore(store);
        assertThat(runs.currentFindings("c", "P000001", D, EVALUATOR.ruleBase()))
                .as("the run does not answer for the data after the change").isEmpty();

        HealthCheck after = service.run("c", D, (done, total) -> { });
        assertThat(after.byRule()).isEqualTo(byRule(evaluateAll(stricter)));
        assertThat(runs.currentFindings("c", "P000001", D, EVALUATOR.ruleBase())).isPresent();
    }

    @Test
    void progressCountsThePairingsStoredOfTheCohortsTotal() {
        List<int[]> told = new ArrayList<>();
        service.run("c", D, (done, total) -> told.add(new int[] {done, total}));

        assertThat(told).isNotEmpty().allSatisfy(update -> assertThat(update[1]).isEqualTo(PAIRINGS));
        assertThat(told.get(told.size() - 1)[0]).isEqualTo(PAIRINGS);
        assertThat(told).extracting(update -> update[0]).isSorted();
    }

    private List<RunPairing> evaluateAll(Policy policy) {
        List<Roadmap> all = new ArrayList<>();
        store.forEachRoadmapBatch("c", 10_000, all::addAll);
        return EVALUATOR.evaluate(all, store.resources("c"), policy, D).stream().map(RunPairing::of).toList();
    }

    private static Map<String, Long> byRule(List<RunPairing> pairings) {
        Map<String, Long> byRule = new TreeMap<>();
        for (RunPairing pairing : pairings) {
            for (Finding finding : pairing.findings()) {
                byRule.merge(finding.ruleId(), 1L, Long::sum);
            }
        }
        return byRule;
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
