package org.roadmapcoach.data.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one file of the CSV format row by row: strict UTF-8, RFC 4180, the header checked by name
 * ({@link ColumnNames}: any case and order, spaces and hyphens for {@code _}) and every row handed over
 * with the physical line it starts on, its cells checked against the {@link ImportLimits}. A file whose
 * header row has no comma but a {@code ;} or a tab is read with that delimiter, as spreadsheets set to
 * a decimal-comma locale save "CSV". Every problem with the input becomes an error of the report; only
 * the handler's database work may throw.
 */
final class CsvFileReader {

    /** Handles one row whose field count matches the header. */
    @FunctionalInterface
    interface RowHandler {
        void row(Row row) throws SQLException;
    }

    /**
     * @param rows the rows read (blank lines are not rows)
     * @param complete whether every row was handed over with its key column; when not, references to
     *     this file's ids cannot be judged
     */
    record Result(long rows, boolean complete) {
    }

    // Empty lines are kept so that line numbers can be counted exactly; blank rows are skipped below.
    // Spaces around a quoted value are dropped rather than turning "a, "b,c"" into a ragged row.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .get();
    /**
     * How far the header row is looked at for its delimiter. A header of CSV.md's columns is a few hundred
     * characters; past this the file is read as comma-separated, and its header judged as usual.
     */
    static final int DELIMITER_LOOKAHEAD = 64 * 1024;

    private final String file;
    private final List<String> columns;
    private final Set<String> required;
    private final List<String> key;
    private final ImportProblems problems;
    private final ImportBudget budget;
    private long rows;
    private boolean complete = true;

    private CsvFileReader(String file, List<String> columns, Set<String> required, List<String> key,
                          ImportProblems problems, ImportBudget budget) {
        this.file = file;
        this.columns = columns;
        this.required = required;
        this.key = key;
        this.problems = problems;
        this.budget = budget;
    }

    /**
     * Reads the file {@code source} opens, as the file named {@code file} with the given known, required
     * and key columns; its rows count against the import's {@code budget}.
     */
    static Result read(String file, IoSupplier<InputStream> source, List<String> columns, Set<String> required,
                       List<String> key, ImportProblems problems, ImportBudget budget, RowHandler handler)
            throws SQLException {
        CsvFileReader reader = new CsvFileReader(file, columns, required, key, problems, budget);
        reader.readAll(source, handler);
        return new Result(reader.rows, reader.complete);
    }

    private void readAll(IoSupplier<InputStream> source, RowHandler handler) throws SQLException {
        long line = 1;
        try (InputStream in = source.get()) {
            if (in == null) {
                fail(0, "cannot open the file");
                return;
            }
            // The look at the header row happens below the meter, so that each record is counted once.
            BufferedReader text = new BufferedReader(new StrictUtf8Reader(in), DELIMITER_LOOKAHEAD + 1);
            char delimiter = delimiter(text);
            if (delimiter != ',') {
                problems.warn(file + ": read as " + (delimiter == '\t' ? "tab" : String.valueOf(delimiter))
                        + "-separated (the header row has no comma)");
            }
            ImportBudget.RecordMeter meter = budget.recordMeter(text);
            CSVFormat format = delimiter == ',' ? FORMAT : FORMAT.builder().setDelimiter(delimiter).get();
            try (CSVParser parser = format.parse(meter)) {
                Iterator<CSVRecord> records = parser.iterator();
                if (!records.hasNext()) {
                    fail(1, "the file is empty; expected a header row with the columns " + String.join(", ", columns));
                    return;
                }
                CSVRecord first = records.next();
                if (isBlank(first)) {
                    fail(1, "the first line is blank; expected a header row with the columns "
                            + String.join(", ", columns));
                    return;
                }
                Header header = header(first);
                while (true) {
                    // The parser has consumed whole lines up to the previous record: this one starts on the next.
                    line = parser.getCurrentLineNumber() + 1;
                    meter.nextRecord();
                    if (!records.hasNext()) {
                        break;
                    }
                    CSVRecord record = records.next();
                    if (isBlank(record)) {
                        continue; // an empty line or a spreadsheet's row of empty cells
                    }
                    rows++;
                    if (!budget.addRow()) {
                        fail(line, budget.tooManyRows());
                        return;
                    }
                    if (record.size() != header.size()) {
                        problems.error(file, line, null, null, "expected " + header.size()
                                + " fields as in the header, found " + record.size() + (delimiter == ';'
                                && record.size() > header.size() ? " (this file is read as ;-separated: quote a"
                                + " value that holds a ;, such as a list: \"sql; java\")" : ""));
                        complete = false;
                        continue;
                    }
                    Row row = new Row(file, line, record, header, problems, budget.limits());
                    row.checkCells();
                    handler.row(row);
                }
            }
        } catch (UncheckedIOException e) {
            inputFailed(line, e.getCause());
        } catch (IOException e) {
            inputFailed(line, e);
        }
    }

