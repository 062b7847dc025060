package org.roadmapcoach.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.roadmapcoach.api.healthcheck.CsvReport;
import org.roadmapcoach.app.healthcheck.HealthCheck;
import org.roadmapcoach.api.healthcheck.HealthCheckJson;
import org.roadmapcoach.app.healthcheck.HealthCheckService;
import org.roadmapcoach.app.healthcheck.SplitHealthCheck;
import org.roadmapcoach.api.healthcheck.TableReport;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.evaluation.Evaluator;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.web.report.HealthCheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coach check}: the batch health check of every active pairing of a cohort, stored as a run. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Health check of every active pairing of a cohort; the run is stored for comparison.")
final class CheckCommand implements Callable<Integer> {

    enum Format { table, json, csv, html }

    /** The pairings a report may be limited to ({@code --only}). */
    enum Only { red, amber }

    @Mixin
    StoreOption store;

    @Option(names = "--cohort", required = true, paramLabel = "ID", description = "The cohort to check.")
    String cohortId;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table (default, worst first), json, csv or html.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to this file instead of stdout"
            + " (its folders are created).")
    Path out;

    @Option(names = "--only", paramLabel = "HEALTH", description = "Print only the red (or amber) pairings;"
            + " the summary stays the whole cohort's.")
    Only only;

    @Option(names = "--partitions", paramLabel = "N", description = "PostgreSQL only: split the check into N"
            + " partitions that this process and any coach worker share (1 to 256).")
    Integer partitions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // The report's file first: a path that cannot be written is an error before anything is evaluated.
        try (ReportFile file = out == null ? null : ReportFile.open(out, "nothing was checked or stored");
             Store opened = store.open(false)) {
            LocalDate date = asOf.or(StoreOption.today(opened));
            HealthCheck check = partitions == null ? run(opened, Evaluator.fromClasspath(), cohortId, date)
                    : runSplit(opened, date);
            render(check, format, only, file, out, spec);
            return 0;
        }
    }

    static HealthCheck run(Store store, Evaluator evaluator, String cohortId, LocalDate asOf) throws Exception {
        Terminal terminal = Terminal.forStderr(store.counts(cohortId).getOrDefault("pairings.csv", 0L));
        HealthCheck check = new HealthCheckService(store, evaluator, Clock.systemUTC())
                .run(cohortId, asOf, terminal::progress);
        terminal.done();
        return check;
    }

    private HealthCheck runSplit(Store store, LocalDate date) {
        SplitHealthCheck.requirePartitions(store, partitions); // before the rule base is loaded
        Terminal terminal = Terminal.forStderr(store.counts(cohortId).getOrDefault("pairings.csv", 0L));
        HealthCheck check = new SplitHealthCheck(store, Evaluator.fromClasspath(), Clock.systemUTC()).run(cohortId,
                date, partitions, Runtime.getRuntime().availableProcessors(), new SplitHealthCheck.Listener() {
                    @Override
                    public void progress(long done, long total) {
                        terminal.progress(done);
                    }
                });
        terminal.done();
        return check;
    }

    /** Writes the report of {@code check} to {@code file} (then says where), or to stdout without one. */
    static void render(HealthCheck check, Format format, Only only, ReportFile file, Path out, CommandSpec spec)
            throws IOException {
        HealthCheck shown = only == null ? check
                : check.only(EnumSet.of(only == Only.red ? Health.RED : Health.AMBER));
        if (file == null) {
            write(shown, format, spec.commandLine().getOut());
        } else {
            write(shown, format, file.writer());
            file.commit();
            spec.commandLine().getOut().printf("Wrote the %s report of run %d to %s%n", format, check.run().id(), out);
        }
    }

    static void write(HealthCheck check, Format format, PrintWriter writer) throws IOException {
        switch (format) {
            case table -> TableReport.write(check, writer);
            case json -> {
                HealthCheckJson.write(check, false, writer);
                writer.println();
            }
            case csv -> CsvReport.write(check, writer);
            case html -> HealthCheckReport.write(check, writer);
        }
        writer.flush();
    }
}
