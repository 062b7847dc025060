package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Inserts or replaces records of one table and cohort in JDBC batches, in the caller's transaction.
 * {@link #close()} writes what is still pending.
 */
public final class Upsert<T> implements AutoCloseable {

    private static final int BATCH_SIZE = 500;

    private final Table<T> table;
    private final PreparedStatement statement;
    private final String cohortId;
    private int pending;

    Upsert(Table<T> table, Connection connection, String cohortId) throws SQLException {
        this.table = table;
        this.statement = connection.prepareStatement(table.upsertSql());
        this.cohortId = cohortId;
    }

    public void add(T record) throws SQLException {
        statement.setString(1, cohortId);
        List<Object> values = table.values(record);
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 2, values.get(i));
        }
        statement.addBatch();
        if (++pending == BATCH_SIZE) {
            flush();
        }
    }

    public void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            statement.close();
        }
    }
}
