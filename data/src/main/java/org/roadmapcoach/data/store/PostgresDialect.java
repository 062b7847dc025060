package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL-only statements and settings of a store: connecting (bind parameters sent untyped, so
 * that the repositories' text values fit {@code date} columns as SQLite's TEXT ones), the schema version
 * table, the commit counter, and what "busy" looks like.
 *
 * <p>Writers of every server take turns, as on SQLite: each write transaction first moves the one commit
 * counter ({@link #beginWrite}), whose row lock the next writer waits for. So a write transaction of the
 * repositories behaves exactly as on SQLite (it reads what every earlier commit wrote, and nobody writes
 * beside it), and the counter tells every server's {@link CommitWatcher} that something was committed.
 * Reads run at REPEATABLE READ: a read that opens a transaction sees one snapshot, as on SQLite's WAL.
 */
final class PostgresDialect implements Dialect {

    /** How long a write waits for the writers of other servers before it gives up, as SQLite's busy timeout. */
    static final int LOCK_TIMEOUT_MILLIS = 60_000;

    /**
     * Read connections kept open per server. Several servers share one PostgreSQL (100 connections by
     * default), so fewer than SQLite's; a read beyond them opens a connection and closes it after.
     */
    private static final int IDLE_READERS = 16;

    /** Rows fetched at a time by a query in a transaction (one outside a transaction fetches them all). */
    static final int FETCH_ROWS = 1_000;

    /** The key of the advisory lock two processes migrating one database at once take in turn. */
    private static final long MIGRATION_LOCK = 0x636f616368L; // "coach"

    private final StoreAddress.Postgres address;
    private final int lockTimeoutMillis;

    PostgresDialect(StoreAddress.Postgres address, int lockTimeoutMillis) {
        this.address = address;
        this.lockTimeoutMillis = lockTimeoutMillis;
    }

    @Override
    public String describe() {
        return address.describe();
    }

    @Override
    public Connection connect(boolean forWrite) throws SQLException {
        Properties properties = new Properties();
        if (address.user() != null) {
            properties.setProperty("user", address.user());
        }
        if (address.password() != null) {
            properties.setProperty("password", address.password());
        }
        properties.setProperty("stringtype", "unspecified");
        properties.setProperty("ApplicationName", "roadmap-coach");
        // Within a transaction, rows come a thousand at a time (a cursor) instead of the whole result at once:
        // reading a run of 100,000 pairings, or a cohort's roadmaps, holds a thousand in memory, as on SQLite.
        properties.setProperty("defaultRowFetchSize", String.valueOf(FETCH_ROWS));
        Connection connection = DriverManager.getConnection(address.jdbcUrl(), properties);
        try {
            connection.setTransactionIsolation(forWrite ? Connection.TRANSACTION_READ_COMMITTED
                    : Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                // an int: nothing can be injected
                statement.execute("SET lock_timeout = " + (forWrite ? lockTimeoutMillis : 0));
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            Database.closeQuietly(connection);
            throw e;
        }
    }

    @Override
    public Connection open() throws SQLException {
        try (Connection connection = connect(true)) {
            Migrations.apply(connection, Migrations.POSTGRESQL);
        }
        return null;
    }

    @Override
    public void beginWrite(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE store_commits SET version = version + 1");
        }
    }

    @Override
    public boolean poolsWriters() {
        return true;
    }

    @Override
    public boolean boundsReaders() {
        return true;
    }

    @Override
    public int idleReaders() {
        return IDLE_READERS;
    }

    @Override
    public CommitWatcher commitWatcher(Database database) {
        return CommitWatcher.ofCounter(() -> database.query("SELECT version FROM store_commits", query -> {
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }));
    }

    /** A lock not granted within the lock timeout (55P03), a deadlock (40P01), a serialization failure (40001). */
    @Override
    public boolean isBusy(SQLException e) {
        String state = e.getSQLState();
        return "55P03".equals(state) || "40P01".equals(state) || "40001".equals(state);
    }

    /** Nothing: PostgreSQL's own checkpoints and autovacuum look after it. */
    @Override
    public void checkpoint(Connection connection) {
    }

    /** COPY: the server parses rows of text far faster than it runs one INSERT per row (BENCHMARKS.md). */
    @Override
    public boolean copiesNewRows() {
        return true;
    }

    /** The number of migrations applied, in the table {@code schema_version} (none: 0). */
    static final class SchemaVersion implements Migrations.Version {

        @Override
        public void lock(Connection connection) throws SQLException {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, MIGRATION_LOCK);
                lock.executeQuery().close();
            }
        }

        @Override
        public int read(Connection connection) throws SQLException {
            // A query of the catalog, not to_regclass: that looks the name up in what this connection cached
            // of the catalog, which misses a table another process created while this one waited for the lock.
            try (Statement statement = connection.createStatement();
                 ResultSet exists = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_tables"
                         + " WHERE schemaname = current_schema() AND tablename = 'schema_version')")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return 0;
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT version FROM schema_version")) {
                return rows.next() ? rows.getInt(1) : 0;
            }
        }

        @Override
        public void write(Connection connection, int version) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE schema_version SET version = ?")) {
                update.setInt(1, version);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO schema_version (version) VALUES (?)")) {
                        insert.setInt(1, version);
                        insert.executeUpdate();
                    }
                }
            }
        }
    }
}
