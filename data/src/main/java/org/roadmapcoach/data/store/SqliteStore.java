package org.roadmapcoach.data.store;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.Cohort;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * The SQLite database of one program: cohorts, their records and policies. One store may be shared by
 * threads: reads borrow a connection from a pool (opening one, and SQLite's parsing of the schema on its
 * first statement, cost more than most reads), writes take turns, each on a new connection.
 * SQL failures surface as {@link StoreAccessException}.
 */
public final class SqliteStore implements AutoCloseable {

    private final Path file;
    // Held open for the store's life: when the last connection to a WAL database closes, SQLite
    // checkpoints and deletes the WAL, which would otherwise happen after every single call.
    private final Connection keepAlive;
    // This process's writers take turns here, first come first served. Left to SQLite's busy handler,
    // which retries every 100 ms, a writer under load can lose every race until its timeout ends in
    // SQLITE_BUSY; the busy timeout now only waits for writers of other processes.
    private final ReentrantLock writeTurn = new ReentrantLock(true);

    private final int busyTimeoutMillis;
    private final StoreMemo<String, List<Resource>> catalogs = new StoreMemo<>(this, 1_000);
    /** Idle read connections, the most recently used first; at most {@link #IDLE_READERS}. */
    private final BlockingDeque<Reader> idleReaders = new LinkedBlockingDeque<>(IDLE_READERS);
    private volatile boolean closed;
    // So that the threads of a busy server seldom wait for one another (32 measured no better than 8).
    private final Watcher[] watchers = Stream.generate(Watcher::new).limit(8).toArray(Watcher[]::new);
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean watching;
    private final ThreadLocal<Long> pinnedVersion = new ThreadLocal<>();

    /**
     * Read connections kept open between reads: one for each request a busy server answers at once (50
     * concurrent clients), or connections would be closed and opened again all the time.
     */
    private static final int IDLE_READERS = 64;

    private SqliteStore(Path file, Connection keepAlive, int busyTimeoutMillis) {
        this.file = file;
        this.keepAlive = keepAlive;
        this.busyTimeoutMillis = busyTimeoutMillis;
    }

    /** Opens (creating it and its folders when missing) the database at {@code file}, migrated to the latest schema. */
    public static SqliteStore open(Path file) {
        return open(file, SqliteDialect.BUSY_TIMEOUT_MILLIS);
    }

