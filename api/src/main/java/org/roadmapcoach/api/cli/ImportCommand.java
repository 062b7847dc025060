package org.roadmapcoach.api.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.roadmapcoach.app.cohort.CohortService;
import org.roadmapcoach.app.cohort.ImportSummary;
import org.roadmapcoach.app.problem.ImportRejectedException;
import org.roadmapcoach.data.importer.ImportError;
import org.roadmapcoach.data.importer.ImportOptions;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.StoreAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code coach import}: an all-or-nothing import of cohort CSV files, merged with what the app changed. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import cohort CSV files (a folder, a zip, or named files), all or nothing.")
final class ImportCommand implements Callable<Integer> {

    /** Deleted records listed by name; the rest are counted. */
    static final int DELETED_SHOWN = 20;

    @Mixin
    StoreOption store;

    @Option(names = "--cohort", required = true, paramLabel = "ID", description = "The cohort to import into.")
    String cohortId;

    @Option(names = "--sync", description = "Also delete what earlier imports brought and these files no longer"
            + " have, with the imported records that depend on it (never what was created in the app).")
    boolean sync;

    @Option(names = "--dry-run", description = "Report what the import would write, replace and delete, and write"
            + " nothing.")
    boolean dryRun;

    @Parameters(arity = "1..*", paramLabel = "DIR_OR_ZIP_OR_CSV", description = "What to import.")
    List<Path> inputs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportOptions options = new ImportOptions(sync, dryRun);
        // A dry run writes nothing, not even a new database: one that does not exist yet is tried in a scratch one.
        Path scratch = dryRun && store.address() instanceof StoreAddress.SqliteFile sqlite && !Files.exists(sqlite.file())
                ? Files.createTempDirectory("coach-dry-run-") : null;
        try (Store opened = scratch != null ? Store.open(scratch.resolve("coach.db")) : store.open(true)) {
            ImportSummary summary = new CohortService(opened).importPaths(cohortId, inputs, options);
            print(summary, out);
            return 0;
        } catch (ImportRejectedException rejected) {
            printRejected(rejected, cohortId, out, err);
            return 1;
        } finally {
            delete(scratch);
        }
    }

    /**
     * Prints a valid import's report: what it did (for a dry run, would do) per file, each app change it
     * replaced and every other warning, and what a sync deleted.
     */
    static void print(ImportSummary summary, PrintWriter out) {
        if (summary.dryRun()) {
            out.printf("Dry run: nothing was written. The import into cohort %s would do this%s:%n",
                    summary.cohortId(), summary.sync() ? " (with --sync)" : "");
        } else {
            out.printf("Import into cohort %s: done%n", summary.cohortId());
        }
        summary.files().forEach((file, changes) -> out.println(fileLine(summary, file, changes)));
        if (summary.appChangesKept() > 0) {
            out.printf("%d field%s changed in the app kept: the spreadsheet says what it said at the last import%n",
                    summary.appChangesKept(), summary.appChangesKept() == 1 ? "" : "s");
        }
        summary.replaced().forEach(replaced -> out.println("warning: " + replaced.message()));
        if (summary.replacedCount() > summary.replaced().size()) {
            out.printf("warning: ... and %d more app changes replaced%n",
                    summary.replacedCount() - summary.replaced().size());
        }
        summary.warnings().forEach(w -> out.println("warning: " + w));
        if (summary.deletedCount() > 0) {
            out.printf("%s by --sync (not in the spreadsheet any more): %d record%s%n",
                    summary.dryRun() ? "Would be deleted" : "Deleted", summary.deletedCount(),
                    summary.deletedCount() == 1 ? "" : "s");
            summary.deleted().stream().limit(DELETED_SHOWN)
                    .forEach(deleted -> out.printf("  %s %s%n", deleted.file(), deleted.record()));
            if (summary.deletedCount() > DELETED_SHOWN) {
                out.printf("  ... and %d more%n", summary.deletedCount() - DELETED_SHOWN);
            }
        }
        out.flush();
    }

    private static String fileLine(ImportSummary summary, String file, ImportSummary.FileSummary changes) {
        StringBuilder line = new StringBuilder(summary.counts().containsKey(file)
                ? String.format("  %-18s %7d rows: %d added, %d updated, %d unchanged", file, changes.rows(),
                        changes.added(), changes.updated(), changes.unchanged())
                : String.format("  %-18s %12s", file, "not given"));
        if (changes.deleted() > 0) {
            line.append(", ").append(changes.deleted()).append(" deleted");
        }
        return line.toString();
    }

    /**
     * Prints a rejected import: it says first that nothing was written, and shows no counts (rows read are
     * not rows imported): the warnings, and on stderr every error kept.
     */
    static void printRejected(ImportRejectedException rejected, String cohortId, PrintWriter out, PrintWriter err) {
        String errors = rejected.errorCount() + " error" + (rejected.errorCount() == 1 ? "" : "s");
        out.printf("Nothing was written: the import into cohort %s was rejected (%s in the input)%s.%n",
                cohortId, errors, rejected.dryRun() ? "; this was a dry run" : "");
        rejected.warnings().forEach(w -> out.println("warning: " + w));
        out.flush(); // before stderr: where both go to one terminal, this line comes first
        int shown = rejected.errors().size();
        err.printf("coach: nothing was written: %s in the input%s; fix them and import again.%n", errors,
                shown < rejected.errorCount() ? " (the first " + shown + " are listed)" : "");
        for (ImportError error : rejected.errors()) {
            err.println(error);
        }
        out.flush();
        err.flush();
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the dry run's scratch database in " + folder, e);
        }
    }
}
