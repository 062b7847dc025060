package org.roadmapcoach.data.importer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.data.store.ImportSync;
import org.roadmapcoach.data.store.ReplacedAppChange;

/**
 * What an import did (or, for a dry run, would do), or why it wrote nothing.
 *
 * @param counts rows read per file name, in processing order (only the files given)
 * @param warnings things ignored, such as unknown columns or files
 * @param errors the first errors found (at most {@link #MAX_ERRORS_KEPT}); any error means nothing was written
 * @param errorCount how many errors were found in all, kept or not
 * @param changes what the rows did to the store per file (the files given, and files a sync deleted from)
 * @param replaced the app changes the import replaced (the first {@link #MAX_ERRORS_KEPT})
 * @param replacedCount how many app changes were replaced in all
 * @param deleted the records a sync deleted (the first {@link ImportSync#MAX_DELETED_KEPT})
 * @param dryRun whether this was a dry run: nothing was written, whatever the report says would be
 */
public record ImportReport(Map<String, Long> counts, List<String> warnings, List<ImportError> errors,
                           long errorCount, Map<String, FileChanges> changes, List<ReplacedAppChange> replaced,
                           long replacedCount, List<ImportSync.Deleted> deleted, boolean dryRun) {

    /** The errors kept in a report; the rest are only counted. */
    public static final int MAX_ERRORS_KEPT = 1000;

    /**
     * What the rows of one file did: records added, updated, left unchanged, fields the app had changed
     * that were kept (the spreadsheet said what it said last time), and records a sync deleted.
     */
    public record FileChanges(long added, long updated, long unchanged, long appChangesKept, long deleted) {

        static final FileChanges NONE = new FileChanges(0, 0, 0, 0, 0);
    }

    public ImportReport {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
        replaced = List.copyOf(replaced);
        deleted = List.copyOf(deleted);
    }

    /** A report of no changes: of a rejected import, or of one before its writes were counted. */
    public ImportReport(Map<String, Long> counts, List<String> warnings, List<ImportError> errors, long errorCount) {
        this(counts, warnings, errors, errorCount, Map.of(), List.of(), 0, List.of(), false);
    }

    /** Whether the import was valid: no error at all (written, unless it was a dry run). */
    public boolean ok() {
        return errorCount == 0;
    }

    /** Records a sync deleted in all. */
    public long deletedCount() {
        return changes.values().stream().mapToLong(FileChanges::deleted).sum();
    }
}