    /** {@link #open(Path)} with another busy timeout, so that a test can outlast it. */
    static SqliteStore open(Path file, int busyTimeoutMillis) {
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
            return new SqliteStore(file, keepAlive, busyTimeoutMillis);
        } catch (SQLException e) {
            throw new StoreAccessException("cannot open the database " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * A new connection, configured like every other (foreign keys on, busy timeout); the caller closes
     * it. For writes prefer {@link #inTransaction}.
     */
    public Connection connect() {
        try {
            return SqliteDialect.connect(file, false, busyTimeoutMillis);
        } catch (SQLException e) {
            throw new StoreAccessException("cannot connect to " + file, e);
        }
    }

    /**
     * Runs {@code work} in one write transaction: committed when it returns, rolled back when it throws
     * anything. SQL failures are rethrown as {@link StoreAccessException}, everything else as is. The
     * transaction holds the database's write lock from the start, so {@code work} must write through
     * its connection only: another writing call of this store would wait for the lock it holds.
     * Concurrent calls wait for their turn, in order, however long the transactions before them take.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        if (closed) {
            throw new StoreAccessException("the store of " + file + " is closed", null);
        }
        writeTurn.lock();
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
                unpinDataVersion(); // what this thread reads next must see its own commit
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreAccessException("database update failed: " + e.getMessage(), e);
        }
    }

    /**
     * After a large write: copies the write-ahead log into the database file as far as readers allow,
     * without waiting for them, so that later reads of a long-running server need not look pages up
     * in the log.
     */
    public void checkpoint() {
        read(connection -> {
            SqliteDialect.checkpoint(connection);
            return null;
        });
    }

    public Optional<Cohort> cohort(String id) {
        return read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM cohorts WHERE id = ?")) {
                statement.setString(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(Tables.COHORT.map(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Every cohort, by id. */
    public List<Cohort> cohorts() {
        return read(connection -> {
            List<Cohort> cohorts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM cohorts ORDER BY id");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    cohorts.add(Tables.COHORT.map(rows));
                }
            }
            return cohorts;
        });
    }

    /** Inserts {@code cohort} unless one with its id exists, which is then left as it is. */
    public void ensureCohort(Cohort cohort) {
        inTransaction(connection -> {
            ensureCohort(connection, cohort);
            return null;
        });
    }

    /** Inserts {@code cohort}; false, changing nothing, when one with its id exists. */
    public boolean createCohort(Cohort cohort) {
        return inTransaction(connection -> ensureCohort(connection, cohort));
    }

    /** {@link #ensureCohort(Cohort)} in the caller's transaction; whether it was inserted. */
    public boolean ensureCohort(Connection connection, Cohort cohort) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO cohorts (id, name, start_date,"
                + " end_date) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            statement.setString(1, cohort.id());
            statement.setString(2, cohort.name());
            statement.setString(3, Columns.date(cohort.startDate()));
            statement.setString(4, Columns.date(cohort.endDate()));
            return statement.executeUpdate() == 1;
        }
    }

    /** Rows stored for the cohort per CSV file name, in CSV.md's order (all nine, zero included). */
    public Map<String, Long> counts(String cohortId) {
        return read(connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Table<?> table : Tables.ALL) {
                try (PreparedStatement statement = connection.prepareStatement(table.countSql())) {
                    statement.setString(1, cohortId);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        counts.put(table.fileName(), rows.getLong(1));
                    }
                }
            }
            return counts;
        });
    }

    /**
     * The cohort's resource catalog, by id (unmodifiable). Every live evaluation (a suggestions call)
     * needs it, reading it took milliseconds, and it changes only with an import: it is kept per cohort
     * while the database is unchanged ({@link StoreMemo}).
     */
    public List<Resource> resources(String cohortId) {
        return catalogs.get(cohortId, id -> {
            List<Resource> resources = new ArrayList<>();
            forEachRecord(Tables.RESOURCES, id, resources::add);
            return List.copyOf(resources);
        });
    }

    /**
     * A number that changes whenever a commit of any connection (this store's, or another process's)
     * reaches the database: read before reading something, it tells whether what was read may still
     * be kept. A server asks on every request, from many threads: the question goes to one of several
     * watching connections ({@code PRAGMA data_version}, which moves with the commits of every other
     * connection), each with a lock of its own, and any of them that sees a commit moves the one number.
     */
    public long dataVersion() {
        Long pinned = pinnedVersion.get();
        return pinned != null ? pinned : readDataVersion();
    }

    /**
     * Until {@link #unpinDataVersion()}, or this thread's next commit, {@link #dataVersion()} on this thread
     * answers the version of now without asking the database again: for a request, which makes several
     * remembered reads and needs them as of one moment, not each as of its own.
     */
    public void pinDataVersion() {
        pinnedVersion.set(readDataVersion());
    }

    public void unpinDataVersion() {
        pinnedVersion.remove();
    }

    private long readDataVersion() {
        if (!watching) {
            startWatching();
        }
        Watcher watcher = watchers[(int) (Thread.currentThread().getId() % watchers.length)];
        watcher.lock.lock();
        try {
            if (watcher.sawCommit()) {
                // The others look too before the number moves, or each would move it again for the same
                // commit and what is remembered would be dropped as many times. One that is busy answering
                // its own thread is passed by: it moves the number once more, at most.
                for (Watcher other : watchers) {
                    if (other != watcher && other.lock.tryLock()) {
                        try {
                            other.sawCommit();
                        } finally {
                            other.lock.unlock();
                        }
                    }
                }
                generation.incrementAndGet();
            }
        } catch (SQLException e) {
            throw new StoreAccessException("cannot read the database's data version: " + e.getMessage(), e);
        } finally {
            watcher.lock.unlock();
        }
        return generation.get();
    }

    /**
     * Starts every watcher at once, on the first question. A watcher that started later would have seen
     * nothing before it, so its first answer would have to move the number (it cannot tell whether the
     * others saw every commit until then), and what was remembered until then would be dropped: what a
     * server's warm-up read, say, at each of its threads' first request.
     */
    private synchronized void startWatching() {
        if (watching) {
            return;
        }
        try {
            for (Watcher watcher : watchers) {
                watcher.start(this);
            }
        } catch (SQLException e) {
            throw new StoreAccessException("cannot read the database's data version: " + e.getMessage(), e);
        }
        generation.incrementAndGet(); // whatever happened before, the number moves
        watching = true;
    }

    /** A connection that watches for commits ({@code PRAGMA data_version}), used under its own lock. */
    private static final class Watcher {
        final ReentrantLock lock = new ReentrantLock();
        private Connection connection;
        private PreparedStatement statement;
        private long seen;

        void start(SqliteStore store) throws SQLException {
            close(); // one that failed to start before
            lock.lock();
            try {
                connection = store.connect();
                statement = connection.prepareStatement("PRAGMA data_version");
                seen = read();
            } finally {
                lock.unlock();
            }
        }

        /** Whether a commit of another connection reached the database since the last look; under the lock. */
        boolean sawCommit() throws SQLException {
            long now = read();
            boolean moved = now != seen;
            seen = now;
            return moved;
        }

        private long read() throws SQLException {
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }

        void close() {
            lock.lock();
            try {
                if (connection != null) {
                    closeQuietly(connection);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Streams every record of one table of the cohort in key order, without holding them all. */
    public <T> void forEachRecord(Table<T> table, String cohortId, Consumer<? super T> consumer) {
        read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(table.selectCohortSql())) {
                statement.setString(1, cohortId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(table.map(rows));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Hands every pairing of the cohort (any status) to {@code consumer} as a whole roadmap, pairings and
     * their children in id order, in batches of at most {@code batchSize}. Only one batch is in memory
     * at a time; all batches are read from one snapshot of the database.
     */
    public void forEachRoadmapBatch(String cohortId, int batchSize, Consumer<List<Roadmap>> consumer) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
        read(connection -> {
            // One read transaction: a snapshot, so a concurrent import cannot tear the batches apart.
            connection.setAutoCommit(false);
            try {
                RoadmapLoader loader = new RoadmapLoader(connection, cohortId);
                String after = null;
                List<Pairing> pairings;
                do {
                    pairings = loader.pairingsAfter(after, batchSize);
                    if (!pairings.isEmpty()) {
                        consumer.accept(loader.roadmaps(pairings));
                        after = pairings.get(pairings.size() - 1).id();
                    }
                } while (pairings.size() == batchSize);
            } finally {
                connection.rollback();
            }
            return null;
        });
    }

    /** One pairing's whole roadmap. */
    public Optional<Roadmap> roadmap(String cohortId, String pairingId) {
        return read(connection -> {
            RoadmapLoader loader = new RoadmapLoader(connection, cohortId);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT * FROM pairings WHERE cohort_id = ? AND id = ?")) {
                RoadmapLoader.bind(statement, cohortId, pairingId);
                List<Pairing> pairing = RoadmapLoader.list(statement, Tables.PAIRINGS);
                return loader.roadmaps(pairing).stream().findFirst();
            }
        });
    }

    /** The cohorts that have a pairing with this id (ids are unique within a cohort only), by id. */
    public List<String> cohortsOfPairing(String pairingId) {
        return read(connection -> {
            List<String> cohorts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT cohort_id FROM pairings WHERE id = ? ORDER BY cohort_id")) {
                statement.setString(1, pairingId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        cohorts.add(rows.getString("cohort_id"));
                    }
                }
            }
            return cohorts;
        });
    }

    /** The cohort's thresholds: the defaults overlaid with what was saved for it. */
    public Policy policy(String cohortId) {
        return read(connection -> {
            Policy policy = Policy.defaults();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT key, value FROM policies WHERE cohort_id = ?")) {
                statement.setString(1, cohortId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        Optional<PolicyKey> key = knownKey(rows.getString("key"));
                        if (key.isPresent()) {
                            policy = policy.with(key.get(), key.get().parse(rows.getString("value")));
                        }
                    }
                }
            }
            return policy;
        });
    }

    /**
     * Replaces the cohort's saved thresholds; only values that differ from the defaults are kept, so a
     * later change of a default reaches every cohort that never changed it. The cohort must exist.
     */
    public void savePolicy(String cohortId, Policy policy) {
        inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM policies WHERE cohort_id = ?")) {
                delete.setString(1, cohortId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO policies (cohort_id, key, value) VALUES (?, ?, ?)")) {
                for (Map.Entry<PolicyKey, BigDecimal> entry : policy.values().entrySet()) {
                    if (entry.getValue().compareTo(entry.getKey().defaultValue()) != 0) {
                        RoadmapLoader.bind(insert, cohortId, entry.getKey().key(),
                                entry.getValue().toPlainString());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            Revisions.touchCohort(connection, cohortId);
            return null;
        });
    }

    @Override
    public void close() {
        closed = true;
        closeIdleReaders();
        for (Watcher watcher : watchers) {
            watcher.close();
        }
        try {
            keepAlive.close();
        } catch (SQLException e) {
            throw new StoreAccessException("cannot close " + file, e);
        }
    }

    // A key saved by another version of the program that this one no longer knows is ignored.
    private static Optional<PolicyKey> knownKey(String name) {
        try {
            return Optional.of(PolicyKey.of(Objects.requireNonNull(name)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs {@code work} on a read connection of the pool, which it must leave open; a transaction it
     * opens is rolled back when it returns. SQL failures are rethrown as {@link StoreAccessException}.
     */
    public <T> T read(SqlWork<T> work) {
        return borrow(reader -> work.run(reader.connection));
    }

    /**
     * Runs one statement of {@code sql} on a read connection of the pool: prepared the first time a
     * connection runs it and kept with the connection, since preparing costs more than most of the
     * reads a server makes on every request. {@code work} binds, runs and reads it, and leaves it open.
     */
    public <T> T query(String sql, StatementWork<T> work) {
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

    /** Work on a prepared statement of {@link #query}. */
    @FunctionalInterface
    public interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
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

    private void closeIdleReaders() {
        for (Reader idle = idleReaders.poll(); idle != null; idle = idleReaders.poll()) {
            closeQuietly(idle.connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing left to do with it
        }
    }
}
