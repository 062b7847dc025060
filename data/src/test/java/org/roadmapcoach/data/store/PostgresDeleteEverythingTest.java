package org.roadmapcoach.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.data.CohortFixture;
import org.roadmapcoach.data.TestPostgres;

/**
 * {@link Store#deleteEverything()} on a PostgreSQL database that other programs share: only the store's own
 * tables (those its migrations create) are emptied. A SQLite file is the store's alone.
 */
class PostgresDeleteEverythingTest {

    @TempDir
    Path temp;

    @Test
    void onPostgresqlATableThatIsNotTheStoresIsLeftAsItIs() throws Exception {
        try (Store store = Store.open(TestPostgres.newDatabase())) {
            try (var connection = store.connect(); var statement = connection.createStatement()) {
                statement.execute("CREATE TABLE payroll (id INTEGER)");
                statement.execute("INSERT INTO payroll VALUES (1)");
            }
            DeleteEverythingTest.fill(store, CohortFixture.write(temp.resolve("fixture")));

            store.deleteEverything();

            try (var connection = store.connect(); var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT COUNT(*) FROM payroll")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            assertThat(store.cohorts()).isEmpty();
        }
    }
}
