package org.roadmapcoach.app.healthcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.generator.CohortGenerator;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.run.CheckJobs;
import org.roadmapcoach.data.run.RunWriter;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;

/**
 * A worker process killed (SIGKILL) half way through its partition of a split health check: its lease runs
 * out, another worker takes the partition over, and the run stored is exactly the one a single process stores.
 */
class KilledWorkerTest {

    private static final Evaluator EVALUATOR = Evaluator.fromClasspath();
    private static final Clock CLOCK = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    private static final LocalDate NOW = CohortGenerator.AS_OF;
    /** Longer than a cold worker takes to store its first few hundred pairings, on a busy machine too. */
    private static final Duration LEASE = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @Test
    void aWorkerKilledHalfWayLosesItsLeaseAndAnotherFinishesItsPartition() throws Exception {
        CohortGenerator.generate(temp.resolve("cohort"), 1_600, 11);
        String url = StoreKind.POSTGRESQL.address(temp.resolve("split"));
        try (Store whole = imported(StoreKind.POSTGRESQL.open(temp.resolve("whole")));
             Store split = imported(Store.open(url))) {
            HealthCheck expected = new HealthCheckService(whole, EVALUATOR, CLOCK).run("c", NOW, read -> { });

            Path output = temp.resolve("worker.out");
            Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), WorkerProcess.class.getName(), url)
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            try {
                awaitLine(output, worker, "ready");
                List<CheckJobs.Claim> storedHere = new CopyOnWriteArrayList<>();
                CompletableFuture<HealthCheck> check = CompletableFuture.supplyAsync(() -> new SplitHealthCheck(split,
                        EVALUATOR, CLOCK).run("c", NOW, 4, 1, LEASE, new SplitHealthCheck.Listener() {
                            @Override
                            public void stored(CheckJobs.Claim claim, RunWriter.Written written, Duration took) {
                                storedHere.add(claim);
                            }
                        }));

                CheckJobs jobs = new CheckJobs(split);
                String owner = worker.pid() + "-";
                Integer killedIn = null;
                while (killedIn == null && !check.isDone()) {
                    for (CheckJobs.Job job : jobs.running()) {
                        for (CheckJobs.PartitionState part : jobs.partitions(job.id())) {
                            if ("leased".equals(part.state()) && part.owner().startsWith(owner) && part.written() > 0) {
                                worker.destroyForcibly().waitFor();
                                killedIn = part.part();
                            }
                        }
                    }
                    Thread.sleep(10);
                }
                assertThat(killedIn).as("the worker was killed with a partition half stored").isNotNull();

                HealthCheck actual = check.get(2, TimeUnit.MINUTES); // a guard, not a timing
                assertThat(storedHere).extracting(CheckJobs.Claim::part).contains(killedIn);
                assertThat(actual.pairings()).isEqualTo(expected.pairings());
                assertThat(SplitHealthCheckTest.findings(actual)).isEqualTo(SplitHealthCheckTest.findings(expected));
                assertThat(new HealthCheckService(split, EVALUATOR, CLOCK).runs("c").get(0).pairings())
                        .isEqualTo(expected.pairings().size());
            } finally {
                worker.destroyForcibly().waitFor();
            }
        }
    }

    private Store imported(Store store) {
        assertThat(new CohortImporter(store).importPaths("c", List.of(temp.resolve("cohort"))).ok()).isTrue();
        return store;
    }

    private static void awaitLine(Path output, Process process, String line) throws Exception {
        while (!Files.readString(output).lines().anyMatch(line::equals)) {
            assertThat(process.isAlive()).as("the worker process stopped:\n" + Files.readString(output)).isTrue();
            Thread.sleep(50);
        }
    }
}
