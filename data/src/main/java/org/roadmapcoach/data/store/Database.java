package org.roadmapcoach.data.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The one holder of connections and transactions of a SQLite database: reads borrow a connection from a
 * pool (opening one, and SQLite's parsing of the schema on its first statement, cost more than most
 * reads), writes take turns, each on a new connection, and what commits is seen by the
 * {@link CommitWatcher}. Thread-safe. SQL failures surface as {@link StoreAccessException}.
 */
public final class Database implements AutoCloseable {

    /**
     * Read connections kept open between reads: one for each request a busy server answers at once (50
     * concurrent clients), or connections would be closed and opened again all the time.
     */
    private static final int IDLE_READERS = 64;

    /**
     * How long a write waits for its turn behind this process's other writers before it gives up with
     * {@link StoreBusyException} (an HTTP 503 with Retry-After): never a hang. Tests open stores that wait less. A health check writes in
     * short transactions, so only an import of a very large cohort holds writers back for long.
     */
    static final long WRITE_TURN_MILLIS = 30_000;

    private final Path file;
    private final int busyTimeoutMillis;
    // Held open for the database's life: when the last connection to a WAL database closes, SQLite
    // checkpoints and deletes the WAL, which would otherwise happen after every single call.
    private final Connection keepAlive;
    // This process's writers take turns here, first come first served. Left to SQLite's busy handler,
    // which retries every 100 ms, a writer under load can lose every race until its timeout ends in
    // SQLITE_BUSY; the busy timeout now only waits for writers of other processes.
    private final ReentrantLock writeTurn = new ReentrantLock(true);
    /** Idle read connections, the most recently used first; at most {@link #IDLE_READERS}. */
    private final BlockingDeque<Reader> idleReaders = new LinkedBlockingDeque<>(IDLE_READERS);
    private final CommitWatcher commits;
    private volatile boolean closed;

    private final long writeTurnMillis;

    private Database(Path file, Connection keepAlive, int busyTimeoutMillis, long writeTurnMillis) {
        this.writeTurnMillis = writeTurnMillis;
        this.file = file;
        this.keepAlive = keepAlive;
        this.busyTimeoutMillis = busyTimeoutMillis;
        this.commits = new CommitWatcher(this::connect);
    }

    /** Opens (creating it and its folders when missing) the database at {@code file}, migrated to the latest schema. */
    static Database open(Path file, int busyTimeoutMillis, long writeTurnMillis) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreAccessException("cannot create the folder of " + file, e);
        }
        try {
            Connection keepAlive = SqliteDialect.connect(file, true, busyTimeoutMillis);
            try {
                Migrations.apply(keepAlive);
            } catch (SQLException | RuntimeException e) {
                keepAlive.close();
                throw e;
            }
            return new Database(file, keepAlive, busyTimeoutMillis, writeTurnMillis);
        } catch (SQLException e) {
            throw new StoreAccessException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** A new connection, configured like every other (foreign keys on, busy timeout); the caller closes it. */
    Connection connect() {
        try {
            return SqliteDialect.connect(file, false, busyTimeoutMillis);
        } catch (SQLException e) {
            throw new StoreAccessException("cannot connect to " + file, e);
        }
    }

    /** See {@link SqliteStore#inTransaction}. */
    <T> T inTransaction(SqlWork<T> work) {
        if (closed) {
            throw new StoreAccessException("the store of " + file + " is closed", null);
        }
        boolean turn;
        try {
            turn = writeTurn.tryLock(writeTurnMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreAccessException("interrupted while waiting to write to " + file, e);
        }
        if (!turn) {
            throw new StoreBusyException("the database is busy with other writes; nothing was written", null);
        }
        try {
            return transaction(work);
        } finally {
            writeTurn.unlock();
        }
    }

    private <T> T transaction(SqlWork<T> work) {
        try (Connection connection = SqliteDialect.connect(file, true, busyTimeoutMillis)) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                commits.unpin(); // what this thread reads next must see its own commit
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (e instanceof SQLiteException sqlite && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_BUSY
                    || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_LOCKED)) {
                throw new StoreBusyException("the database is busy with another program's writes; nothing was"
                        + " written", e);
            }
            throw new StoreAccessException("database update failed: " + e.getMessage(), e);
        }
    }

    CommitWatcher commits() {
        return commits;
    }

    /** See {@link SqliteStore#read}. */
    <T> T read(SqlWork<T> work) {
        return borrow(reader -> work.run(reader.connection));
    }

    /** See {@link SqliteStore#query}. */
    <T> T query(String sql, SqliteStore.StatementWork<T> work) {
        return borrow(reader -> {
            PreparedStatement statement = reader.statements.get(sql);
            if (statement == null) {
                statement = reader.connection.prepareStatement(sql);
                reader.statements.put(sql, statement);
            }
            try {
                return work.run(statement);
            } finally {
                statement.clearParameters();
            }
        });
    }

    /** A pooled read connection and the statements prepared on it, which die with it. */
    private record Reader(Connection connection, Map<String, PreparedStatement> statements) {
    }

    private interface ReaderWork<T> {
        T run(Reader reader) throws SQLException;
    }

    private <T> T borrow(ReaderWork<T> work) {
        if (closed) {
            throw new StoreAccessException("the store of " + file + " is closed", null);
        }
        Reader reader = idleReaders.pollFirst();
        if (reader == null) {
            reader = new Reader(connect(), new HashMap<>());
        }
        boolean reusable = false;
        try {
            T result = work.run(reader);
            if (!reader.connection.getAutoCommit()) {
                reader.connection.rollback();
                reader.connection.setAutoCommit(true);
            }
            reusable = true;
            return result;
        } catch (SQLException e) {
            throw new StoreAccessException("database read failed: " + e.getMessage(), e);
        } finally {
            // A connection whose work failed may be in any state: it is closed, not reused.
            if (!reusable || closed || !idleReaders.offerFirst(reader)) {
                closeQuietly(reader.connection);
            } else if (closed) { // closed while this read ran: its connection must not outlive the store
                closeIdleReaders();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeIdleReaders();
        commits.close();
        try {
            keepAlive.close();
        } catch (SQLException e) {
            throw new StoreAccessException("cannot close " + file, e);
        }
    }

    private void closeIdleReaders() {
        for (Reader idle = idleReaders.poll(); idle != null; idle = idleReaders.poll()) {
            closeQuietly(idle.connection);
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to do with it
        }
    }
}
