package org.roadmapcoach.data.store;

import java.nio.file.Path;
import java.time.LocalDate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.Cohort;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * The store of one program, and the entry to it, in a SQLite file or a PostgreSQL database ({@link
 * #open(String)}): the {@link Database} (connections, transactions, the
 * writer queue), the {@link CommitWatcher} behind {@link #dataVersion()}, and the repositories of cohorts,
 * policies and roadmaps, which it answers for. The other repositories of {@code data} (runs, tokens,
 * dismissals, record writers) are built over it. One store may be shared by threads.
 */
public final class Store implements AutoCloseable {

    private final Database database;
    private final CohortRepository cohorts;
    private final PolicyRepository policies;
    private final RoadmapRepository roadmaps;
    private final StoreMemo<Boolean, Optional<LocalDate>> pinnedToday = new StoreMemo<>(this, 1);

    private Store(Database database) {
        this.database = database;
        this.cohorts = new CohortRepository(database);
        this.policies = new PolicyRepository(database);
        this.roadmaps = new RoadmapRepository(database, this);
    }

    /** Opens (creating it and its folders when missing) the database at {@code file}, migrated to the latest schema. */
    public static Store open(Path file) {
        return open(file, SqliteDialect.BUSY_TIMEOUT_MILLIS);
    }

    /** {@link #open(Path)} with another busy timeout, so that a test can outlast it. */
    static Store open(Path file, int busyTimeoutMillis) {
        return open(file, busyTimeoutMillis, Database.WRITE_TURN_MILLIS);
    }

    /**
     * {@link #open(Path, int)} whose writers wait {@code writeTurnMillis} for their turn at most: for tests of
     * what a person sees when the store is busy, which cannot wait the default's half minute.
     */
    public static Store open(Path file, int busyTimeoutMillis, long writeTurnMillis) {
        return new Store(Database.open(file, busyTimeoutMillis, writeTurnMillis));
    }

    /**
     * Opens the store {@code --db} or {@code COACH_DB} names ({@link StoreAddress#parse}): a SQLite file
     * (created, with its folders, when missing) or a PostgreSQL database (which must exist; its tables are
     * created when missing), migrated to the latest schema.
     *
     * @throws StoreAddressException for a URL that names no usable database
     */
    public static Store open(String dbArgument) {
        return open(StoreAddress.parse(dbArgument));
    }

    /** {@link #open(String)} of an address read already. */
    public static Store open(StoreAddress address) {
        return open(address, Database.WRITE_TURN_MILLIS);
    }

    /** {@link #open(StoreAddress)} whose writers wait {@code writeTurnMillis} for their turn at most, for tests. */
    static Store open(StoreAddress address, long writeTurnMillis) {
        if (address instanceof StoreAddress.SqliteFile sqlite) {
            return open(sqlite.file(), SqliteDialect.BUSY_TIMEOUT_MILLIS, writeTurnMillis);
        }
        return openPostgres((StoreAddress.Postgres) address, PostgresDialect.LOCK_TIMEOUT_MILLIS, writeTurnMillis);
    }

    /** A PostgreSQL store whose writers wait {@code lockTimeoutMillis} for those of other servers, for tests. */
    static Store openPostgres(StoreAddress.Postgres address, int lockTimeoutMillis, long writeTurnMillis) {
        return new Store(Database.open(new PostgresDialect(address, lockTimeoutMillis), writeTurnMillis));
    }

    /** The SQLite file; null for a PostgreSQL store. */
    public Path file() {
        return database.file();
    }

    /**
     * Whether the store is a PostgreSQL database, which several processes share (and which can split a health
     * check among them), rather than a SQLite file.
     */
    public boolean isPostgreSQL() {
        return database.isPostgreSQL();
    }

    /** Where the store is, to show: the file, or the URL without its password. */
    public String location() {
        return database.describe();
    }

    /**
     * A new connection, configured like every other (foreign keys on, busy timeout); the caller closes
     * it. For writes prefer {@link #inTransaction}.
     */
    public Connection connect() {
        return database.connect();
    }

    /**
     * Runs {@code work} in one write transaction: committed when it returns, rolled back when it throws
     * anything. SQL failures are rethrown as {@link StoreAccessException}, everything else as is. The
     * transaction holds the database's write lock from the start, so {@code work} must write through
     * its connection only: another writing call of this store would wait for the lock it holds.
     * Concurrent calls wait for their turn, in order, for at most 30 s, however long SQLite's busy timeout,
     * then fail with {@link StoreBusyException} having written nothing.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        return database.inTransaction(work);
    }

    /**
     * Runs {@code work} on a read connection of the pool, which it must leave open; a transaction it
     * opens is rolled back when it returns. SQL failures are rethrown as {@link StoreAccessException}.
     */
    public <T> T read(SqlWork<T> work) {
        return database.read(work);
    }

    /**
     * Runs one statement of {@code sql} on a read connection of the pool: prepared the first time a
     * connection runs it and kept with the connection, since preparing costs more than most of the
     * reads a server makes on every request. {@code work} binds, runs and reads it, and leaves it open.
     */
    public <T> T query(String sql, StatementWork<T> work) {
        return database.query(sql, work);
    }

    /** Work on a prepared statement of {@link #query}. */
    @FunctionalInterface
    public interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /**
     * After a large write: copies the write-ahead log into the database file and empties the log (its file
     * truncated to nothing) when no reader still needs it, or as far as readers allow without waiting for
     * them, so that later reads of a long-running server need not look pages up in the log, and the log
     * does not keep the size of the largest transaction on disk.
     */
    public void checkpoint() {
        database.checkpoint();
    }

    /** The writer of one file's rows of an import into {@code cohortId}, in the caller's transaction. */
    public <T> ImportWriter<T> importWriter(Table<T> table, Connection connection, String cohortId)
            throws SQLException {
        return new ImportWriter<>(table, connection, cohortId, database.copiesNewRows());
    }

    /**
     * Opens one consistent read of everything a health check of {@code cohortId} evaluates
     * ({@link CohortSnapshot}), without taking the write lock; the caller closes it.
     */
    public CohortSnapshot snapshot(String cohortId) {
        return snapshot(cohortId, null);
    }

    /**
     * {@link #snapshot(String)} at the snapshot another transaction exported ({@link CohortSnapshot#export()},
     * PostgreSQL only), which must still be open: a partition of a split health check reads at its
     * coordinator's snapshot.
     *
     * @param exported the exported snapshot's name; null for a snapshot of now
     * @throws StoreAccessException when the snapshot is no longer there (its transaction ended)
     */
    public CohortSnapshot snapshot(String cohortId, String exported) {
        Connection connection = connect();
        try {
            return new CohortSnapshot(connection, cohortId, exported);
        } catch (SQLException | RuntimeException e) {
            Database.closeQuietly(connection);
            throw e instanceof SQLException ? new StoreAccessException("database read failed: " + e.getMessage(), e)
                    : (RuntimeException) e;
        }
    }

    /**
     * Whether the snapshot exported as {@code exported} ({@link CohortSnapshot#export()}) can still be read at:
     * whether the transaction that exported it is still open, in whatever process (PostgreSQL only).
     */
    public boolean snapshotOpen(String exported) {
        return read(connection -> {
            connection.setAutoCommit(false); // the read's transaction, which the pool rolls back
            try {
                CohortSnapshot.readAt(connection, exported);
                return true;
            } catch (SQLException e) {
                if (CohortSnapshot.SNAPSHOT_GONE.contains(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** A number that moves with every commit of any connection ({@link CommitWatcher}). */
    public long dataVersion() {
        return database.commits().dataVersion();
    }

    /**
     * Until {@link #unpinDataVersion()}, or this thread's next commit, {@link #dataVersion()} on this thread
     * answers the version of now without asking the database again: for a request, which makes several
     * remembered reads and needs them as of one moment, not each as of its own.
     */
    public void pinDataVersion() {
        database.commits().pin();
    }

    public void unpinDataVersion() {
        database.commits().unpin();
    }

    /**
     * The date this database pins as today (API.md: the store's today), if it pins one. Every request
     * without an as-of date asks: remembered while the database is unchanged.
     */
    public Optional<LocalDate> pinnedToday() {
        return pinnedToday.get(Boolean.TRUE, key -> Optional.ofNullable(query(
                "SELECT value FROM settings WHERE key = 'today'", query -> {
                    try (ResultSet rows = query.executeQuery()) {
                        return rows.next() ? LocalDate.parse(rows.getString("value")) : null;
                    }
                })));
    }

    /** Pins {@code today} as this database's today; null unpins it. */
    public void pinToday(LocalDate today) {
        inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(today == null
                    ? "DELETE FROM settings WHERE key = 'today'"
                    : "INSERT INTO settings (key, value) VALUES ('today', ?) ON CONFLICT (key) DO UPDATE"
                            + " SET value = excluded.value")) {
                if (today != null) {
                    statement.setString(1, today.toString());
                }
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Deletes everything the store holds (cohorts, runs, tokens, sessions, the pinned today...), in one
     * transaction, leaving its schema: as a new database, whose ids start at 1 again. For {@code coach demo
     * --reset} on PostgreSQL, whose database is not a file to delete; other servers see it at their next call.
     */
    public void deleteEverything() {
        inTransaction(connection -> {
            StoreEraser.erase(connection, file() == null);
            return null;
        });
    }

    public Optional<Cohort> cohort(String id) {
        return cohorts.find(id);
    }

    /** Every cohort, by id. */
    public List<Cohort> cohorts() {
        return cohorts.all();
    }

    /** Inserts {@code cohort}; false, changing nothing, when one with its id exists. */
    public boolean createCohort(Cohort cohort) {
        return inTransaction(connection -> CohortRepository.insert(connection, cohort));
    }

    /** Inserts {@code cohort} unless one with its id exists, which is then left as it is. */
    public void ensureCohort(Cohort cohort) {
        createCohort(cohort);
    }

    /** {@link #ensureCohort(Cohort)} in the caller's transaction; whether it was inserted. */
    public boolean ensureCohort(Connection connection, Cohort cohort) throws SQLException {
        return CohortRepository.insert(connection, cohort);
    }

    /** Rows stored for the cohort per CSV file name, in CSV.md's order (all nine, zero included). */
    public Map<String, Long> counts(String cohortId) {
        return cohorts.counts(cohortId);
    }

    /** The cohorts that have a pairing with this id (ids are unique within a cohort only), by id. */
    public List<String> cohortsOfPairing(String pairingId) {
        return cohorts.ofPairing(pairingId);
    }

    /** The cohort's thresholds: the defaults overlaid with what was saved for it. */
    public Policy policy(String cohortId) {
        return policies.of(cohortId);
    }

    /** Replaces the cohort's saved thresholds ({@link PolicyRepository#save}). The cohort must exist. */
    public void savePolicy(String cohortId, Policy policy) {
        policies.save(cohortId, policy);
    }

    /** Changes the cohort's policy to what {@code change} makes of the saved one, in one transaction. */
    public void updatePolicy(String cohortId, java.util.function.UnaryOperator<Policy> change) {
        policies.update(cohortId, change);
    }

    /**
     * The cohort's resource catalog, by id (unmodifiable). Every live evaluation needs it, reading it took
     * milliseconds, and it changes only with an import: it is kept per cohort while the database is
     * unchanged ({@link StoreMemo}).
     */
    public List<Resource> resources(String cohortId) {
        return roadmaps.resources(cohortId);
    }

    /** Streams every record of one table of the cohort in key order, without holding them all. */
    public <T> void forEachRecord(Table<T> table, String cohortId, Consumer<? super T> consumer) {
        roadmaps.forEachRecord(table, cohortId, consumer);
    }

    /**
     * Hands every pairing of the cohort (any status) to {@code consumer} as a whole roadmap, pairings and
     * their children in id order, in batches of at most {@code batchSize}. Only one batch is in memory
     * at a time; all batches are read from one snapshot of the database.
     */
    public void forEachRoadmapBatch(String cohortId, int batchSize, Consumer<List<Roadmap>> consumer) {
        roadmaps.forEachBatch(cohortId, batchSize, consumer);
    }

    /** One pairing's whole roadmap. */
    public Optional<Roadmap> roadmap(String cohortId, String pairingId) {
        return roadmaps.one(cohortId, pairingId);
    }

    @Override
    public void close() {
        database.close();
    }
}
