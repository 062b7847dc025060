package org.roadmapcoach.data.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.roadmapcoach.engine.roadmap.Coded;

/**
 * The values of one record as given, by column name (the CSV's, in snake_case): a CSV row and a JSON
 * body alike. Each read checks its value with the rules of CSV.md (blank is no value, strict ISO dates,
 * enumerated values in any case, numbers 0 or more), keeps what is wrong as an error of the record
 * naming the column (or the JSON field) and returns null, so that every error is found at once.
 */
public interface RecordFields {

    /** Digits of a number before its point at most, and after it: a CSV cell and a JSON body alike. */
    int MAX_DIGITS = 15;

    /** The trimmed text, or null when absent or blank. */
    String text(String column);

    /** The text of a required column: an error when absent or blank. */
    String required(String column);

    LocalDate date(String column, boolean required);

    /** An enumerated value in any case; {@code fallback} when absent and not required. */
    <E extends Enum<E> & Coded> E code(String column, Class<E> type, E fallback, boolean required);

    /** An exact decimal, 0 or more; null when absent. */
    BigDecimal decimal(String column);

    /** An exact decimal of any sign (an objective's baseline, target, current); null when absent. */
    BigDecimal signedDecimal(String column);

    /** A whole number from {@code min} to {@code max}; {@code fallback} when absent. */
    Integer whole(String column, int min, int max, Integer fallback);

    /**
     * The field name of a CSV column in a JSON body or a web form: {@code feedback_to_mentee} is
     * {@code feedbackToMentee}; camelCase stays. One spelling for both faces.
     */
    static String fieldName(String column) {
        StringBuilder field = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }
}
