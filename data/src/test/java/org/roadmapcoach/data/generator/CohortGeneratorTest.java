package org.roadmapcoach.data.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.importer.ImportReport;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.Table;
import org.roadmapcoach.data.store.Tables;

class CohortGeneratorTest {

    @TempDir
    Path temp;

    @Test
    void theSameSeedWritesTheSameBytesAndAnotherSeedOtherOnes() throws Exception {
        CohortGenerator.generate(temp.resolve("a"), 50, 7);
        CohortGenerator.generate(temp.resolve("b"), 50, 7);
        CohortGenerator.generate(temp.resolve("c"), 50, 8);

        for (Table<?> table : Tables.ALL) {
            String file = table.fileName();
            assertThat(temp.resolve("b").resolve(file)).as(file).hasSameBinaryContentAs(temp.resolve("a").resolve(file));
        }
        assertThat(Files.readAllBytes(temp.resolve("c").resolve("checkins.csv")))
                .isNotEqualTo(Files.readAllBytes(temp.resolve("a").resolve("checkins.csv")));
    }

    @Test
    void waitingPeopleAreAddedWithTheSameBytesPerSeedAndLeaveThePairingsAsTheyWere() throws Exception {
        CohortGenerator.generate(temp.resolve("plain"), 40, 3);
        Map<String, Long> rows = CohortGenerator.generate(temp.resolve("a"), 40, 3, 10);
        CohortGenerator.generate(temp.resolve("b"), 40, 3, 10);

        for (Table<?> table : Tables.ALL) {
            String file = table.fileName();
            assertThat(temp.resolve("b").resolve(file)).as(file).hasSameBinaryContentAs(temp.resolve("a").resolve(file));
            if (!file.equals("people.csv")) {
                assertThat(temp.resolve("a").resolve(file)).as(file)
                        .hasSameBinaryContentAs(temp.resolve("plain").resolve(file));
            }
        }
        // 10 waiting mentees and a mentor for every four of them
        assertThat(rows).containsEntry("people.csv", 40 + 20 + CohortGenerator.COORDINATORS + 10 + 3L);
        assertThat(Files.readString(temp.resolve("a").resolve("people.csv")))
                .startsWith(Files.readString(temp.resolve("plain").resolve("people.csv")))
                .contains("\r\nMW000003,").contains("\r\nEW000010,");
        try (Store store = Store.open(temp.resolve("coach.db"))) {
            assertThat(new CohortImporter(store).importPaths("w", List.of(temp.resolve("a"))).ok()).isTrue();
        }
    }

    @Test
    void generatedCohortImportsWithoutErrorsWithTheRowCountsTheGeneratorReports() throws Exception {
        Map<String, Long> written = CohortGenerator.generate(temp.resolve("cohort"), 200, 1);

        try (Store store = Store.open(temp.resolve("coach.db"))) {
            ImportReport report = new CohortImporter(store).importPaths("big", List.of(temp.resolve("cohort")));

            assertThat(report.errors()).isEmpty();
            assertThat(report.ok()).isTrue();
            assertThat(report.counts()).isEqualTo(written);
            assertThat(store.counts("big")).isEqualTo(written);
        }
    }

    @Test
    void cohortHasTheShapeOfARealProgram() throws Exception {
        int pairings = 1000;

        Map<String, Long> rows = CohortGenerator.generate(temp, pairings, 1);

        assertThat(rows).containsEntry("pairings.csv", (long) pairings)
                .containsEntry("resources.csv", (long) CohortGenerator.RESOURCES)
                // a mentee per pairing, a mentor per two, and the coordinators
                .containsEntry("people.csv", pairings + pairings / 2L + CohortGenerator.COORDINATORS)
                .containsEntry("reciprocity.csv", 4L * pairings)
                .containsEntry("activities.csv", 4L * pairings)
                .containsEntry("engagements.csv", 2L * pairings);
        assertThat(rows.get("objectives.csv") / (double) pairings).isBetween(2.9, 3.3);
        assertThat(rows.get("milestones.csv") / (double) rows.get("objectives.csv")).isBetween(3.7, 4.0);
        assertThat(rows.get("checkins.csv") / (double) pairings).isBetween(5.0, 6.0);
    }

    @Test
    void aCohortNeedsAtLeastOnePairing() {
        assertThatThrownBy(() -> CohortGenerator.generate(temp, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
