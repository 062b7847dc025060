package org.roadmapcoach.api.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.roadmapcoach.app.healthcheck.HealthCheckService;
import org.roadmapcoach.data.run.RunInfo;
import org.roadmapcoach.data.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coach runs}: a cohort's stored health checks ({@code list}, the default), deleting all but the
 * newest ({@code prune --keep N}), or how many every cohort keeps after each check ({@code keep [N]}).
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "The stored health checks of a cohort: list (default), prune --keep N, or keep [N] to see"
                + " or set how many each cohort keeps after every check (runs.keep, default 12).")
final class RunsCommand implements Callable<Integer> {

    enum Action { list, prune, keep }

    @Mixin
    StoreOption store;

    @Option(names = "--cohort", paramLabel = "ID", description = "The cohort (not needed for keep).")
    String cohortId;

    @Parameters(index = "0", defaultValue = "list", paramLabel = "ACTION", description = "list, prune or keep.")
    Action action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "N", description = "For keep: the number of runs to keep.")
    Integer keepSetting;

    @Option(names = "--keep", paramLabel = "N", description = "For prune: how many of the newest runs to keep.")
    Integer keep;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (action != Action.keep && cohortId == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "runs " + action
                    + " needs --cohort ID.");
        }
        if (action == Action.prune && keep == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "runs prune needs --keep N: how"
                    + " many of the newest runs to keep.");
        }
        try (Store opened = store.open(false)) {
            HealthCheckService checks = new HealthCheckService(opened, null, Clock.systemUTC());
            switch (action) {
                case list -> list(checks.runs(cohortId), out);
                case prune -> {
                    List<Long> deleted = checks.prune(cohortId, keep);
                    out.printf("Deleted %d run%s of cohort %s%s; kept the newest %d.%n", deleted.size(),
                            deleted.size() == 1 ? "" : "s", cohortId, deleted.isEmpty() ? "" : " (" + ids(deleted) + ")",
                            keep);
                }
                case keep -> {
                    if (keepSetting != null) {
                        checks.setKeep(keepSetting);
                    }
                    out.printf("Each cohort keeps its newest %d health checks; older ones are deleted after every"
                            + " check.%n", checks.keep());
                }
            }
            return 0;
        }
    }

    private static void list(List<RunInfo> runs, PrintWriter out) {
        if (runs.isEmpty()) {
            out.println("No stored health checks.");
            return;
        }
        out.printf("%6s  %-10s  %-20s  %9s  %9s  %9s%n", "RUN", "AS OF", "WHEN (UTC)", "PAIRINGS", "FINDINGS", "SIZE");
        for (RunInfo run : runs) {
            out.printf("%6d  %-10s  %-20s  %9d  %9d  %9s%n", run.run().id(), run.run().asOf(),
                    run.run().createdAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$|Z$", ""),
                    run.pairings(), run.findings(), size(run.bytes()));
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static String ids(List<Long> ids) {
        return ids.size() == 1 ? "run " + ids.get(0) : "runs " + ids.get(0) + " to " + ids.get(ids.size() - 1);
    }
}
