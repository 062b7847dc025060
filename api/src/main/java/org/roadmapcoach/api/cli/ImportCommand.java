package org.roadmapcoach.api.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.importer.ImportError;
import org.roadmapcoach.data.importer.ImportReport;
import org.roadmapcoach.data.store.SqliteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coach import}: an all-or-nothing import of cohort CSV files. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import cohort CSV files (a folder, a zip, or named files), all or nothing.")
final class ImportCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Option(names = "--cohort", required = true, paramLabel = "ID", description = "The cohort to import into.")
    String cohortId;

    @Parameters(arity = "1..*", paramLabel = "DIR_OR_ZIP_OR_CSV", description = "What to import.")
    List<Path> inputs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (SqliteStore opened = store.open(true)) {
            ImportReport report = new CohortImporter(opened).importPaths(cohortId, inputs);
            print(report, cohortId, spec.commandLine().getOut(), spec.commandLine().getErr());
            return report.ok() ? 0 : 1;
        }
    }

    /**
     * Prints an import report. A written one: counts per file, then warnings. A rejected one says first
     * that nothing was written, and shows no counts (rows read are not rows imported): the warnings, and
     * on stderr every error kept.
     */
    static void print(ImportReport report, String cohortId, PrintWriter out, PrintWriter err) {
        if (report.ok()) {
            out.printf("Import into cohort %s: done%n", cohortId);
            report.counts().forEach((file, rows) -> out.printf("  %-18s %7d rows%n", file, rows));
            report.warnings().forEach(w -> out.println("warning: " + w));
        } else {
            String errors = report.errorCount() + " error" + (report.errorCount() == 1 ? "" : "s");
            out.printf("Nothing was written: the import into cohort %s was rejected (%s in the input).%n",
                    cohortId, errors);
            report.warnings().forEach(w -> out.println("warning: " + w));
            out.flush(); // before stderr: where both go to one terminal, this line comes first
            int shown = report.errors().size();
            err.printf("coach: nothing was written: %s in the input%s; fix them and import again.%n", errors,
                    shown < report.errorCount() ? " (the first " + shown + " are listed)" : "");
            for (ImportError error : report.errors()) {
                err.println(error);
            }
        }
        out.flush();
        err.flush();
    }
}
