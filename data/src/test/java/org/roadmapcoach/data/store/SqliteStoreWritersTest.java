package org.roadmapcoach.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.engine.roadmap.Cohort;

/**
 * Writers of one store take turns: a write behind a transaction that outlasts SQLite's busy timeout
 * waits for it instead of failing with SQLITE_BUSY, which is what the server's writes did behind an
 * import or a health check of more than five seconds.
 */
class StoreWritersTest {

    private static final int BUSY_TIMEOUT_MILLIS = 50;

    @TempDir
    Path tmp;

    @Test
    void aWriteWaitsForATransactionThatOutlastsTheBusyTimeout() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Store store = Store.open(tmp.resolve("coach.db"), BUSY_TIMEOUT_MILLIS)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> first = threads.submit(() -> store.inTransaction(connection -> {
                store.ensureCohort(connection, new Cohort("first", "First", null, null));
                holding.countDown();
                awaitUninterruptibly(release);
                return null;
            }));
            holding.await();

            Future<?> second = threads.submit(() -> store.ensureCohort(new Cohort("second", "Second", null, null)));

            // Twenty busy timeouts on, the second write still waits its turn rather than failing.
            assertThatThrownBy(() -> second.get(20 * BUSY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))
                    .isInstanceOf(TimeoutException.class);
            release.countDown();
            first.get();
            second.get();
            assertThat(store.cohorts()).extracting(Cohort::id).containsExactly("first", "second");
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
