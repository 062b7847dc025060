package org.roadmapcoach.data.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.StoreAccessException;

/**
 * The finding keys of a stored run, read pairing by pairing in pairing id order, so that a newer run can
 * be compared with it while it is being written, without holding either run in memory. The keys are read
 * ahead on a thread and a connection of their own: reading a large run is seconds of database work that
 * would otherwise hold up the thread writing the newer one.
 */
public final class RunKeys implements AutoCloseable {

    private static final String SQL = "SELECT pairing_id, findings FROM health_check_pairings WHERE run_id = ?"
            + " ORDER BY pairing_id";
    private static final String RANGE_SQL = "SELECT pairing_id, findings FROM health_check_pairings WHERE run_id = ?"
            + " AND pairing_id BETWEEN ? AND ? ORDER BY pairing_id";
    private static final int CHUNK = 1024;
    /** The last chunk: everything was read. */
    private static final List<FindingKey> END = List.of();

    private final long runId;
    private final String first;
    private final String last;
    private final Connection connection;
    private final BlockingQueue<List<FindingKey>> chunks = new ArrayBlockingQueue<>(4);
    private final Thread reader;
    private volatile RuntimeException failure;
    private Iterator<FindingKey> chunk = List.<FindingKey>of().iterator();
    private boolean ended;
    private FindingKey pending; // read ahead: the first key of the next pairing

    /** @param first the first pairing id to read, {@code last} the last (both included; both null: all) */
    RunKeys(Store store, long runId, String first, String last) {
        this.runId = runId;
        this.first = first;
        this.last = last;
        this.connection = store.connect();
        this.reader = new Thread(this::readAll, "coach-run-keys");
        reader.setDaemon(true);
        reader.start();
        this.pending = next();
    }

    /**
     * The keys of {@code pairingId}'s findings, in report order (empty when the run has none); the keys of
     * the pairings before it go to {@code passed}. Calls must come in pairing id order.
     */
    public List<FindingKey> upTo(String pairingId, Consumer<FindingKey> passed) {
        while (pending != null && PairingOrder.compare(pending.pairingId(), pairingId) < 0) {
            passed.accept(pending);
            pending = next();
        }
        List<FindingKey> keys = new ArrayList<>();
        while (pending != null && pending.pairingId().equals(pairingId)) {
            keys.add(pending);
            pending = next();
        }
        return keys;
    }

    /** Hands every key not read yet to {@code passed}. */
    public void rest(Consumer<FindingKey> passed) {
        while (pending != null) {
            passed.accept(pending);
            pending = next();
        }
    }

    /** The next key, or null after the last. */
    private FindingKey next() {
        while (!chunk.hasNext()) {
            if (ended) {
                return null;
            }
            List<FindingKey> taken;
            try {
                taken = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading run " + runId, e);
            }
            if (taken == END) {
                ended = true;
                if (failure != null) {
                    throw failure;
                }
            }
            chunk = taken.iterator();
        }
        return chunk.next();
    }

    /** On the reader thread: the whole run, in chunks, then END (after a failure too). */
    private void readAll() {
        try {
            connection.setAutoCommit(false); // one snapshot for the whole read
            try (PreparedStatement statement = connection.prepareStatement(first == null ? SQL : RANGE_SQL)) {
                statement.setLong(1, runId);
                if (first != null) {
                    statement.setString(2, first);
                    statement.setString(3, last);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    List<FindingKey> read = new ArrayList<>(CHUNK);
                    while (rows.next()) {
                        read.addAll(RunFindingsCodec.keys(rows.getString(1), rows.getBytes(2)));
                        if (read.size() >= CHUNK) {
                            chunks.put(read);
                            read = new ArrayList<>(CHUNK);
                        }
                    }
                    if (!read.isEmpty()) {
                        chunks.put(read);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            failure = e instanceof RuntimeException runtime ? runtime
                    : new StoreAccessException("cannot read the findings of run " + runId, e);
        } catch (InterruptedException e) {
            return; // closed before the end: nobody waits for the rest
        }
        try {
            chunks.put(END);
        } catch (InterruptedException e) {
            // closed: nobody waits for the end
        }
    }

    /** Stops reading (the reader may be half way through a large run) and closes the connection. */
    @Override
    public void close() {
        reader.interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                reader.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            throw new StoreAccessException("cannot close a read of a stored run", e);
        }
    }
}
