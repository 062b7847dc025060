package org.roadmapcoach.data.importer;

import java.util.List;
import java.util.Locale;

/**
 * Header names as spreadsheets write them (docs/CSV.md, "Reading what spreadsheets really write"): a
 * header is a column when it equals the column's name after trimming, lower-casing and turning spaces
 * and hyphens into {@code _} ({@code Start Date}, {@code mentee-id}, {@code MENTEE_ID}); an unknown one
 * within {@link #MAX_EDITS} edits of a column is taken for a typo of it.
 */
final class ColumnNames {

    /** The Levenshtein distance, on normalised names, within which an unknown header is a typo of a column. */
    static final int MAX_EDITS = 2;

    private ColumnNames() {
    }

    /** {@code " Start Date "} and {@code "start-date"} are {@code start_date}. */
    static String normalise(String header) {
        String lower = header.strip().toLowerCase(Locale.ROOT);
        StringBuilder name = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            // A non-breaking space, as spreadsheets paste it, is a space too.
            name.append(c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c) ? '_' : c);
        }
        return name.toString();
    }

    /**
     * The column of {@code columns} nearest to {@code name} (normalised), if it is within
     * {@link #MAX_EDITS} edits; the first in the columns' order on a tie; null when none is.
     */
    static String closest(String name, List<String> columns) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String column : columns) {
            int distance = distance(name, column, bestDistance - 1);
            if (distance < bestDistance) {
                best = column;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * The Levenshtein distance of {@code a} and {@code b} when it is at most {@code max}, otherwise
     * something larger: a header may be of any length, so the lengths are compared first.
     */
    static int distance(String a, String b, int max) {
        if (max < 0 || Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
