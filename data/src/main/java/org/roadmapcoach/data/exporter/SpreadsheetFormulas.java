package org.roadmapcoach.data.exporter;

/**
 * Keeps text from running as a formula when a CSV we write is opened in a spreadsheet (CSV or formula
 * injection): a text cell that starts with {@code = + - @}, a tab or a carriage return gets a leading
 * {@code '}, which spreadsheets show as text. The store keeps the text exactly as given; only CSV
 * output is neutralised, and only text columns (numbers and dates are written as they are, so
 * {@code -1.5} stays a number).
 *
 * <p>The importer undoes exactly this, so that export then import gives the same store: a cell of one or
 * more {@code '} followed by one of those characters loses one {@code '}. Text that itself starts
 * with such a run of quotes gets one more on export, so it too comes back unchanged.
 */
public final class SpreadsheetFormulas {

    private SpreadsheetFormulas() {
    }

    /** {@code text} safe to open in a spreadsheet: {@code '=1+1} for {@code =1+1}; null stays null. */
    public static String neutralise(String text) {
        return startsFormula(text) ? "'" + text : text;
    }

    /** Undoes {@link #neutralise}: {@code =1+1} for {@code '=1+1}; anything else is returned as it is. */
    public static String restore(String text) {
        // The first character decides quickly for almost every cell.
        return text != null && !text.isEmpty() && text.charAt(0) == '\'' && startsFormula(text)
                ? text.substring(1) : text;
    }

    /** Whether {@code text} is (after any leading quotes) a cell a spreadsheet would evaluate. */
    private static boolean startsFormula(String text) {
        if (text == null) {
            return false;
        }
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\'') {
            i++;
        }
        if (i == text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
