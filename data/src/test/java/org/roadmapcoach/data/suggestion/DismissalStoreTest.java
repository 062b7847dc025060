package org.roadmapcoach.data.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.CohortFixture;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.store.Store;

/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DismissalStoreTest {

    @Parameter
    StoreKind kind;

    @TempDir
    Path temp;

    private Store store;

    @BeforeEach
    void open() {
        store = kind.open(temp.resolve("coach.db"));
        new CohortImporter(store).importPaths("c1", List.of(CohortFixture.write(temp.resolve("in"))));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void dismissalsArePersonalAndDismissingAgainReplacesTheFingerprint() {
        DismissalStore dismissals = new DismissalStore(store);
        Instant at = Instant.parse("2026-06-15T10:00:00Z");
        dismissals.save("c1", "P1", List.of(new Dismissal("RES-RECOMMEND", "RS2", "O1", "aaa", "E1", at),
                new Dismissal("MS-STALLED", "MS2", "", "bbb", "E1", at)));
        dismissals.save("c1", "P1", List.of(new Dismissal("MS-STALLED", "MS2", "", "ccc", "M1", at)));
        dismissals.save("c1", "P1", List.of(new Dismissal("MS-STALLED", "MS2", "", "ddd", "E1", at)));

        assertThat(dismissals.ofPairing("c1", "P1")).extracting(Dismissal::dismissedBy, Dismissal::ruleId,
                Dismissal::fingerprint).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("E1", "RES-RECOMMEND", "aaa"),
                        org.assertj.core.groups.Tuple.tuple("E1", "MS-STALLED", "ddd"),
                        org.assertj.core.groups.Tuple.tuple("M1", "MS-STALLED", "ccc"));
        assertThat(dismissals.ofPairing("c1", "P2")).isEmpty();
    }

    @Test
    void undoingRemovesOnlyThatPersonsDismissal() {
        DismissalStore dismissals = new DismissalStore(store);
        Instant at = Instant.parse("2026-06-15T10:00:00Z");
        dismissals.save("c1", "P1", List.of(new Dismissal("MS-STALLED", "MS2", "", "bbb", "E1", at)));
        dismissals.save("c1", "P1", List.of(new Dismissal("MS-STALLED", "MS2", "", "bbb", "M1", at)));

        assertThat(dismissals.remove("c1", "P1", "E1", "MS-STALLED", "MS2")).isEqualTo(1);
        assertThat(dismissals.remove("c1", "P1", "E1", "MS-STALLED", "MS2")).isZero();
        assertThat(dismissals.ofPairing("c1", "P1")).extracting(Dismissal::dismissedBy).containsExactly("M1");
    }
}
