package org.roadmapcoach.app.cohort;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.roadmapcoach.data.importer.ImportReport;
import org.roadmapcoach.data.store.ImportSync;
import org.roadmapcoach.data.store.ReplacedAppChange;

/**
 * What an import did, or for a dry run would do (docs/CSV.md): the one report the command line, the HTTP
 * API and the web app's import page show.
 *
 * @param cohortId the cohort imported into
 * @param dryRun true when nothing was written: the report says what the import would do
 * @param sync whether records the spreadsheet dropped were deleted ({@code --sync})
 * @param counts rows read per file, in CSV.md's order
 * @param files what each file's rows did (and, for files not given, what a sync deleted), in CSV.md's order
 * @param warnings things ignored (unknown columns, files not of the format, how a file was read)
 * @param replaced app changes the spreadsheet replaced, each a warning (the first 1,000)
 * @param replacedCount how many app changes were replaced in all
 * @param deleted the records a sync deleted (the first 1,000)
 * @param deletedCount how many records a sync deleted in all
 */
public record ImportSummary(String cohortId, boolean dryRun, boolean sync, Map<String, Long> counts,
                            Map<String, FileSummary> files, List<String> warnings, List<Replaced> replaced,
                            long replacedCount, List<Deleted> deleted, long deletedCount) {

    /**
     * What one file's rows did: records added, updated, left as they were, fields the app had changed that
     * were kept because the spreadsheet said what it said last time, and records a sync deleted.
     */
    public record FileSummary(long rows, long added, long updated, long unchanged, long appChangesKept,
                              long deleted) {
    }

    /**
     * A field the app had changed that the import replaced.
     *
     * @param appChangedOn the store's today of the app's last change to the record; null for a record no
     *     earlier import brought (created in the app)
     * @param message the warning as the command line prints it:
     *     {@code milestones.csv:14: P05-O1-M2 status: the app's 'done' (2026-06-15) replaced by 'in_progress'}
     */
    public record Replaced(String file, long line, String record, String column, String appValue,
                           LocalDate appChangedOn, String importedValue, String message) {
    }

    /** A record a sync deleted: its file and id ({@code P05}; an engagement's {@code P05/R12}). */
    public record Deleted(String file, String record) {
    }

    public ImportSummary {
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        warnings = List.copyOf(warnings);
        replaced = List.copyOf(replaced);
        deleted = List.copyOf(deleted);
    }

    /** The summary of a valid import's report; {@code scrub} hides temporary paths in the warnings. */
    static ImportSummary of(String cohortId, ImportReport report, boolean sync, UnaryOperator<String> scrub) {
        Map<String, FileSummary> files = new LinkedHashMap<>();
        report.changes().forEach((file, changes) -> files.put(file, new FileSummary(
                report.counts().getOrDefault(file, 0L), changes.added(), changes.updated(), changes.unchanged(),
                changes.appChangesKept(), changes.deleted())));
        List<Replaced> replaced = report.replaced().stream().map(ImportSummary::replaced).toList();
        List<Deleted> deleted = report.deleted().stream().map(d -> new Deleted(d.file(), d.record())).toList();
        return new ImportSummary(cohortId, report.dryRun(), sync, report.counts(), files,
                report.warnings().stream().map(scrub).toList(), replaced, report.replacedCount(), deleted,
                report.deletedCount());
    }

    private static Replaced replaced(ReplacedAppChange change) {
        return new Replaced(change.file(), change.line(), change.record(), change.column(), change.appValue(),
                change.appChangedOn(), change.importedValue(), change.message());
    }

    /** Whether the store was changed: a valid import that was not a dry run. */
    public boolean written() {
        return !dryRun;
    }

    /** Fields the app had changed that were kept, in all files. */
    public long appChangesKept() {
        return files.values().stream().mapToLong(FileSummary::appChangesKept).sum();
    }
}
