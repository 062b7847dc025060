package org.roadmapcoach.data.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.data.CohortFixture;
import org.roadmapcoach.data.StoreSnapshot;
import org.roadmapcoach.data.TestPostgres;
import org.roadmapcoach.data.importer.CohortImporter;

/** What only PostgreSQL has: its schema version table, its connection errors. The rest runs on both stores. */
class PostgresStoreTest {

    @Test
    void createsTheSchemaAtTheLatestVersionInItsOwnVersionTable() throws SQLException {
        try (Store store = Store.open(TestPostgres.newDatabase())) {
            assertThat(store.file()).isNull();
            assertThat(single(store, "SELECT version FROM schema_version"))
                    .isEqualTo(List.of(String.valueOf(Migrations.POSTGRESQL.files().size())));
        }
    }

    @TempDir
    Path temp;

    @Test
    void reopeningAppliesNoMigrationTwiceAndKeepsTheData() throws SQLException {
        String url = TestPostgres.newDatabase();
        Map<String, String> before;
        try (Store store = Store.open(url)) {
            Path fixture = CohortFixture.write(temp.resolve("fixture"));
            assertThat(new CohortImporter(store).importPaths("spring-2026", List.of(fixture)).errors()).isEmpty();
            before = StoreSnapshot.of(store);
        }
        try (Store store = Store.open(url)) {
            assertThat(StoreSnapshot.of(store)).isEqualTo(before);
            assertThat(single(store, "SELECT COUNT(*) FROM schema_version")).containsExactly("1");
        }
    }

    /**
     * A process that waited for the migration lock, in a transaction begun before another process created the
     * schema, must read the version that process committed: it once read 0 (to_regclass answered from what its
     * connection had cached of the catalog) and created the tables again, "relation store_commits already
     * exists", in about one of a hundred openings of a new database by four stores at once.
     */
    @Test
    void theSchemaVersionReadInATransactionIsWhatAnotherProcessCommittedSinceItBegan() throws SQLException {
        PostgresDialect dialect = new PostgresDialect(
                (StoreAddress.Postgres) StoreAddress.parse(TestPostgres.newDatabase()), 60_000);
        PostgresDialect.SchemaVersion version = new PostgresDialect.SchemaVersion();
        try (Connection waiting = dialect.connect(true); Connection other = dialect.connect(true)) {
            assertThat(version.read(waiting)).isZero();
            waiting.setAutoCommit(false);
            version.lock(waiting); // begins its transaction

            version.write(other, 2);

            assertThat(version.read(waiting)).isEqualTo(2);
            waiting.rollback();
        }
    }

    /** A run of 100,000 pairings read in one transaction must not arrive in memory all at once. */
    @Test
    void aLargeReadInATransactionFetchesItsRowsAThousandAtATime() {
        try (Store store = Store.open(TestPostgres.newDatabase())) {
            List<Long> fetched = store.read(connection -> {
                connection.setAutoCommit(false);
                List<Long> counts = new java.util.ArrayList<>();
                try (PreparedStatement query = connection.prepareStatement("SELECT n FROM generate_series(1, 2500) n");
                     ResultSet rows = query.executeQuery();
                     PreparedStatement portals = connection.prepareStatement(
                             "SELECT count(*) FROM pg_cursors WHERE statement LIKE '%generate' || '_series%'")) {
                    while (rows.next()) {
                        if (rows.getInt(1) % 1_000 == 1) { // the first row of each thousand fetched
                            try (ResultSet open = portals.executeQuery()) {
                                open.next();
                                counts.add(open.getLong(1));
                            }
                        }
                    }
                }
                return counts;
            });
            // the query's portal stays open on the server while rows remain to fetch: it is read in parts (all
            // at once, its portal is gone before the first row is read)
            assertThat(fetched).containsExactly(1L, 1L, 0L); // the third fetch of 500 rows ends it
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsNamedWithoutItsPassword() {
        String url = TestPostgres.newDatabase();
        String missing = url.replace("postgres:postgres@", "postgres:s3cret@").replaceAll("/[^/]+$", "/no_such_db");

        assertThatThrownBy(() -> Store.open(missing)).isInstanceOf(StoreAccessException.class)
                .hasMessageStartingWith("cannot open the database postgresql://postgres@localhost:")
                .hasMessageContaining("no_such_db").hasMessageNotContaining("s3cret");
    }

    private static List<String> single(Store store, String sql) throws SQLException {
        try (Connection connection = store.connect(); PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
