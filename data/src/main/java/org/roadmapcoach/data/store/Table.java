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
