package org.roadmapcoach.api.cli;

import org.roadmapcoach.app.problem.Shown;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.data.exporter.CohortExporter;
import org.roadmapcoach.data.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coach export}: a cohort as the nine CSV files of the import format, ready to edit and re-import. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a cohort as the CSV files of the import format.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--cohort", required = true, paramLabel = "ID", description = "The cohort to export.")
    String cohortId;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the files to.")
    Path out;

    @Option(names = "--excel", description = "Start each file with a UTF-8 byte-order mark, so that Excel shows"
            + " accented names as written (lines end with CRLF either way); import takes the files back unchanged.")
    boolean excel;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Store opened = store.open(false)) {
            if (opened.cohort(cohortId).isEmpty()) {
                throw new InvalidInputException("There is no cohort " + Shown.quoted(cohortId) + " in this database.");
            }
            new CohortExporter(opened).export(cohortId, out, excel);
            spec.commandLine().getOut().printf("Exported cohort %s to %s%s%n", cohortId, out,
                    excel ? " (UTF-8 with a byte-order mark, CRLF line ends: ready for Excel)" : "");
            return 0;
        } catch (UncheckedIOException e) {
            throw new InvalidInputException("Cannot write to " + out + ": " + e.getCause().getMessage());
        }
    }
}
