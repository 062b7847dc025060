package org.roadmapcoach.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.Cohort;

/**
 * Several stores (servers, processes) on one database, and the answers that must not depend on which
 * database it is: on SQLite and on PostgreSQL ({@link StoreKind}).
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class SharedDatabaseTest {

    @Parameter
    StoreKind kind;

    @TempDir
    Path temp;

    @Test
    void aWriteThroughOneStoreShowsInTheNextReadOfAnotherEvenWhatItRemembers() {
        Path db = temp.resolve("coach.db");
        try (Store one = kind.open(db); Store other = kind.open(db)) {
            one.ensureCohort(new Cohort("c", "C", null, null));
            assertThat(other.pinnedToday()).isEmpty(); // remembered while the database is unchanged
            assertThat(other.policy("c").get(PolicyKey.MS_STALLED_DAYS)).isEqualByComparingTo("21");

            one.pinToday(LocalDate.of(2026, 6, 15));
            one.savePolicy("c", Policy.defaults().with(PolicyKey.MS_STALLED_DAYS, new BigDecimal("30")));

            assertThat(other.pinnedToday()).contains(LocalDate.of(2026, 6, 15));
            assertThat(other.policy("c").get(PolicyKey.MS_STALLED_DAYS)).isEqualByComparingTo("30");
        }
    }

    @Test
    void storesOpeningANewDatabaseAtOnceCreateItsSchemaOnce() throws Exception {
        Path db = temp.resolve("new.db");
        String address = kind.address(db);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> opened = threads.invokeAll(List.of(() -> count(address), () -> count(address),
                    () -> count(address), () -> count(address)));
            for (Future<Long> cohorts : opened) {
                assertThat(cohorts.get()).isZero();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static long count(String address) {
        try (Store store = Store.open(address)) {
            return store.cohorts().size();
        }
    }

    @Test
    void idsSortByteByByteAsSqliteSortsThemWhateverTheServersLocale() {
        try (Store store = kind.open(temp.resolve("coach.db"))) {
            for (String id : List.of("b", "B", "a-2", "a_1", "a10", "a9", "Z", "é")) {
                store.ensureCohort(new Cohort(id, id, null, null));
            }

            assertThat(store.cohorts()).extracting(Cohort::id)
                    .containsExactly("B", "Z", "a-2", "a10", "a9", "a_1", "b", "é");
        }
    }
}
