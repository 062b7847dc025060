package org.roadmapcoach.api.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.roadmapcoach.app.healthcheck.SplitHealthCheck;
import org.roadmapcoach.data.run.CheckJobs;
import org.roadmapcoach.data.run.RunWriter;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coach worker}: works on the partitions of split health checks ({@code check --partitions}) until stopped. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Claims partitions of the health checks split with check --partitions (PostgreSQL only) and"
                + " stores them, until stopped (Ctrl-C: a partition half done is taken over by another worker"
                + " when its lease runs out).")
final class WorkerCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--threads", paramLabel = "N", description = "Partitions worked on at once (default: the cores).")
    Integer threads;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int count = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (count < 1 || count > 256) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--threads takes 1 to 256, not " + count);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Store opened = store.open(false)) {
            SplitHealthCheck split = new SplitHealthCheck(opened, Evaluator.fromClasspath(), Clock.systemUTC());
            out.printf("coach worker: %d thread%s waiting for partitions of health checks on %s (Ctrl-C stops)%n",
                    count, count == 1 ? "" : "s", opened.location());
            split.work(count, () -> false, new SplitHealthCheck.Listener() {
                @Override
                public void stored(CheckJobs.Claim claim, RunWriter.Written written, Duration took) {
                    out.printf("stored %s: %d pairings evaluated in %.1f s%n", describe(claim), written.pairings(),
                            took.toMillis() / 1000.0);
                }

                @Override
                public void dropped(CheckJobs.Claim claim, RuntimeException reason) {
                    out.printf("left %s: %s%n", describe(claim), reason.getMessage());
                }
            });
        }
        return 0;
    }

    private static String describe(CheckJobs.Claim claim) {
        return "partition " + (claim.part() + 1) + " of run " + claim.job().runId() + " (cohort "
                + claim.job().cohortId() + ", pairings " + claim.range().first() + " to " + claim.range().last() + ")";
    }
}
