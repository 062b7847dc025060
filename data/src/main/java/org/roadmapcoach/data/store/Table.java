package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One file of the CSV format and the table that holds it: the columns in CSV order (also the column
 * names of the table, which adds {@code cohort_id}), the key within a cohort, the row mapper and the
 * column values of a record. Import, export and the store all work from this one description.
 *
 * @param <T> the domain record of one row
 */
public final class Table<T> {

    /** Reads the current row by column name. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    /** The column values of a record in {@link #columns()} order: String, Integer or null. */
    @FunctionalInterface
    interface Values<T> {
        List<Object> of(T record);
    }

    private final String fileName;
    private final String name;
    private final List<String> columns;
    private final List<String> key;
    private final RowMapper<T> mapper;
    private final Values<T> values;

    Table(String fileName, String name, List<String> columns, List<String> key, RowMapper<T> mapper,
          Values<T> values) {
        this.fileName = fileName;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.key = List.copyOf(key);
        this.mapper = mapper;
        this.values = values;
    }

    /** The CSV file name, e.g. {@code reciprocity.csv}. */
    public String fileName() {
        return fileName;
    }

    /** The SQL table name, e.g. {@code reciprocity_entries}. */
    public String name() {
        return name;
    }

    /** The CSV columns in CSV.md's order. */
    public List<String> columns() {
        return columns;
    }

    /** The columns that identify a record within its cohort. */
    public List<String> key() {
        return key;
    }

    /** The values of {@code record} in {@link #columns()} order: String, Integer or null. */
    public List<Object> values(T record) {
        return values.of(record);
    }

    /** A batch writer that inserts or replaces records of {@code cohortId}, in the caller's transaction. */
    public Upsert<T> upsert(Connection connection, String cohortId) throws SQLException {
        return new Upsert<>(this, connection, cohortId, false);
    }

    /**
     * {@link #upsert}, for a caller that never adds two records with the same key (the importer rejects
     * duplicates): when the cohort has no record of this table yet, nothing can conflict, and the rows are
     * written as plain inserts, which SQLite does without the statement journal an upsert needs.
     */
    public Upsert<T> upsertDistinct(Connection connection, String cohortId) throws SQLException {
        return new Upsert<>(this, connection, cohortId, true);
    }

    /** {@code INSERT} of a row, with the cohort first. */
    String insertSql() {
        return "INSERT INTO " + name + " (cohort_id, " + String.join(", ", columns) + ") VALUES (?"
                + ", ?".repeat(columns.size()) + ")";
    }

    /** The values of {@code record}'s key columns, in {@link #key()} order. */
    public List<Object> keyValues(T record) {
        List<Object> all = values(record);
        return key.stream().map(column -> all.get(columns.indexOf(column))).toList();
    }

    /** {@code INSERT} of a row an import brings (imported = 1, 009_import_baseline.sql). */
    String importInsertSql() {
        return "INSERT INTO " + name + " (cohort_id, " + String.join(", ", columns) + ", imported) VALUES (?"
                + ", ?".repeat(columns.size()) + ", 1)";
    }

    /** {@code UPDATE} of every column of a stored row to what an import merged; the cohort and key last. */
    String importUpdateSql() {
        return "UPDATE " + name + " SET " + columns.stream().map(column -> column + " = ?")
                .collect(Collectors.joining(", ")) + ", imported = 1 WHERE " + keyCondition();
    }

    /** The stored row of a key, with the copy of its last import if the app changed it since (import_baselines). */
    String findWithBaselineSql() {
        return "SELECT t.*, b.fields AS baseline_fields, b.app_changed_on AS baseline_changed_on FROM " + name
                + " t LEFT JOIN import_baselines b ON b.cohort_id = t.cohort_id AND b.file = '" + fileName
                + "' AND b.record_key = ? WHERE " + key.stream().map(column -> "t." + column + " = ?")
                .collect(Collectors.joining(" AND ", "t.cohort_id = ? AND ", ""));
    }

    /** The stored row of a key: the cohort, then the key's values. */
    String findSql() {
        return "SELECT * FROM " + name + " WHERE " + keyCondition();
    }

    /** {@code DELETE} of a row by key: the cohort, then the key's values. */
    String deleteSql() {
        return "DELETE FROM " + name + " WHERE " + keyCondition();
    }

    /** {@code cohort_id = ? AND id = ?}: the cohort, then the key's values. */
    String keyCondition() {
        return key.stream().map(column -> column + " = ?").collect(Collectors.joining(" AND ", "cohort_id = ? AND ",
                ""));
    }

    /** Whether the cohort has any record of this table. */
    String anySql() {
        return "SELECT 1 FROM " + name + " WHERE cohort_id = ? LIMIT 1";
    }

    T map(ResultSet rows) throws SQLException {
        return mapper.map(rows);
    }

    /**
     * {@code INSERT ... ON CONFLICT DO UPDATE}, never {@code INSERT OR REPLACE}: replace deletes the row
     * first, which would break (or cascade to) the records that reference it.
     */
    String upsertSql() {
        String updates = columns.stream().filter(column -> !key.contains(column))
                .map(column -> column + " = excluded." + column).collect(Collectors.joining(", "));
        return insertSql() + " ON CONFLICT (cohort_id, " + String.join(", ", key) + ") DO UPDATE SET " + updates;
    }

    /** Every row of a cohort in key order. */
    String selectCohortSql() {
        return "SELECT * FROM " + name + " WHERE cohort_id = ? ORDER BY " + String.join(", ", key);
    }

    String countSql() {
        return "SELECT COUNT(*) FROM " + name + " WHERE cohort_id = ?";
    }

    @Override
    public String toString() {
        return fileName;
    }
}
