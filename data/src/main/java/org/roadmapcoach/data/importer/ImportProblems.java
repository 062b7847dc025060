package org.roadmapcoach.data.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.data.store.ImportSync;
import org.roadmapcoach.data.store.ReplacedAppChange;

/**
 * Collects the errors and warnings of one import; keeps the first errors and warnings and counts them
 * all, so that a hostile input (a zip of a million stray files, a 10 MB cell) cannot make the report
 * itself huge.
 */
final class ImportProblems {

    /** The warnings kept; the rest are counted in one last warning. */
    static final int MAX_WARNINGS_KEPT = 100;
    /** The characters of an offending value shown in an error; a longer value is cut, saying how long it was. */
    static final int MAX_VALUE_SHOWN = 100;
    static final int MAX_WARNING_SHOWN = 300;

    private final List<ImportError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private long errorCount;
    private long warningCount;

    void error(String file, long line, String column, String value, String reason) {
        errorCount++;
        if (errors.size() < ImportReport.MAX_ERRORS_KEPT) {
            errors.add(new ImportError(file, line, column, shown(value), reason));
        }
    }

    void warn(String warning) {
        if (++warningCount <= MAX_WARNINGS_KEPT) {
            // A warning names what the input gave (a column, an entry), which may be of any length.
            warnings.add(warning.length() <= MAX_WARNING_SHOWN ? warning
                    : warning.substring(0, MAX_WARNING_SHOWN) + "... (cut)");
        }
    }

    /** Warnings that were not even made, only counted (files past those kept): "... and N more warnings". */
    void countWarnings(long more) {
        warningCount += Math.max(more, 0);
    }

    private static String shown(String value) {
        if (value == null || value.length() <= MAX_VALUE_SHOWN) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(MAX_VALUE_SHOWN - 1)) ? MAX_VALUE_SHOWN - 1 : MAX_VALUE_SHOWN;
        return value.substring(0, end) + "... (" + value.codePointCount(0, value.length())
                + " characters in all)";
    }

    boolean hasErrors() {
        return errorCount > 0;
    }

    ImportReport report(Map<String, Long> counts) {
        return new ImportReport(counts, keptWarnings(), errors, errorCount);
    }

    /**
     * The report of an import that ran: what its rows did, the app changes they replaced (the first
     * {@link ImportReport#MAX_ERRORS_KEPT} of all files), what a sync deleted. A rejected import shows none
     * of these: nothing was done.
     */
    ImportReport report(Map<String, Long> counts, Map<String, ImportReport.FileChanges> changes,
                        List<ReplacedAppChange> replaced, ImportSync.Result synced, boolean dryRun) {
        if (hasErrors()) {
            return new ImportReport(counts, keptWarnings(), errors, errorCount, Map.of(), List.of(), 0, List.of(),
                    dryRun);
        }
        List<ReplacedAppChange> kept = replaced.size() <= ImportReport.MAX_ERRORS_KEPT ? replaced
                : replaced.subList(0, ImportReport.MAX_ERRORS_KEPT);
        return new ImportReport(counts, keptWarnings(), errors, errorCount, changes, kept, replaced.size(),
                synced == null ? List.of() : synced.deleted(), dryRun);
    }

    private List<String> keptWarnings() {
        List<String> kept = new ArrayList<>(warnings);
        if (warningCount > MAX_WARNINGS_KEPT) {
            kept.add("... and " + (warningCount - MAX_WARNINGS_KEPT) + " more warnings");
        }
        return kept;
    }
}
