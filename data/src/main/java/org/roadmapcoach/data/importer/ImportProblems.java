package org.roadmapcoach.data.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects the errors and warnings of one import; keeps the first errors and counts them all. */
final class ImportProblems {

    private final List<ImportError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private long errorCount;

    void error(String file, long line, String column, String value, String reason) {
        errorCount++;
        if (errors.size() < ImportReport.MAX_ERRORS_KEPT) {
            errors.add(new ImportError(file, line, column, value, reason));
        }
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    boolean hasErrors() {
        return errorCount > 0;
    }

    ImportReport report(Map<String, Long> counts) {
        return new ImportReport(counts, warnings, errors, errorCount);
    }
}
