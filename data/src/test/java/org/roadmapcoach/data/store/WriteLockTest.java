package org.roadmapcoach.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.Cohort;

/** Readers never take the write lock, and a writer waits for it a bounded time, then says the store is busy. */
class WriteLockTest {

    private static final int SHORT_WAIT_MILLIS = 300;

    @TempDir
    Path temp;

    private Path database() {
        Path file = temp.resolve("coach.db");
        try (Store store = Store.open(file)) {
            store.ensureCohort(new Cohort("c", "c", null, null));
        }
        return file;
    }

    @Test
    void openingACurrentDatabaseAndReadingItTakesNoWriteLockWhileAnotherProgramWrites() throws Exception {
        Path file = database();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement writing = other.createStatement()) {
            writing.execute("BEGIN IMMEDIATE"); // another program holds the write lock
            writing.execute("UPDATE cohorts SET name = 'being written' WHERE id = 'c'");

            try (Store store = Store.open(file, SHORT_WAIT_MILLIS)) {
                assertThat(store.cohort("c")).get().extracting(Cohort::name).isEqualTo("c");
                assertThat(store.policy("c")).isEqualTo(Policy.defaults());
                assertThatThrownBy(() -> store.savePolicy("c", Policy.defaults()))
                        .isInstanceOf(StoreBusyException.class).hasMessageContaining("busy");
            }
            writing.execute("ROLLBACK");
        }
    }

    @Test
    void aWriteWaitsItsBoundBehindThisProcesssWriterThenSaysTheStoreIsBusy() throws Exception {
        try (Store store = Store.open(database(), SHORT_WAIT_MILLIS, SHORT_WAIT_MILLIS)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> longWrite = CompletableFuture.supplyAsync(() -> store.inTransaction(c -> {
                holding.countDown();
                try {
                    return release.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            assertThat(holding.await(1, TimeUnit.MINUTES)).isTrue();

            assertThatThrownBy(() -> store.savePolicy("c", Policy.defaults())).isInstanceOf(StoreBusyException.class)
                    .hasMessage("the database is busy with other writes; nothing was written");

            release.countDown();
            assertThat(longWrite.get(1, TimeUnit.MINUTES)).isEqualTo(true);
            store.savePolicy("c", Policy.defaults()); // its turn comes once the writer before it is done
        }
    }
}
