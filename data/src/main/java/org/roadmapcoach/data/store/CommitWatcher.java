package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A number that changes whenever a commit of any connection (this process's, or another's) reaches the
 * database: read before reading something, it tells whether what was read may still be kept
 * ({@link StoreMemo}). A server asks on every request, from many threads: the question goes to one of
 * several watching connections ({@code PRAGMA data_version}, which moves with the commits of every other
 * connection), each with a lock of its own, and any of them that sees a commit moves the one number.
 *
 * <p>A request may pin the number for its thread ({@link #pin()}): its remembered reads are then all as of
 * one moment, with one question to the database instead of one per read.
 *
 * <p>On PostgreSQL ({@link #ofCounter}) the number is a counter that every write transaction of every
 * server moves in the database itself ({@link PostgresDialect#beginWrite}): read on any connection, it
 * moves with the commits of every server, so what a server remembers is dropped by another's write.
 */
final class CommitWatcher implements AutoCloseable {

    private final Supplier<Connection> connect;
    private final LongSupplier counter;
    // So that the threads of a busy server seldom wait for one another (32 measured no better than 8).
    private final Watcher[] watchers = Stream.generate(Watcher::new).limit(8).toArray(Watcher[]::new);
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean watching;
    private final ThreadLocal<Long> pinned = new ThreadLocal<>();

    private CommitWatcher(Supplier<Connection> connect, LongSupplier counter) {
        this.connect = connect;
        this.counter = counter;
    }

    /** SQLite's: {@code PRAGMA data_version} on watching connections that {@code connect} opens. */
    static CommitWatcher ofDataVersion(Supplier<Connection> connect) {
        return new CommitWatcher(connect, null);
    }

    /** A number the database keeps, which every commit moves: {@code counter} reads it. */
    static CommitWatcher ofCounter(LongSupplier counter) {
        return new CommitWatcher(null, counter);
    }

    long dataVersion() {
        Long pin = pinned.get();
        return pin != null ? pin : read();
    }

    /** Until {@link #unpin()}, or this thread's next commit, {@link #dataVersion()} here answers the version of now. */
    void pin() {
        pinned.set(read());
    }

    void unpin() {
        pinned.remove();
    }

    private long read() {
        if (counter != null) {
            return counter.getAsLong();
        }
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
     * others saw every commit until then), and what was remembered until then would be dropped.
     */
    private synchronized void startWatching() {
        if (watching) {
            return;
        }
        try {
            for (Watcher watcher : watchers) {
                watcher.start(connect.get());
            }
        } catch (SQLException e) {
            throw new StoreAccessException("cannot read the database's data version: " + e.getMessage(), e);
        }
        generation.incrementAndGet(); // whatever happened before, the number moves
        watching = true;
    }

    @Override
    public void close() {
        for (Watcher watcher : watchers) {
            watcher.close();
        }
    }

    /** A connection that watches for commits ({@code PRAGMA data_version}), used under its own lock. */
    private static final class Watcher {
        final ReentrantLock lock = new ReentrantLock();
        private Connection connection;
        private PreparedStatement statement;
        private long seen;

        void start(Connection opened) throws SQLException {
            close(); // one that failed to start before
            lock.lock();
            try {
                connection = opened;
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
                    Database.closeQuietly(connection);
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
