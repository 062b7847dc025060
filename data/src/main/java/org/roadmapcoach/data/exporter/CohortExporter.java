package org.roadmapcoach.data.exporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.Table;
import org.roadmapcoach.data.store.Tables;

/**
 * Writes a cohort as the nine CSV files of docs/CSV.md: every column in the spec's order, rows
 * in id order, lists {@code ;}-joined, dates ISO, an empty cell for no value, text that a spreadsheet
 * would run as a formula neutralised ({@link SpreadsheetFormulas}). Importing the files into an empty
 * store gives the same records back.
 */
public final class CohortExporter {

    // RFC 4180 (CRLF, quotes only where needed), UTF-8 without a byte-order mark.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

    /**
     * The number and date columns of the nine files, written as they are: a number such as -1.5 must stay
     * a number in a spreadsheet. Every other column is text (enumerated values never start with a formula
     * character). A number column missing here would only get a harmless ' that the importer drops.
     */
    static final Set<String> NOT_TEXT = Set.of("capacity_hours_per_month", "max_mentees", "cadence_days",
            "baseline", "target", "current", "minutes", "hours", "cost", "start_date", "end_date", "due_date",
            "last_reviewed", "last_progress", "completed_on", "date");

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Store store;

    public CohortExporter(Store store) {
        this.store = store;
    }

    /**
     * Writes the nine files into {@code dir} (created when missing), replacing files of the same name.
     *
     * @throws IllegalArgumentException when there is no such cohort
     * @throws UncheckedIOException when a file cannot be written
     */
    public void export(String cohortId, Path dir) {
        export(cohortId, dir, false);
    }

    /**
     * {@link #export(String, Path)}; with {@code forExcel} each file starts with a UTF-8 byte-order mark,
     * without which Excel reads UTF-8 as the machine's legacy code page (Zoë becomes ZoÃ«). Lines end with
     * CRLF either way, and the importer takes both back unchanged.
     */
    public void export(String cohortId, Path dir, boolean forExcel) {
        if (store.cohort(cohortId).isEmpty()) {
            throw new IllegalArgumentException("no cohort '" + cohortId + "'");
        }
        try {
            Files.createDirectories(dir);
            for (Table<?> table : Tables.ALL) {
                write(cohortId, table, dir.resolve(table.fileName()), forExcel);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export cohort '" + cohortId + "' to " + dir, e);
        }
    }

    private <T> void write(String cohortId, Table<T> table, Path file, boolean forExcel) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
            if (forExcel) {
                writer.write(BYTE_ORDER_MARK);
            }
            printer.printRecord(table.columns());
            List<String> columns = table.columns();
            store.forEachRecord(table, cohortId, record -> print(printer, columns, table.values(record)));
        }
    }

    private static void print(CSVPrinter printer, List<String> columns, List<Object> values) {
        String[] cells = new String[values.size()];
        for (int i = 0; i < cells.length; i++) {
            Object value = values.get(i);
            String cell = value == null ? "" : value.toString();
            cells[i] = NOT_TEXT.contains(columns.get(i)) ? cell : SpreadsheetFormulas.neutralise(cell);
        }
        try {
            printer.printRecord((Object[]) cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