    /**
     * The delimiter of the file: {@code ;} or a tab when its header row (up to the first line break
     * outside quotes) has no comma but has that; a comma otherwise. Leaves {@code text} where it was.
     */
    private static char delimiter(BufferedReader text) throws IOException {
        text.mark(DELIMITER_LOOKAHEAD);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < DELIMITER_LOOKAHEAD; i++) {
            int c = text.read();
            if (c < 0 || !quoted && (c == '\n' || c == '\r')) {
                break;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        text.reset();
        if (commas > 0 || semicolons == 0 && tabs == 0) {
            return ',';
        }
        return semicolons >= tabs ? ';' : '\t';
    }

    private Header header(CSVRecord record) {
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, Integer> firstPosition = new HashMap<>();
        boolean broken = false;
        for (int i = 0; i < record.size(); i++) {
            String written = record.get(i).strip();
            String name = ColumnNames.normalise(written);
            Integer earlier = firstPosition.putIfAbsent(name, i);
            if (name.isEmpty()) {
                problems.warn(file + ": column " + (i + 1) + " has no header name; its values are ignored");
            } else if (earlier != null) {
                problems.error(file, 1, name, null, "duplicate column: the header names it more than once, as "
                        + ImportProblems.quoted(record.get(earlier).strip()) + " (column " + (earlier + 1)
                        + ") and " + ImportProblems.quoted(written) + " (column " + (i + 1) + ")");
                broken = true;
            } else if (columns.contains(name)) {
                index.put(name, i);
            } else {
                String meant = ColumnNames.closest(name, columns);
                if (meant != null) {
                    // Within two edits of a column: a typo, whose values would be lost if it were ignored.
                    problems.error(file, 1, written, null, "unknown column " + ImportProblems.quoted(written)
                            + ": did you mean "
                            + ImportProblems.quoted(meant) + "?");
                } else {
                    problems.warn(file + ": unknown column " + ImportProblems.quoted(written) + " ignored");
                }
            }
        }
        for (String column : columns) {
            if (required.contains(column) && !index.containsKey(column)) {
                problems.error(file, 1, column, null, "missing required column; " + file + " needs the columns "
                        + String.join(", ", columns.stream().filter(required::contains).toList()));
                broken = true;
            }
        }
        if (!index.keySet().containsAll(key)) {
            complete = false;
        }
        return new Header(index, record.size(), broken);
    }

    private void inputFailed(long line, IOException cause) {
        if (cause instanceof InvalidUtf8Exception invalid) {
            fail(invalid.line(), "invalid UTF-8: save the file as UTF-8 (CSV UTF-8 in a spreadsheet)");
        } else if (cause instanceof InputLimitException limit) {
            fail(line, limit.getMessage());
        } else if (cause instanceof CSVException) {
            fail(line, malformed(cause.getMessage()));
        } else {
            fail(0, "cannot read the file: " + cause.getMessage());
        }
    }

    // The parser's messages name its internals; say what a person should look for instead.
    private static String malformed(String message) {
        String text = String.valueOf(message);
        if (text.contains("EOF reached before encapsulated token finished")) {
            return "a quoted value is never closed: expected a closing \" before the end of the file";
        }
        if (text.contains("Invalid character between encapsulated token and delimiter")) {
            return "unexpected text after a closing quote: expected a comma or the end of the line"
                    + " (write a quote inside a quoted value as \"\")";
        }
        return "malformed CSV: " + text;
    }

    /** A file-level error: the rest of the file cannot be read. */
    private void fail(long line, String reason) {
        problems.error(file, line, null, null, reason);
        complete = false;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The header: column name (as in CSV.md) to field index. */
    record Header(Map<String, Integer> index, int size, boolean broken) {
    }
}
