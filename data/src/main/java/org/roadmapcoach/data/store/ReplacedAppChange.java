package org.roadmapcoach.data.store;

import java.time.LocalDate;

/**
 * A field the app had changed since the last import, which an import replaced because the spreadsheet
 * changed it too (docs/CSV.md, "Re-import and the app"), or a field of a record created in the app that
 * a row of an import named.
 *
 * @param file the CSV file of the row
 * @param line the line of the row
 * @param record the record's key ({@code P05-O1-M2}; an engagement's {@code P05/R12})
 * @param column the CSV column
 * @param appValue what the app had written (null: empty)
 * @param appChangedOn the store's today of the app's last change to the record; null for a record no
 *     earlier import brought
 * @param importedValue what the import wrote (null: empty)
 */
public record ReplacedAppChange(String file, long line, String record, String column, String appValue,
                                LocalDate appChangedOn, String importedValue) {

    /** Characters of a value shown. */
    static final int MAX_VALUE_SHOWN = 100;

    /** Whether the record was created in the app (or stored before imports were remembered). */
    public boolean appCreated() {
        return appChangedOn == null;
    }

    /** {@code milestones.csv:14: P05-O1-M2 status: the app's 'done' (2026-06-15) replaced by 'in_progress'}. */
    public String message() {
        String was = appCreated() ? shown(appValue) + ", of a record no earlier import brought,"
                : "the app's " + shown(appValue) + " (" + appChangedOn + ")";
        return file + ":" + line + ": " + record + " " + column + ": " + was + " replaced by " + shown(importedValue);
    }

    private static String shown(String value) {
        if (value == null || value.isEmpty()) {
            return "(empty)";
        }
        return "'" + (value.length() <= MAX_VALUE_SHOWN ? value : value.substring(0, MAX_VALUE_SHOWN) + "...") + "'";
    }
}
