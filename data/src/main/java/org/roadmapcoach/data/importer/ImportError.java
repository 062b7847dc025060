package org.roadmapcoach.data.importer;

/**
 * One problem that rejects an import.
 *
 * @param file the CSV file name (or the path or zip entry given), null for a problem of the whole import
 * @param line the physical line where the record starts (1 is the header), 0 when not about a line
 * @param column the header name, null for a problem of the whole file or record
 * @param value the offending value as read, or null
 * @param reason what was expected, e.g. {@code expected a date as yyyy-MM-dd}
 */
public record ImportError(String file, long line, String column, String value, String reason) {

    /**
     * {@code objectives.csv:17:due_date: '2026-13-01' expected a date as yyyy-MM-dd}. A reason that
     * starts by naming its column as written is not preceded by it again:
     * {@code pairings.csv:1: unknown column 'cadance_days': did you mean 'cadence_days'?}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (file != null) {
            text.append(file);
            if (line > 0) {
                text.append(':').append(line);
            }
            if (column != null && (reason == null || !reason.startsWith("unknown column '" + column + "'"))) {
                text.append(':').append(column);
            }
            text.append(": ");
        }
        if (value != null) {
            text.append('\'').append(value).append("' ");
        }
        return text.append(reason).toString();
    }
}
