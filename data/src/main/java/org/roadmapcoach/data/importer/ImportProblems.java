package org.roadmapcoach.data.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    static final int MAX_REASON_SHOWN = 500;

    private final List<ImportError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private long errorCount;
    private long warningCount;

    void error(String file, long line, String column, String value, String reason) {
        errorCount++;
        if (errors.size() < ImportReport.MAX_ERRORS_KEPT) {
            errors.add(new ImportError(file, line, shown(column), shown(value), bounded(reason)));
        }
    }

    /**
     * A reason as shown: at most {@value #MAX_REASON_SHOWN} characters, whatever the input held (the names and
     * ids a reason quotes are cut by {@link #quoted} where it is made).
     */
    static String bounded(String reason) {
        return reason == null || reason.length() <= MAX_REASON_SHOWN ? reason
                : reason.substring(0, MAX_REASON_SHOWN) + "... (cut)";
    }

    /** {@code 'value'} for a reason, cut as a shown value is. */
    static String quoted(String value) {
        return "'" + (value == null || value.length() <= MAX_VALUE_SHOWN ? value
                : value.substring(0, MAX_VALUE_SHOWN) + "...") + "'";
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
        List<String> kept = new ArrayList<>(warnings);
        if (warningCount > MAX_WARNINGS_KEPT) {
            kept.add("... and " + (warningCount - MAX_WARNINGS_KEPT) + " more warnings");
        }
        return new ImportReport(counts, kept, errors, errorCount);
    }
}
