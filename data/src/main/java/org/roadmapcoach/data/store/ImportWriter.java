package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes the rows of one file of an import, merging each with what is stored as docs/CSV.md, "Re-import
 * and the app", says, in the caller's transaction and in JDBC batches:
 * <ul>
 *   <li>a new record is inserted;</li>
 *   <li>a record the last import brought and the app has not changed since is replaced by the row;</li>
 *   <li>a record the app changed since the last import ({@link Baselines}) is merged field by field: a field
 *       whose imported value is the same as last time keeps the app's value, one whose imported value
 *       differs is the spreadsheet's, and where the app had changed it the change is reported replaced;</li>
 *   <li>a record created in the app that a row names becomes the row's, each differing field reported.</li>
 * </ul>
 * Rows that change nothing are not written. Into a table the cohort has no record of yet, every row is new:
 * on PostgreSQL those go with COPY ({@link CopyRows}). {@link #close()} writes what is still pending.
 *
 * @param <T> the domain record of one row
 */
public final class ImportWriter<T> implements AutoCloseable {

    /** What one file's rows did to the store. */
    public record Counts(long added, long updated, long unchanged, long appChangesKept) {
    }

    /** The replaced app changes kept per file; the rest are only counted. */
    public static final int MAX_REPLACED_KEPT = 1000;

    private static final int BATCH_SIZE = 500;

    private final Table<T> table;
    private final String cohortId;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    // Null when the cohort had no record of the table: every row is new, no look-up needed.
    private final PreparedStatement find;
    // Where the dialect copies new rows (PostgreSQL's COPY) and every row is new, they go there; else null.
    private final CopyRows copy;
    private final PreparedStatement keepBaseline;
    private final PreparedStatement dropBaseline;
    private final List<PreparedStatement> pending = new ArrayList<>();
    private final List<ReplacedAppChange> replaced = new ArrayList<>();
    private long replacedCount;
    private long added;
    private long updated;
    private long unchanged;
    private long kept;
    private int batched;

    /**
     * @param copyNewRows whether, when the cohort has no record of the table yet, its rows are sent with
     *     {@link CopyRows} ({@link Dialect#copiesNewRows}) rather than batched INSERTs
     */
    ImportWriter(Table<T> table, Connection connection, String cohortId, boolean copyNewRows) throws SQLException {
        this.table = table;
        this.cohortId = cohortId;
        boolean any;
        try (PreparedStatement probe = connection.prepareStatement(table.anySql())) {
            probe.setString(1, cohortId);
            try (ResultSet rows = probe.executeQuery()) {
                any = rows.next();
            }
        }
        this.insert = connection.prepareStatement(table.importInsertSql());
        this.update = connection.prepareStatement(table.importUpdateSql());
        this.find = any ? connection.prepareStatement(table.findWithBaselineSql()) : null;
        this.copy = !any && copyNewRows ? new CopyRows(connection, table) : null;
        this.keepBaseline = connection.prepareStatement("UPDATE import_baselines SET fields = ?"
                + " WHERE cohort_id = ? AND file = ? AND record_key = ?");
        this.dropBaseline = connection.prepareStatement("DELETE FROM import_baselines"
                + " WHERE cohort_id = ? AND file = ? AND record_key = ?");
    }

    /** Writes (or merges) the record of the row at {@code line}. */
    public void write(T record, long line) throws SQLException {
        List<Object> row = table.values(record);
        if (copy != null) {
            copy.add(cohortId, row);
            added++;
            return;
        }
        if (find == null) {
            insert(row);
            return;
        }
        List<Object> key = table.keyValues(record);
        String recordKey = Baselines.key(key);
        find.setString(1, recordKey);
        Baselines.bindKey(find, 2, cohortId, key);
        List<Object> stored;
        boolean imported;
        String baselineFields;
        LocalDate changedOn;
        try (ResultSet rows = find.executeQuery()) {
            if (!rows.next()) {
                insert(row);
                return;
            }
            stored = table.values(table.map(rows));
            imported = rows.getInt("imported") == 1;
            baselineFields = rows.getString("baseline_fields");
            changedOn = Columns.date(rows, "baseline_changed_on");
        }
        String name = ImportSync.name(key);
        if (!imported) {
            // Created in the app (or stored before imports were remembered): a row that names it is the record.
            for (int i = 0; i < row.size(); i++) {
                if (!same(row.get(i), stored.get(i))) {
                    replaced(new ReplacedAppChange(table.fileName(), line, name, table.columns().get(i),
                            Baselines.text(stored.get(i)), null, Baselines.text(row.get(i))));
                }
            }
            update(row, key);
            count(row, stored);
            return;
        }
        if (baselineFields == null) {
            // The record is what the last import brought: the row replaces it.
            if (sameAll(row, stored)) {
                unchanged++;
            } else {
                update(row, key);
                updated++;
            }
            return;
        }
        List<String> baseline = Baselines.decode(baselineFields);
        List<Object> merged = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            String last = baseline.get(i);
            boolean appChanged = !Objects.equals(Baselines.text(stored.get(i)), last);
            if (Objects.equals(Baselines.text(row.get(i)), last)) {
                merged.add(stored.get(i)); // the spreadsheet says what it said last time: the app's value stays
                kept += appChanged ? 1 : 0;
            } else {
                merged.add(row.get(i)); // the spreadsheet speaks
                if (appChanged && !same(row.get(i), stored.get(i))) {
                    replaced(new ReplacedAppChange(table.fileName(), line, name, table.columns().get(i),
                            Baselines.text(stored.get(i)), changedOn, Baselines.text(row.get(i))));
                }
            }
        }
        if (!sameAll(merged, stored)) {
            update(merged, key);
        }
        count(merged, stored);
        // This import is now the last one: its values are the copy, needed only while the record differs.
        if (sameAll(merged, row)) {
            bindBaseline(dropBaseline, 1, recordKey);
            batch(dropBaseline);
        } else {
            keepBaseline.setString(1, Baselines.encode(row));
            bindBaseline(keepBaseline, 2, recordKey);
            batch(keepBaseline);
        }
    }

    /** What the rows written so far did. */
    public Counts counts() {
        return new Counts(added, updated, unchanged, kept);
    }

    /** The app changes replaced, the first {@link #MAX_REPLACED_KEPT}. */
    public List<ReplacedAppChange> replaced() {
        return List.copyOf(replaced);
    }

    /** How many app changes were replaced in all. */
    public long replacedCount() {
        return replacedCount;
    }

    private void insert(List<Object> row) throws SQLException {
        bind(insert, row, 1);
        batch(insert);
        added++;
    }

    private void update(List<Object> values, List<Object> key) throws SQLException {
        int next = bind(update, values, 1);
        Baselines.bindKey(update, next, cohortId, key);
        batch(update);
    }

    private void count(List<Object> written, List<Object> stored) {
        if (sameAll(written, stored)) {
            unchanged++;
        } else {
            updated++;
        }
    }

    private int bind(PreparedStatement statement, List<Object> values, int first) throws SQLException {
        int index = first;
        if (statement == insert) {
            statement.setString(index++, cohortId);
        }
        for (Object value : values) {
            statement.setObject(index++, value);
        }
        return index;
    }

    private void bindBaseline(PreparedStatement statement, int first, String recordKey) throws SQLException {
        statement.setString(first, cohortId);
        statement.setString(first + 1, table.fileName());
        statement.setString(first + 2, recordKey);
    }

    private void replaced(ReplacedAppChange change) {
        if (++replacedCount <= MAX_REPLACED_KEPT) {
            replaced.add(change);
        }
    }

    private void batch(PreparedStatement statement) throws SQLException {
        statement.addBatch();
        if (!pending.contains(statement)) {
            pending.add(statement);
        }
        if (++batched == BATCH_SIZE) {
            flush();
        }
    }

    private void flush() throws SQLException {
        for (PreparedStatement statement : pending) {
            statement.executeBatch();
        }
        pending.clear();
        batched = 0;
    }

    private static boolean same(Object a, Object b) {
        return Objects.equals(Baselines.text(a), Baselines.text(b));
    }

    private static boolean sameAll(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
            if (copy != null) {
                copy.close();
            }
        } finally {
            try (PreparedStatement a = insert; PreparedStatement b = update; PreparedStatement d = keepBaseline;
                 PreparedStatement e = dropBaseline) {
                if (find != null) {
                    find.close();
                }
            }
        }
    }
}
