package org.roadmapcoach.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.CohortFixture;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Person;

/**
 * An import into a cohort that has no record of a file's table yet: on PostgreSQL its rows are sent with
 * COPY (in its text format, several COPYs for a large file), on SQLite with batched INSERTs; either way
 * the store holds exactly what the rows say, which the next import of the same files finds unchanged.
 * On SQLite and on PostgreSQL ({@link StoreKind}).
 */
@ParameterizedClass
@EnumSource(StoreKind.class)
class NewCohortImportTest {

    @Parameter
    StoreKind kind;

    private static final String COHORT = "spring-2026";

    @TempDir
    Path temp;

    private Store store;

    @BeforeEach
    void openStore() {
        store = kind.open(temp.resolve("coach.db"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aLargeNewCohortIsStoredAsItsRowsSayAndImportingItAgainChangesNothing() {
        // 5,200 people, objectives and milestones: more than one COPY's worth each
        Path files = CohortFixture.write(temp.resolve("cohort"), CohortFixture.generated(2600));

        ImportReport first = new CohortImporter(store).importPaths(COHORT, List.of(files));
        ImportReport again = new CohortImporter(store).importPaths(COHORT, List.of(files));

        assertThat(first.errors()).isEmpty();
        assertThat(first.counts()).containsEntry("people.csv", 5200L).containsEntry("objectives.csv", 5200L)
                .containsEntry("milestones.csv", 5200L).containsEntry("checkins.csv", 2600L);
        first.counts().forEach((file, rows) ->
                assertThat(first.changes().get(file)).as(file).isEqualTo(new ImportReport.FileChanges(rows, 0, 0, 0, 0)));
        assertThat(again.errors()).isEmpty();
        again.counts().forEach((file, rows) ->
                assertThat(again.changes().get(file)).as(file).isEqualTo(new ImportReport.FileChanges(0, 0, rows, 0, 0)));
        assertThat(store.counts(COHORT)).containsEntry("people.csv", 5200L).containsEntry("milestones.csv", 5200L);
    }

    @Test
    void backslashesTabsLineBreaksAndEmptyValuesOfANewCohortAreStoredVerbatim() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("people.csv", """
                id,name,role,email,title,department,strengths,gaps,ambitions,capacity_hours_per_month,max_mentees
                E1,C:\\Users\\ada \\N,mentee,,"tab\there","",sql,,"one\r\ntwo\nthree\rfour \\\\ five",,
                M1,"\\N",mentor,grace@example.org,\\t not a tab,Platform,,,,6,2
                """);
        Path dir = CohortFixture.write(temp.resolve("cohort"), files);

        ImportReport first = new CohortImporter(store).importPaths(COHORT, List.of(dir));
        List<Person> people = new ArrayList<>();
        store.forEachRecord(Tables.PEOPLE, COHORT, people::add);
        ImportReport again = new CohortImporter(store).importPaths(COHORT, List.of(dir));

        assertThat(first.errors()).isEmpty();
        assertThat(people).extracting(Person::id).containsExactly("E1", "M1");
        Person ada = people.get(0);
        assertThat(ada.name()).isEqualTo("C:\\Users\\ada \\N");
        assertThat(ada.title()).isEqualTo("tab\there");
        assertThat(ada.ambitions()).isEqualTo("one\r\ntwo\nthree\rfour \\\\ five");
        assertThat(ada.capacityHoursPerMonth()).isNull();
        Person grace = people.get(1);
        assertThat(grace.name()).isEqualTo("\\N");
        assertThat(grace.title()).isEqualTo("\\t not a tab");
        assertThat(grace.maxMentees()).isEqualTo(2);
        // what an empty cell is stored as, the same on both databases, is what a re-import compares with
        assertThat(again.changes().get("people.csv")).isEqualTo(new ImportReport.FileChanges(0, 0, 2, 0, 0));
    }
}
