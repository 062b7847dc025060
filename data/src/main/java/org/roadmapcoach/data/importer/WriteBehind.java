package org.roadmapcoach.data.importer;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs an import's database writes on a thread of its own, one at a time and in the order given, so
 * that SQLite's work on the rows read so far overlaps reading and checking the rows that follow: on
 * two cores an import takes about as long as the larger of the two, not their sum. The writes share
 * the import's connection and transaction; the driver serialises the connection's calls, so the rare
 * look-up of a stored record from the reading thread waits for the write in progress. A failed write
 * stops the writes and is thrown to the reading thread by the next {@link #submit} or {@link #drain}.
 */
final class WriteBehind implements AutoCloseable {

    /** A database write. */
    @FunctionalInterface
    interface Write {
        void run() throws SQLException;
    }

    // Handed over in chunks, so that the two threads meet once per chunk, not once per row.
    private static final int CHUNK = 512;
    private static final List<Write> STOP = List.of();

    private final BlockingQueue<List<Write>> queue = new ArrayBlockingQueue<>(8);
    private final Thread writer = new Thread(this::writeAll, "coach-import-writer");
    private List<Write> chunk = new ArrayList<>(CHUNK);
    private volatile Throwable failure;
    private volatile boolean abandoned;

    WriteBehind() {
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues a write; throws the failure of an earlier one. */
    void submit(Write write) throws SQLException {
        chunk.add(write);
        if (chunk.size() == CHUNK) {
            handOver();
        }
    }

    /** Waits until every write submitted so far is done; throws the failure of any of them. */
    void drain() throws SQLException {
        CountDownLatch done = new CountDownLatch(1);
        chunk.add(done::countDown);
        handOver();
        try {
            while (!done.await(100, TimeUnit.MILLISECONDS)) {
                rethrow(); // the writer stopped at a failure: the latch will never count down
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the import's writes", e);
        }
        rethrow();
    }

    /**
     * Stops the writer once the write in progress is done, abandoning what is still queued (after a
     * failure the transaction is rolled back anyway); after {@link #drain} there is nothing left.
     */
    @Override
    public void close() {
        abandoned = true;
        queue.clear();
        boolean interrupted = false;
        while (!queue.offer(STOP)) {
            queue.clear();
        }
        while (true) {
            try {
                writer.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOver() throws SQLException {
        rethrow();
        List<Write> full = chunk;
        chunk = new ArrayList<>(CHUNK);
        try {
            while (!queue.offer(full, 100, TimeUnit.MILLISECONDS)) {
                rethrow(); // a stopped writer takes nothing more
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing over the import's writes", e);
        }
    }

    private void writeAll() {
        try {
            while (true) {
                List<Write> writes = queue.take();
                if (writes == STOP) {
                    return;
                }
                for (Write write : writes) {
                    if (abandoned) {
                        return;
                    }
                    write.run();
                }
            }
        } catch (SQLException | InterruptedException | RuntimeException | Error e) {
            failure = e;
        }
    }

    private void rethrow() throws SQLException {
        Throwable failed = failure;
        if (failed instanceof SQLException e) {
            throw e;
        }
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException("the import's writer stopped", failed);
        }
    }
}
