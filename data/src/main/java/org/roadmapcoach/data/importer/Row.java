package org.roadmapcoach.data.importer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;
import org.roadmapcoach.data.exporter.SpreadsheetFormulas;
import org.roadmapcoach.data.record.RecordFields;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.engine.roadmap.Dates;
import org.roadmapcoach.engine.roadmap.Stage;

/**
 * One row of a CSV file, read by column name with the general rules of CSV.md: values trimmed, an
 * empty (or blank) cell is no value, strict ISO dates, case-insensitive enumerated values, lists
 * split on {@code ;}, the {@code '} our CSV exports put before formula text dropped again. Each
 * accessor reports what is wrong as an error of this row and returns null.
 */
final class Row implements RecordFields {

    /** No exponents or thousands separators: {@code 2}, {@code 1.5}, {@code -3}, {@code .25}. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    static final String REQUIRED = "a value is required";

    private final String file;
    private final long line;
    private final CSVRecord record;
    private final CsvFileReader.Header header;
    private final ImportProblems problems;
    private final ImportLimits limits;
    // Cells that broke a limit: read as absent, so that no later check repeats a huge or binary value.
    private final Set<String> rejected = new HashSet<>();
    private int errors;

    Row(String file, long line, CSVRecord record, CsvFileReader.Header header, ImportProblems problems,
        ImportLimits limits) {
        this.file = file;
        this.line = line;
        this.record = record;
        this.header = header;
        this.problems = problems;
        this.limits = limits;
    }

    long line() {
        return line;
    }

    /**
     * Whether the row may become a record: no error in it and a usable header (a missing column is
     * reported once for the file, not on every row).
     */
    boolean ok() {
        return errors == 0 && !header.broken();
    }

    void error(String column, String value, String reason) {
        errors++;
        problems.error(file, line, column, value, reason);
    }

    /**
     * Checks every known cell against the limits once, before it is read: ids ({@code id} and
     * {@code *_id} columns) and other text have a most length, and no cell may hold a NUL character,
     * which is not text (SQLite's text functions stop at it). A cell that fails is then read as absent.
     */
    void checkCells() {
        for (var column : header.index().entrySet()) {
            String name = column.getKey();
            String value = record.get(column.getValue());
            boolean id = name.equals("id") || name.endsWith("_id");
            int max = id ? limits.maxIdChars() : limits.maxTextChars();
            // length() counts UTF-16 units: count characters (code points) only when it might matter.
            if (value.length() > max) {
                String text = value.strip();
                int length = text.codePointCount(0, text.length());
                if (length > max) {
                    error(name, text, (id ? "an id" : "a value") + " of " + length + " characters; at most " + max
                            + " are allowed");
                    rejected.add(name);
                    continue;
                }
            }
            if (value.indexOf('\0') >= 0) {
                error(name, null, "a NUL character (byte 0) is not text: is this a binary file?");
                rejected.add(name);
            }
        }
    }

    /**
     * The trimmed value, or null when the cell is blank, broke a limit or the column is absent; a
     * {@code '} that an export put before formula text is dropped ({@link SpreadsheetFormulas#restore}).
     */
    @Override
    public String text(String column) {
        Integer index = header.index().get(column);
        if (index == null || rejected.contains(column)) {
            return null;
        }
        String value = record.get(index).strip();
        return value.isEmpty() ? null : SpreadsheetFormulas.restore(value);
    }

    /** The value of a required column: an error when blank (a missing column was reported with the header). */
    @Override
    public String required(String column) {
        String value = text(column);
        if (value == null && header.index().containsKey(column) && !rejected.contains(column)) {
            error(column, null, REQUIRED);
        }
        return value;
    }

    @Override
    public LocalDate date(String column, boolean required) {
        String text = required ? required(column) : text(column);
        if (text == null) {
            return null;
        }
        try {
            return Dates.parse(text);
        } catch (DateTimeException e) {
            error(column, text, "expected a date as yyyy-MM-dd");
            return null;
        }
    }

