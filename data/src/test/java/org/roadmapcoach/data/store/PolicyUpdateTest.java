package org.roadmapcoach.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
 * A change of some keys of a policy (PATCH) reads and saves in one transaction: changes made at once all take
 * effect, none undoes another; on SQLite and on PostgreSQL ({@link StoreKind}).
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class PolicyUpdateTest {

    @Parameter
    StoreKind kind;

    @TempDir
    Path temp;

    private Store store;

    @BeforeEach
    void openStore() {
        store = kind.open(temp.resolve("coach.db"));
        store.ensureCohort(new Cohort("c", "c", null, null));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void keysChangedAtOnceByManyWritersAreAllKept() throws Exception {
        List<PolicyKey> keys = List.of(PolicyKey.values()).subList(0, 8);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (PolicyKey key : keys) {
            writers.add(CompletableFuture.runAsync(() -> {
                awaitQuietly(start);
                store.updatePolicy("c", saved -> {
                    Thread.yield(); // widen the window between reading and saving in which a writer could interleave
                    return saved.with(key, changed(key));
                });
            }));
        }
        start.countDown();
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);

        Policy saved = store.policy("c");
        for (PolicyKey key : keys) {
            assertThat(saved.get(key)).as(key.key()).isEqualByComparingTo(changed(key));
        }
    }

    @Test
    void aChangeThatFailsSavesNothing() {
        PolicyKey key = PolicyKey.values()[0];
        try {
            store.updatePolicy("c", saved -> {
                throw new IllegalArgumentException("a bad value");
            });
        } catch (IllegalArgumentException expected) {
            // the change's own failure
        }
        assertThat(store.policy("c").get(key)).isEqualByComparingTo(key.defaultValue());
    }

    /** A value of {@code key} other than its default, within its range. */
    private static BigDecimal changed(PolicyKey key) {
        return key.defaultValue().compareTo(BigDecimal.valueOf(key.min())) == 0 ? BigDecimal.valueOf(key.max())
                : BigDecimal.valueOf(key.min());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
