package org.roadmapcoach.app.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import org.roadmapcoach.data.run.FindingKey;
import org.roadmapcoach.data.run.RunPairing;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.roadmap.Roadmap;

/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class HealthCheckServiceTest {

    @Parameter
    StoreKind kind;

    private static final Evaluator EVALUATOR = Evaluator.fromClasspath();
    private static final LocalDate D = CohortGenerator.AS_OF;

    @TempDir
    Path temp;

    private Store store;
    private HealthCheckService service;

    @BeforeEach
    void importAGeneratedCohort() throws Exception {
        // More pairings than a session holds, so that several sessions run on several workers.
        CohortGenerator.generate(temp.resolve("cohort"), 3 * CheckPipeline.SESSION_SIZE + 17, 5);
        store = kind.open(temp.resolve("coach.db"));
        assertThat(new CohortImporter(store).importPaths("c", List.of(temp.resolve("cohort"))).ok()).isTrue();
        service = new HealthCheckService(store, EVALUATOR, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void findingsInSessionsOnWorkersAreThoseOfOneSessionOverTheWholeCohortInPairingIdOrder() {
        List<Roadmap> all = new ArrayList<>();
        store.forEachRoadmapBatch("c", 10_000, all::addAll);
        List<RunPairing> expected = EVALUATOR.evaluate(all, store.resources("c"), store.policy("c"), D).stream()
                .map(RunPairing::of).toList();

        HealthCheck check = service.run("c", D, read -> { });

        List<RunPairing> stored = new ArrayList<>();
        check.forEachPairing(HealthCheck.Order.BY_ID, true, (p, summary) -> stored.add(p));
        assertThat(stored).extracting(RunPairing::pairingId).containsExactlyElementsOf(
                expected.stream().map(RunPairing::pairingId).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(stored.get(i).health()).isEqualTo(expected.get(i).health());
            assertThat(describe(stored.get(i))).isEqualTo(describe(expected.get(i)));
        }
        assertThat(check.findingCount()).isEqualTo(expected.stream().mapToLong(p -> p.findings().size()).sum());
        assertThat(check.count(Change.NEW)).isEqualTo(check.findingCount());
    }

    @Test
    void findingsOfAPairingNoLongerEvaluatedAreResolvedAndTheRestUnchanged() {
        HealthCheck first = service.run("c", D, read -> { });
        // The first pairing ended the day before: it is not evaluated any more.
        store.inTransaction(connection -> {
            try (var update = connection.prepareStatement(
                    "UPDATE pairings SET end_date = '2026-06-14' WHERE cohort_id = 'c' AND id = 'P000001'")) {
                return update.executeUpdate();
            }
        });

        HealthCheck second = service.run("c", D, read -> { });

        List<FindingKey> resolved = new ArrayList<>();
        second.forEachResolved((pairing, finding) -> resolved.add(FindingKey.of(finding)));
        long ofFirstPairing = first.pairings().get(0).critical() + first.pairings().get(0).warning()
                + first.pairings().get(0).info();
        assertThat(ofFirstPairing).isPositive();
        assertThat(resolved).hasSize((int) ofFirstPairing).allSatisfy(key -> assertThat(key.pairingId()).isEqualTo("P000001"));
        assertThat(second.count(Change.RESOLVED)).isEqualTo(ofFirstPairing);
        assertThat(second.count(Change.NEW)).isZero();
        assertThat(second.count(Change.UNCHANGED)).isEqualTo(first.findingCount() - ofFirstPairing);
        assertThat(service.latest("c").orElseThrow().count(Change.RESOLVED)).isEqualTo(ofFirstPairing);
    }

    private static List<String> describe(RunPairing pairing) {
        return pairing.findings().stream().map(f -> FindingKey.of(f) + " " + f.severity() + " " + f.audience() + " "
                + f.message() + " " + f.nextStep() + " " + f.keyDate() + " " + String.valueOf(f.evidence().size())).toList();
    }
}
