package org.roadmapcoach.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.engine.roadmap.Cohort;

/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class StoreMemoTest {

    @Parameter
    StoreKind kind;

    @TempDir
    Path temp;

    private Store store;
    private StoreMemo<String, String> memo;
    private final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void open() {
        store = kind.open(temp.resolve("coach.db"));
        memo = new StoreMemo<>(store, 100);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private String read(String key) {
        return memo.get(key, k -> k + " read " + reads.incrementAndGet());
    }

    @Test
    void aReadIsRememberedPerKeyWhileNothingIsCommitted() {
        assertThat(read("a")).isEqualTo("a read 1");
        assertThat(read("a")).isEqualTo("a read 1");
        assertThat(read("b")).isEqualTo("b read 2");
    }

    @Test
    void aCommitOfThisStoreOrOfAnotherProcessMakesTheNextCallReadAgain() throws Exception {
        read("a");
        store.ensureCohort(new Cohort("c1", "c1", null, null));
        assertThat(read("a")).isEqualTo("a read 2");

        commitOfAnotherProcess("UPDATE cohorts SET name = 'renamed'");
        assertThat(read("a")).isEqualTo("a read 3");
        assertThat(read("a")).isEqualTo("a read 3");
    }

    @Test
    void aCommitDuringARunningReadIsNotHiddenByWhatThatReadReturns() {
        String during = memo.get("a", k -> {
            store.ensureCohort(new Cohort("c1", "c1", null, null)); // commits while the read runs
            return "read before the commit";
        });

        assertThat(during).isEqualTo("read before the commit");
        assertThat(read("a")).isEqualTo("a read 1");
    }

    @Test
    void aValuePutAsReadAtTheCurrentVersionIsUsedAndOneOfAnEarlierVersionIsNot() {
        memo.put("a", "put now", store.dataVersion());
        assertThat(read("a")).isEqualTo("put now");

        long before = store.dataVersion();
        store.ensureCohort(new Cohort("c1", "c1", null, null));
        memo.put("b", "put as of before the commit", before);
        assertThat(read("b")).isEqualTo("b read 1");
    }

    @Test
    void aCommitMovesTheDataVersionWhicheverThreadAsksAfterIt() throws Exception {
        long before = maxOnNewThreads(20); // threads of several ids ask different watching connections
        store.ensureCohort(new Cohort("c1", "c1", null, null));
        long after = minOnNewThreads(20);

        assertThat(after).isGreaterThan(before);
    }

    @Test
    void whatOneThreadRememberedIsUsedByThreadsThatAskForTheFirstTime() throws Exception {
        assertThat(read("a")).isEqualTo("a read 1"); // as a server's warm-up does before any request

        assertThat(onNewThreads(20, () -> read("a"))).containsOnly("a read 1");
    }

    @Test
    void aCommitIsReadAgainForOnceWhicheverThreadsNoticeIt() throws Exception {
        read("a");
        commitOfAnotherProcess("CREATE TABLE scratch (x INTEGER)");

        assertThat(onNewThreads(20, () -> read("a"))).containsOnly("a read 2");
    }

    /**
     * Commits {@code sql} as another process would: on SQLite through a connection of its own; on PostgreSQL
     * through another store (another server) of the same database, since only a store's writes move the
     * commit counter that every server watches.
     */
    private void commitOfAnotherProcess(String sql) throws Exception {
        if (kind == StoreKind.SQLITE) {
            try (var other = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("coach.db"));
                 var statement = other.createStatement()) {
                statement.executeUpdate(sql);
            }
            return;
        }
        try (Store other = kind.open(temp.resolve("coach.db"))) {
            other.inTransaction(connection -> {
                try (var statement = connection.createStatement()) {
                    return statement.executeUpdate(sql);
                }
            });
        }
    }

    private long maxOnNewThreads(int threads) throws Exception {
        return versionsOnNewThreads(threads).stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    private long minOnNewThreads(int threads) throws Exception {
        return versionsOnNewThreads(threads).stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private List<Long> versionsOnNewThreads(int threads) throws Exception {
        return onNewThreads(threads, store::dataVersion);
    }

    /**
     * What {@code call} answers on each of {@code threads} new threads, one after another (of several ids,
     * so they ask different watching connections).
     */
    private static <T> List<T> onNewThreads(int threads, Supplier<T> call) throws Exception {
        List<T> answers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> answers.add(call.get()));
            thread.start();
            thread.join();
        }
        return answers;
    }

    @Test
    void pastItsBoundAMemoRemembersNoMoreUntilTheNextVersion() {
        StoreMemo<String, String> two = new StoreMemo<>(store, 2);
        AtomicInteger counted = new AtomicInteger();
        java.util.function.Function<String, String> count = key -> key + " read " + counted.incrementAndGet();

        two.get("a", count);
        two.get("b", count);
        assertThat(two.get("c", count)).isEqualTo("c read 3");
        assertThat(two.get("c", count)).isEqualTo("c read 4");
        assertThat(two.get("a", count)).isEqualTo("a read 1");

        store.ensureCohort(new Cohort("c1", "c1", null, null));
        assertThat(two.get("c", count)).isEqualTo("c read 5");
        assertThat(two.get("c", count)).isEqualTo("c read 5");
    }

    @Test
    void aPinnedVersionHoldsOnThisThreadUntilUnpinnedOrUntilThisThreadCommits() throws Exception {
        store.pinDataVersion();
        assertThat(read("a")).isEqualTo("a read 1");
        commitOfAnotherProcess("CREATE TABLE scratch (x INTEGER)");
        assertThat(read("a")).as("pinned before the other commit").isEqualTo("a read 1");
        assertThat(maxOnNewThreads(3)).as("other threads are not pinned").isGreaterThan(store.dataVersion());

        store.unpinDataVersion();
        assertThat(read("a")).isEqualTo("a read 2");

        store.pinDataVersion();
        store.ensureCohort(new Cohort("c1", "c1", null, null));
        assertThat(read("a")).as("this thread's own commit ends the pin").isEqualTo("a read 3");
        store.unpinDataVersion();
    }
}
