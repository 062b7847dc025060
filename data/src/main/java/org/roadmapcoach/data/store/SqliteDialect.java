package org.roadmapcoach.data.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The SQLite-only statements (PRAGMAs, connection settings, checkpoints, the schema version kept in
 * the header), behind which the PostgreSQL store adds its own; the repositories' SQL is portable.
 */
final class SqliteDialect implements Dialect {

    /**
     * How long a connection waits for a writer of another process before giving up with SQLITE_BUSY:
     * long enough for {@code coach import} of a large cohort while {@code coach serve} answers writes.
     * Writers of one process never wait here: {@link Database#inTransaction} takes them in turn.
     */
    static final int BUSY_TIMEOUT_MILLIS = 60_000;

    /** Read connections kept open: one for each request a busy server answers at once (50 concurrent clients). */
    private static final int IDLE_READERS = 64;

    private final Path file;
    private final int busyTimeoutMillis;

    SqliteDialect(Path file, int busyTimeoutMillis) {
        this.file = file;
        this.busyTimeoutMillis = busyTimeoutMillis;
    }

    Path file() {
        return file;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public Connection connect(boolean forWrite) throws SQLException {
        return connect(file, forWrite, busyTimeoutMillis);
    }

    /** Creates the file's folders; the connection kept open keeps the write-ahead log between calls. */
    @Override
    public Connection open() throws SQLException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new StoreAccessException("cannot create the folder of " + file, e);
        }
        Connection keepAlive = connect(true);
        try {
            Migrations.apply(keepAlive, Migrations.SQLITE);
        } catch (SQLException | RuntimeException e) {
            keepAlive.close();
            throw e;
        }
        return keepAlive;
    }

    /** Nothing: a write connection begins IMMEDIATE, which takes the database's write lock. */
    @Override
    public void beginWrite(Connection connection) {
    }

    @Override
    public boolean poolsWriters() {
        return false;
    }

    @Override
    public boolean boundsReaders() {
        return false;
    }

    @Override
    public int idleReaders() {
        return IDLE_READERS;
    }

    @Override
    public CommitWatcher commitWatcher(Database database) {
        return CommitWatcher.ofDataVersion(() -> database.connect());
    }

    @Override
    public boolean isBusy(SQLException e) {
        return e instanceof SQLiteException sqlite && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_BUSY
                || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_LOCKED);
    }

    @Override
    public void checkpoint(Connection connection) throws SQLException {
        checkpointLog(connection);
    }

    /** No: batched INSERTs of an in-process database are as fast as it writes. */
    @Override
    public boolean copiesNewRows() {
        return false;
    }

    /**
     * A new connection with foreign keys on, a busy timeout and WAL (readers never block the writer).
     *
     * @param forWrite whether transactions start with {@code BEGIN IMMEDIATE}: a write transaction that
     *     starts deferred and reads first fails at once with SQLITE_BUSY, without waiting, when another
     *     connection wrote in between; taking the write lock up front makes it wait its turn instead
     * @param busyTimeoutMillis how long to wait for another process's writer, {@link #BUSY_TIMEOUT_MILLIS}
     *     but in tests
     */
    static Connection connect(Path file, boolean forWrite, int busyTimeoutMillis) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(busyTimeoutMillis);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL is durable in WAL mode except for the last transactions on power loss, and much faster.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setTransactionMode(forWrite ? SQLiteConfig.TransactionMode.IMMEDIATE
                : SQLiteConfig.TransactionMode.DEFERRED);
        if (forWrite) {
            // An upsert keeps a statement journal, in a temporary file by default: a large import spent a
            // third of its database time in those files' system calls. In memory it costs a few pages.
            config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        }
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /**
     * Copies what the write-ahead log holds into the database file, as far as readers allow, without
     * waiting for them. After a large write (an import, a health check: gigabytes at 100,000 pairings)
     * this matters to a server that stays open: until the log is copied, every read looks its pages up
     * in the log's index first, which grows with the log; once it is, reads skip the log altogether.
     */
    static void checkpointLog(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // TRUNCATE also empties the log file, but waits for readers and writers and holds new writers
            // back while it waits: given a moment at most, then the passive copy, which waits for nobody.
            int busyTimeout;
            try (ResultSet current = statement.executeQuery("PRAGMA busy_timeout")) {
                busyTimeout = current.next() ? current.getInt(1) : BUSY_TIMEOUT_MILLIS;
            }
            statement.execute("PRAGMA busy_timeout = " + TRUNCATE_WAIT_MILLIS);
            boolean emptied;
            try (ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                emptied = result.next() && result.getInt(1) == 0;
            } finally {
                statement.execute("PRAGMA busy_timeout = " + busyTimeout);
            }
            if (!emptied) {
                statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
            }
        }
    }

    /** How long a checkpoint that empties the log may wait for others before it copies what it can. */
    private static final int TRUNCATE_WAIT_MILLIS = 50;

    /** The number of migrations applied, kept in the database header. */
    static int schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    static void setSchemaVersion(Connection connection, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // A PRAGMA takes no bind parameters; version is an int, so nothing can be injected.
            statement.execute("PRAGMA user_version = " + version);
        }
    }
}
