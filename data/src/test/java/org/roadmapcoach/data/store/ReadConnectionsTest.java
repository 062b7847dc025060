package org.roadmapcoach.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.roadmapcoach.data.TestPostgres;

/**
 * On PostgreSQL, reads beyond the connections a store keeps wait for one of them rather than open another
 * (a new backend process and a password exchange each: milliseconds of CPU where the read is a fraction of
 * one); a read within a read, or within a write, of the same thread does not wait.
 */
class ReadConnectionsTest {

    @Test
    void manyReadsAtOnceShareTheKeptConnections() throws Exception {
        try (Store store = Store.open(TestPostgres.newDatabase())) {
            Set<Integer> backends = ConcurrentHashMap.newKeySet();
            ExecutorService threads = Executors.newFixedThreadPool(48);
            try {
                List<Future<?>> reads = new ArrayList<>();
                for (int i = 0; i < 48 * 4; i++) {
                    reads.add(threads.submit(() -> backends.add(store.read(connection -> backend(connection,
                            "SELECT pg_backend_pid() FROM pg_sleep(0.02)")))));
                }
                for (Future<?> read : reads) {
                    read.get();
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(backends).hasSizeLessThanOrEqualTo(new PostgresDialect(null, 0).idleReaders());
        }
    }

    @Test
    void aReadWithinAReadOrAWriteDoesNotWaitForItself() {
        try (Store store = Store.open(TestPostgres.newDatabase())) {
            int nested = store.read(outer -> store.read(inner -> backend(inner, "SELECT 1")));
            int inWrite = store.inTransaction(connection -> store.read(inner -> backend(inner, "SELECT 2")));
            assertThat(nested).isEqualTo(1);
            assertThat(inWrite).isEqualTo(2);
        }
    }

    private static int backend(java.sql.Connection connection, String sql) throws java.sql.SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
