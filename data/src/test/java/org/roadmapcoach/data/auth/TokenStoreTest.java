package org.roadmapcoach.data.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.roadmap.Role;

/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class TokenStoreTest {

    @Parameter
    StoreKind kind;

    @TempDir
    Path temp;

    private Store store;
    private TokenStore tokens;

    @BeforeEach
    void open() {
        store = kind.open(temp.resolve("coach.db"));
        tokens = new TokenStore(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSavedTokenIsFoundWithItsGrantAndOnlyItsHashIsStored() throws Exception {
        TokenGrant grant = new TokenGrant("E1", Role.MENTEE, "c1");
        tokens.save("s3cret-token", grant, Instant.parse("2026-06-15T10:00:00Z"));

        assertThat(tokens.find("s3cret-token")).contains(grant);
        assertThat(tokens.find("s3cret-tokeN")).isEmpty();
        try (Connection connection = store.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM api_tokens")) {
            rows.next();
            for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                assertThat(String.valueOf(rows.getString(column))).doesNotContain("s3cret");
            }
            assertThat(rows.getString("token_hash")).hasSize(64);
        }
    }

    @Test
    void savingTheSameTokenAgainReplacesItsGrant() {
        tokens.save("demo", new TokenGrant("C1", Role.COORDINATOR, "c1"), Instant.EPOCH);
        tokens.save("demo", new TokenGrant("C2", Role.COORDINATOR, null), Instant.EPOCH);

        assertThat(tokens.find("demo")).contains(new TokenGrant("C2", Role.COORDINATOR, null));
    }
}
