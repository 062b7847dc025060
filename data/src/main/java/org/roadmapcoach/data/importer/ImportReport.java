package org.roadmapcoach.data.importer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, or why it wrote nothing.
 *
 * @param counts rows read per file name, in processing order (only the files given)
 * @param warnings things ignored, such as unknown columns or files
 * @param errors the first errors found (at most {@link #MAX_ERRORS_KEPT}); any error means nothing was written
 * @param errorCount how many errors were found in all, kept or not
 */
public record ImportReport(Map<String, Long> counts, List<String> warnings, List<ImportError> errors,
                           long errorCount) {

    /** The errors kept in a report; the rest are only counted. */
    public static final int MAX_ERRORS_KEPT = 1000;

    public ImportReport {
        counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /** Whether the import was written: no error at all. */
    public boolean ok() {
        return errorCount == 0;
    }
}
