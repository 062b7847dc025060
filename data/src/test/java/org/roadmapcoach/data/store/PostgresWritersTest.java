package org.roadmapcoach.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.data.TestPostgres;
import org.roadmapcoach.engine.roadmap.Cohort;

/**
 * Writers of several servers on one PostgreSQL take turns, as SQLite's writers do: a write transaction
 * waits for the one in progress on another server, then sees what it committed; one that waits longer
 * than the lock timeout is "busy" and writes nothing.
 */
class PostgresWritersTest {

    private String url;
    private Store one;

    @BeforeEach
    void openOneServer() {
        url = TestPostgres.newDatabase();
        one = Store.open(url);
    }

    @AfterEach
    void close() {
        one.close();
    }

    @Test
    void aWriterOfAnotherServerWaitsForItsTurnThenSeesWhatTheOtherCommitted() throws Exception {
        try (Store other = Store.open(url)) {
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> one.inTransaction(connection -> {
                CohortRepository.insert(connection, new Cohort("a", "A", null, null));
                writing.countDown();
                await(finish);
                return null;
            }));
            writing.await();
            CompletableFuture<Integer> second;
            try {
                second = CompletableFuture.supplyAsync(() -> other.inTransaction(connection -> {
                    int seen = count(connection); // read-then-write: what it read must still hold when it writes
                    CohortRepository.insert(connection, new Cohort("b" + seen, "B", null, null));
                    return seen;
                }));
                awaitWaitingForALockOrDone(second);
            } finally {
                finish.countDown();
            }
            first.get();

            assertThat(second.get()).as("cohorts the second writer saw").isEqualTo(1);
            assertThat(other.cohorts()).extracting(Cohort::id).containsExactly("a", "b1");
        }
    }

    @Test
    void aWriterThatWaitsLongerThanTheLockTimeoutIsBusyAndWritesNothing() throws Exception {
        try (Store impatient = Store.openPostgres((StoreAddress.Postgres) StoreAddress.parse(url), 200,
                Database.WRITE_TURN_MILLIS)) {
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> one.inTransaction(connection -> {
                writing.countDown();
                await(finish);
                return null;
            }));
            writing.await();
            try {
                assertThatThrownBy(() -> impatient.ensureCohort(new Cohort("late", "Late", null, null)))
                        .isInstanceOf(StoreBusyException.class).hasMessageContaining("nothing was written");
            } finally {
                finish.countDown();
            }
            first.get();
            assertThat(impatient.cohorts()).isEmpty();
            impatient.ensureCohort(new Cohort("later", "Later", null, null)); // its turn, once the other is done
            assertThat(one.cohorts()).extracting(Cohort::id).containsExactly("later");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int count(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM cohorts");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /**
     * Until a backend of this database waits for a lock (the second writer, behind the first), or {@code second}
     * is done (it did not wait: the assertions after say so): a condition, not a time.
     */
    private void awaitWaitingForALockOrDone(CompletableFuture<?> second) throws InterruptedException {
        while (!second.isDone() && !one.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'");
                 ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        })) {
            Thread.sleep(10);
        }
    }
}
