package org.roadmapcoach.data.exporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.CohortFixture;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.StoreSnapshot;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.importer.ImportReport;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.Table;
import org.roadmapcoach.data.store.Tables;

/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class CohortExporterTest {

    @Parameter
    StoreKind kind;

    private static final String COHORT = "spring-2026";

    @TempDir
    Path temp;

    @Test
    void exportThenImportIntoAFreshStoreGivesTheSameStore() {
        try (Store original = kind.open(temp.resolve("original.db"));
             Store copy = kind.open(temp.resolve("copy.db"))) {
            new CohortImporter(original).importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("in"))));
            new CohortImporter(original).importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("more"),
                    CohortFixture.generated(5))));
            Path exported = temp.resolve("exported");

            new CohortExporter(original).export(COHORT, exported);
            ImportReport report = new CohortImporter(copy).importPaths(COHORT, List.of(exported));

            assertThat(report.errors()).isEmpty();
            assertThat(report.warnings()).isEmpty();
            assertThat(StoreSnapshot.of(copy)).isEqualTo(StoreSnapshot.of(original));
        }
    }

    @Test
    void writesEveryColumnInSpecOrderAndRowsInIdOrder() throws IOException {
        try (Store store = kind.open(temp.resolve("coach.db"))) {
            new CohortImporter(store).importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("in"))));

            new CohortExporter(store).export(COHORT, temp.resolve("out"));
        }

        for (Table<?> table : Tables.ALL) {
            assertThat(lines(table.fileName()).get(0)).isEqualTo(String.join(",", table.columns()));
        }
        assertThat(lines("resources.csv")).containsExactly(
                "id,title,type,competencies,level,stages,hours,url,cost",
                "RS1,\"Crucial Conversations, 3rd edition\",reading,stakeholder management;communication,intro,"
                        + "discovery;practice,8,https://example.org/cc,25.00",
                "RS2,SQL Performance Explained,course,sql,advanced,,,,");
        assertThat(lines("people.csv")).extracting(line -> line.split(",")[0])
                .containsExactly("id", "C1", "E1", "E2", "M1", "M2");
        assertThat(lines("pairings.csv").get(2)).isEqualTo("P2,E2,M2,2026-02-01,,14,paused,,,,,");
    }

    @Test
    void anExportForExcelStartsEachFileWithAByteOrderMarkEndsLinesWithCrlfAndImportsBackUnchanged()
            throws IOException {
        try (Store original = kind.open(temp.resolve("original.db"));
             Store copy = kind.open(temp.resolve("copy.db"))) {
            new CohortImporter(original).importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("in"))));
            Path exported = temp.resolve("excel");

            new CohortExporter(original).export(COHORT, exported, true);
            ImportReport report = new CohortImporter(copy).importPaths(COHORT, List.of(exported));

            for (Table<?> table : Tables.ALL) {
                byte[] bytes = Files.readAllBytes(exported.resolve(table.fileName()));
                assertThat(bytes).as(table.fileName()).startsWith(0xEF, 0xBB, 0xBF);
                String text = new String(bytes, StandardCharsets.UTF_8);
                assertThat(text).as(table.fileName()).startsWith("\uFEFF" + String.join(",", table.columns()) + "\r\n")
                        .endsWith("\r\n");
            }
            assertThat(report.errors()).isEmpty();
            assertThat(report.warnings()).isEmpty();
            assertThat(StoreSnapshot.of(copy)).isEqualTo(StoreSnapshot.of(original));
            // and into the store it came from: the same records, nothing updated
            ImportReport again = new CohortImporter(original).importPaths(COHORT, List.of(exported));
            assertThat(again.changes().values()).allSatisfy(changes -> assertThat(changes.updated()).isZero());
        }
    }

    @Test
    void refusesToExportACohortThatDoesNotExist() {
        try (Store store = kind.open(temp.resolve("coach.db"))) {
            assertThatThrownBy(() -> new CohortExporter(store).export("nobody", temp.resolve("out")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("no cohort 'nobody'");
        }
    }

    private List<String> lines(String file) throws IOException {
        // CRLF per RFC 4180; none of the checked rows has a multi-line value.
        return List.of(Files.readString(temp.resolve("out").resolve(file), StandardCharsets.UTF_8).split("\r\n"));
    }
}