    /** An enumerated value in any case; {@code fallback} when blank and not required. */
    @Override
    public <E extends Enum<E> & Coded> E code(String column, Class<E> type, E fallback, boolean required) {
        String text = required ? required(column) : text(column);
        if (text == null) {
            return required ? null : fallback;
        }
        try {
            return Coded.parse(type, text);
        } catch (IllegalArgumentException e) {
            error(column, text, "expected one of: " + Coded.allowed(type));
            return null;
        }
    }

    @Override
    public BigDecimal decimal(String column) {
        return decimal(column, true);
    }

    @Override
    public BigDecimal signedDecimal(String column) {
        return decimal(column, false);
    }

    /** An exact decimal; with {@code nonNegative}, 0 or more. */
    BigDecimal decimal(String column, boolean nonNegative) {
        String text = text(column);
        if (text == null) {
            return null;
        }
        if (tooLong(column, text)) {
            return null;
        }
        BigDecimal value = NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
        if (value != null && (value.scale() > MAX_DIGITS || value.precision() - value.scale() > MAX_DIGITS)) {
            error(column, text, "expected a number with at most " + MAX_DIGITS + " digits before and after the point");
            return null;
        }
        if (value == null || nonNegative && value.signum() < 0) {
            error(column, text, nonNegative ? "expected a number, 0 or more, such as 2 or 1.5"
                    : "expected a number such as 2 or 1.5");
            return null;
        }
        return value;
    }

    /** A whole number from {@code min} to {@code max} ({@code 2.0} counts); {@code fallback} when blank. */
    @Override
    public Integer whole(String column, int min, int max, Integer fallback) {
        String text = text(column);
        if (text == null) {
            return fallback;
        }
        if (tooLong(column, text)) {
            return null;
        }
        BigDecimal value = NUMBER.matcher(text).matches() ? new BigDecimal(text) : null;
        if (value == null || value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            error(column, text, max == Integer.MAX_VALUE ? "expected a whole number, " + min + " or more"
                    : "expected a whole number from " + min + " to " + max);
            return null;
        }
        return value.intValueExact();
    }

    /**
     * A number of more characters than a sign, {@value #MAX_DIGITS} digits, a point and {@value #MAX_DIGITS} more
     * is an error before it is parsed: a number's text is parsed in time that grows with the square of its
     * length, and a cell may hold 10,000 characters.
     */
    private boolean tooLong(String column, String text) {
        int most = 2 * MAX_DIGITS + 2;
        if (text.length() > most) {
            error(column, text, "a number of " + text.length() + " characters; at most " + most + " are allowed");
            return true;
        }
        return false;
    }

    /**
     * A {@code ;}-separated list: items trimmed and lower-case, empty items and repeats dropped; more
     * items than the limit is an error.
     */
    List<String> list(String column) {
        String text = text(column);
        if (text == null) {
            return List.of();
        }
        Set<String> items = new LinkedHashSet<>();
        for (String item : text.split(";")) {
            String trimmed = item.strip().toLowerCase(Locale.ROOT);
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        if (items.size() > limits.maxListItems()) {
            error(column, text, "a list of " + items.size() + " items; at most " + limits.maxListItems()
                    + " are allowed");
        }
        return List.copyOf(items);
    }

    /** A list that must have at least one item. */
    List<String> requiredList(String column, String itemName) {
        String text = required(column);
        List<String> items = list(column);
        if (text != null && items.isEmpty()) {
            error(column, text, "expected at least one " + itemName + " (separate several with ;)");
        }
        return items;
    }

    /** A {@code ;}-separated list of stages; empty when blank. */
    List<Stage> stages(String column) {
        List<Stage> stages = new ArrayList<>();
        for (String item : list(column)) {
            try {
                Stage stage = Coded.parse(Stage.class, item);
                if (!stages.contains(stage)) {
                    stages.add(stage);
                }
            } catch (IllegalArgumentException e) {
                error(column, text(column), "'" + item + "' is not a stage; expected a ;-separated list of: "
                        + Coded.allowed(Stage.class));
            }
        }
        return stages;
    }
}
