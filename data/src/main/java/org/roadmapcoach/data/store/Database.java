package org.roadmapcoach.data.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one holder of connections and transactions of a database, SQLite or PostgreSQL (its {@link Dialect}):
 * reads borrow a connection from a pool (opening one, and SQLite's parsing of the schema on its first
 * statement, cost more than most reads), writes take turns, and what commits is seen by the
 * {@link CommitWatcher}. Thread-safe. SQL failures surface as {@link StoreAccessException}.
 */
public final class Database implements AutoCloseable {

    /**
     * How long a write waits for its turn behind this process's other writers before it gives up with
     * {@link StoreBusyException} (an HTTP 503 with Retry-After): never a hang. Tests open stores that wait less. A health check writes in
     * short transactions, so only an import of a very large cohort holds writers back for long.
     */
    static final long WRITE_TURN_MILLIS = 30_000;

    private final Dialect dialect;
    // SQLite: held open for the database's life: when the last connection to a WAL database closes, SQLite
    // checkpoints and deletes the WAL, which would otherwise happen after every single call. Else null.
    private final Connection keepAlive;
    // This process's writers take turns here, first come first served. Left to SQLite's busy handler,
    // which retries every 100 ms, a writer under load can lose every race until its timeout ends in
    // SQLITE_BUSY; the busy timeout now only waits for writers of other processes.
    private final ReentrantLock writeTurn = new ReentrantLock(true);
    /** Idle read connections, the most recently used first; at most {@link Dialect#idleReaders()}. */
    private final BlockingDeque<Reader> idleReaders;
    /** Reads running at once, at most: on PostgreSQL as many as the connections kept; on SQLite unbounded. */
    private final Semaphore readTurns;
    /** How many reads this thread runs, one within another. */
    private final ThreadLocal<int[]> readDepth = ThreadLocal.withInitial(() -> new int[1]);
    /** The write connection kept between transactions when the dialect pools writers (one: writers take turns). */
    private Connection idleWriter;
    private final CommitWatcher commits;
    private volatile boolean closed;

    private final long writeTurnMillis;

    private Database(Dialect dialect, Connection keepAlive, long writeTurnMillis) {
        this.writeTurnMillis = writeTurnMillis;
        this.dialect = dialect;
        this.keepAlive = keepAlive;
        this.idleReaders = new LinkedBlockingDeque<>(dialect.idleReaders());
        this.readTurns = new Semaphore(dialect.boundsReaders() ? dialect.idleReaders() : Integer.MAX_VALUE);
        this.commits = dialect.commitWatcher(this);
    }

    /** Opens (creating it and its folders when missing) the database at {@code file}, migrated to the latest schema. */
    static Database open(Path file, int busyTimeoutMillis, long writeTurnMillis) {
        return open(new SqliteDialect(file, busyTimeoutMillis), writeTurnMillis);
    }

    /** Whether this is a PostgreSQL database (several processes may share it), not a SQLite file. */
    boolean isPostgreSQL() {
        return dialect instanceof PostgresDialect;
    }

    /** Opens the database of {@code dialect}, migrated to the latest schema. */
    static Database open(Dialect dialect, long writeTurnMillis) {
        try {
            return new Database(dialect, dialect.open(), writeTurnMillis);
        } catch (SQLException e) {
            throw new StoreAccessException("cannot open the database " + dialect.describe() + ": " + e.getMessage(), e);
        }
    }

    /** The SQLite file, or null for a database that is not one. */
    Path file() {
        return dialect instanceof SqliteDialect sqlite ? sqlite.file() : null;
    }

    /** The file, or the URL without its password. */
    String describe() {
        return dialect.describe();
    }

    /** A new connection, configured like every other (foreign keys on, busy timeout); the caller closes it. */
    Connection connect() {
        try {
            return dialect.connect(false);
        } catch (SQLException e) {
            throw new StoreAccessException("cannot connect to " + dialect.describe() + ": " + e.getMessage(), e);
        }
    }

    /** See {@link Store#inTransaction}. */
    <T> T inTransaction(SqlWork<T> work) {
        if (closed) {
            throw new StoreAccessException("the store of " + dialect.describe() + " is closed", null);
        }
        boolean turn;
        try {
            turn = writeTurn.tryLock(writeTurnMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreAccessException("interrupted while waiting to write to " + dialect.describe(), e);
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
        Connection connection = null;
        boolean reusable = false;
        try {
            connection = idleWriter != null ? idleWriter : dialect.connect(true);
            idleWriter = null;
            connection.setAutoCommit(false);
            try {
                dialect.beginWrite(connection);
                T result = work.run(connection);
                connection.commit();
                commits.unpin(); // what this thread reads next must see its own commit
                reusable = true;
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (dialect.isBusy(e)) {
                throw new StoreBusyException("the database is busy with another program's writes; nothing was"
                        + " written", e);
            }
            throw new StoreAccessException("database update failed: " + e.getMessage(), e);
        } finally {
            if (connection != null) {
                if (reusable && dialect.poolsWriters() && !closed) {
                    idleWriter = connection;
                } else {
                    closeQuietly(connection);
                }
            }
        }
    }

    CommitWatcher commits() {
        return commits;
    }

    /** See {@link Store#read}. */
    <T> T read(SqlWork<T> work) {
        return borrow(reader -> work.run(reader.connection));
    }

    /** See {@link Store#query}. */
    <T> T query(String sql, Store.StatementWork<T> work) {
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

    /** See {@link Dialect#copiesNewRows}. */
    boolean copiesNewRows() {
        return dialect.copiesNewRows();
    }

    /** See {@link Store#checkpoint}. */
    void checkpoint() {
        read(connection -> {
            dialect.checkpoint(connection);
            return null;
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
            throw new StoreAccessException("the store of " + dialect.describe() + " is closed", null);
        }
        // A read within a read of the same thread does not wait (the thread holds a turn already), nor does
        // a read within a write (readers waiting for that write would never give their turns back).
        boolean outermost = readDepth.get()[0]++ == 0 && !writeTurn.isHeldByCurrentThread();
        try {
            if (outermost) {
                awaitReadTurn();
            }
            try {
                return borrowConnection(work);
            } finally {
                if (outermost) {
                    readTurns.release();
                }
            }
        } finally {
            readDepth.get()[0]--;
        }
    }

    /**
     * Waits until fewer than the dialect's {@link Dialect#idleReaders()} reads run (none on SQLite), so that
     * every read finds a connection open: opening one is a new PostgreSQL process and a password exchange,
     * milliseconds of CPU on both sides, where the read itself is a fraction of one.
     */
    private void awaitReadTurn() {
        try {
            if (!readTurns.tryAcquire(writeTurnMillis, TimeUnit.MILLISECONDS)) {
                throw new StoreBusyException("the database " + dialect.describe() + " is busy with other reads", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreAccessException("interrupted while waiting to read " + dialect.describe(), e);
        }
    }

    private <T> T borrowConnection(ReaderWork<T> work) {
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
        writeTurn.lock(); // a write running now keeps its connection until it ends
        try {
            if (idleWriter != null) {
                closeQuietly(idleWriter);
                idleWriter = null;
            }
        } finally {
            writeTurn.unlock();
        }
        if (keepAlive != null) {
            try {
                keepAlive.close();
            } catch (SQLException e) {
                throw new StoreAccessException("cannot close " + dialect.describe(), e);
            }
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
