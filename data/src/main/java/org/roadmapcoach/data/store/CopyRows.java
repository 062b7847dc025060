package org.roadmapcoach.data.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL only ({@link Dialect#copiesNewRows}): the new rows of an import into a table its cohort has
 * no record of yet, sent with {@code COPY ... FROM STDIN} in its text format instead of batched INSERTs,
 * in the caller's transaction. The same rows reach the same columns as {@link Table#importInsertSql()}
 * writes them (imported = 1), each value as the text the INSERT would have bound (the server parses both
 * the same way, the bound ones being untyped), so that what is stored is the same.
 *
 * <p>Rows are gathered and sent one COPY per {@value #ROWS} rows, so that the connection is never left in
 * the middle of a COPY between two rows: another statement on it (the import's look-ups) waits for one
 * COPY at most, as it waits for a batch of INSERTs.
 */
final class CopyRows implements AutoCloseable {

    private static final int ROWS = 5_000;

    private final CopyManager copy;
    private final String sql;
    private final StringBuilder pending = new StringBuilder(1 << 20);
    private int rows;

    CopyRows(Connection connection, Table<?> table) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.sql = "COPY " + table.name() + " (cohort_id, " + String.join(", ", table.columns())
                + ", imported) FROM STDIN";
    }

    /** Adds the row of {@code cohortId} with {@code values} in the table's column order. */
    void add(String cohortId, List<Object> values) throws SQLException {
        field(cohortId);
        for (Object value : values) {
            pending.append('\t');
            field(value);
        }
        pending.append("\t1\n");
        if (++rows == ROWS) {
            flush();
        }
    }

    /** Sends the rows gathered so far. */
    void flush() throws SQLException {
        if (rows == 0) {
            return;
        }
        try {
            copy.copyIn(sql, new StringReader(pending.toString()));
        } catch (IOException e) {
            throw new SQLException("cannot send rows to PostgreSQL: " + e.getMessage(), e);
        }
        pending.setLength(0);
        rows = 0;
    }

    @Override
    public void close() throws SQLException {
        flush();
    }

    /** A value in COPY's text format: {@code \N} for null, else its text with backslash, tab and line ends escaped. */
    private void field(Object value) {
        if (value == null) {
            pending.append("\\N");
            return;
        }
        if (!(value instanceof String) && !(value instanceof Integer) && !(value instanceof Long)) {
            throw new IllegalArgumentException("a column value is a String, an Integer or null, not a "
                    + value.getClass().getName());
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> pending.append("\\\\");
                case '\t' -> pending.append("\\t");
                case '\n' -> pending.append("\\n");
                case '\r' -> pending.append("\\r");
                default -> pending.append(c);
            }
        }
    }
}
