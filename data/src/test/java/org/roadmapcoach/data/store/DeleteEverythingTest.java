package org.roadmapcoach.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.CohortFixture;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.StoreSnapshot;
import org.roadmapcoach.data.auth.TokenGrant;
import org.roadmapcoach.data.auth.TokenKind;
import org.roadmapcoach.data.auth.TokenStore;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.engine.roadmap.Role;

/** {@link Store#deleteEverything()} (the demo's {@code --reset} on PostgreSQL), on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(StoreKind.class)
class DeleteEverythingTest {

    @Parameter
    StoreKind kind;

    @TempDir
    Path temp;

    @Test
    void aStoreEmptiedOfEverythingIsANewStoreAndFillsAgainWithTheSameIds() {
        Path fixture = CohortFixture.write(temp.resolve("fixture"));
        Map<String, String> empty;
        try (Store fresh = kind.open(temp.resolve("fresh.db"))) {
            empty = StoreSnapshot.of(fresh);
        }
        try (Store store = kind.open(temp.resolve("coach.db"))) {
            Map<String, String> first = fill(store, fixture);
            long version = store.dataVersion();

            store.deleteEverything();

            assertThat(store.dataVersion()).as("a commit other servers see").isNotEqualTo(version);
            assertThat(StoreSnapshot.of(store)).isEqualTo(empty);
            assertThat(store.cohorts()).isEmpty();
            assertThat(store.pinnedToday()).isEmpty();
            assertThat(fill(store, fixture)).as("ids start at 1 again").isEqualTo(first);
        }
    }

    /** Imports the fixture, pins a today and saves a token: what the demo writes. */
    static Map<String, String> fill(Store store, Path fixture) {
        assertThat(new CohortImporter(store).importPaths("spring-2026", List.of(fixture)).errors()).isEmpty();
        store.pinToday(LocalDate.of(2026, 6, 15));
        new TokenStore(store).save("demo-token", TokenKind.API, new TokenGrant("C01", Role.COORDINATOR, "spring-2026"),
                Instant.EPOCH, null);
        return StoreSnapshot.of(store);
    }
}
