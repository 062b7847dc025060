package org.roadmapcoach.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.roadmapcoach.data.CohortFixture;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.StoreSnapshot;
import org.roadmapcoach.data.exporter.CohortExporter;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.Table;
import org.roadmapcoach.data.store.Tables;

/**
 * Hostile-looking input that is nevertheless valid ({@code src/test/resources/hostile/accepted}): it
 * imports, the store keeps it verbatim, and nothing of it is ever run, as SQL or as a spreadsheet
 * formula in an export.
 */
/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class HostileAcceptedInputTest {

    @Parameter
    StoreKind kind;

    private static final String COHORT = "spring-2026";

    @TempDir
    Path temp;

    private Store store;
    private Map<String, String> before;

    @BeforeEach
    void storeTheFixtureCohort() {
        store = kind.open(temp.resolve("coach.db"));
        assertThat(new CohortImporter(store).importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("fixture"))))
                .ok()).isTrue();
        before = StoreSnapshot.of(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aHeaderOnlyFileIsAValidEmptyFileThatChangesNothing() {
        ImportReport report = accept("header-only");

        assertThat(report.counts()).containsExactly(Map.entry("people.csv", 0L));
        assertThat(report.warnings()).isEmpty();
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    }

    @Test
    void crlfLfAndLoneCrLineEndingsMixInOneFileAndQuotedValuesKeepTheirOwn() throws SQLException {
        ImportReport report = accept("mixed-line-endings");

        assertThat(report.counts()).containsExactly(Map.entry("checkins.csv", 4L));
        assertThat(value("checkins", "notes", "X1")).isEqualTo("one\r\ntwo");
        assertThat(value("checkins", "notes", "X2")).isEqualTo("plain");
        assertThat(value("checkins", "notes", "X3")).isEqualTo("a\rb");
        assertThat(value("checkins", "notes", "X4")).isEqualTo("last");
    }

    @Test
    void sqlMetacharactersInIdsAndTextAreStoredVerbatimAndNeverRun() throws SQLException {
        List<String> tables = tables();

        accept("sql-metacharacters");

        assertThat(tables()).isEqualTo(tables);
        String dropPeople = "'; DROP TABLE people; --";
        assertThat(value("people", "name", dropPeople)).isEqualTo("Robert'); DROP TABLE people;--");
        assertThat(value("people", "ambitions", dropPeople)).isEqualTo("\" OR 1=1");
        assertThat(value("people", "name", "M\" OR \"1\"=\"1")).isEqualTo("\"; DELETE FROM pairings WHERE ''='");
        assertThat(value("people", "ambitions", "M\" OR \"1\"=\"1")).isEqualTo("%;_");
        assertThat(value("pairings", "mentee_id", "1 OR 1=1; --")).isEqualTo(dropPeople);
        assertThat(value("pairings", "agreement_roles", "1 OR 1=1; --")).isEqualTo("UNION SELECT token_hash FROM tokens");
        assertThat(value("objectives", "title", "O1'; UPDATE objectives SET title='pwned' WHERE '1'='1"))
                .isEqualTo("Robert'); DROP TABLE objectives;--");
        // Everything stored before is still there, unchanged.
        assertThat(store.counts(COHORT)).containsEntry("people.csv", 7L).containsEntry("pairings.csv", 3L)
                .containsEntry("objectives.csv", 3L).containsEntry("checkins.csv", 3L);
        assertThat(value("objectives", "title", "O1")).isEqualTo("Lead a design review for the billing service");
    }

    @Test
    void formulaPayloadsAreStoredVerbatim() throws SQLException {
        accept("formula-payloads");

        assertThat(value("objectives", "title", "O-F1")).isEqualTo("=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(value("objectives", "description", "O-F1")).isEqualTo("+cmd|' /C calc'!A0");
        assertThat(value("objectives", "competency", "O-F1")).isEqualTo("-2+3");
        assertThat(value("objectives", "metric", "O-F1")).isEqualTo("@SUM(A1)");
        assertThat(value("objectives", "baseline", "O-F1")).isEqualTo("-1.5");
        // Values are trimmed (CSV.md), so a leading tab or CR goes; what follows is kept.
        assertThat(value("objectives", "unit", "O-F1")).isEqualTo("=1+1");
        assertThat(value("objectives", "competency", "=O-F2")).isEqualTo("=cr");
        // A ' before formula text is what our exports add: the importer drops one.
        assertThat(value("objectives", "title", "=O-F2")).isEqualTo("=already quoted");
        assertThat(value("objectives", "description", "=O-F2")).isEqualTo("'=two quotes");
        assertThat(value("objectives", "metric", "=O-F2")).isEqualTo("'plain apostrophe");
        assertThat(value("people", "name", "@E-F")).isEqualTo("=Eve");
        assertThat(value("people", "strengths", "@E-F")).isEqualTo("=a;+b");
    }

    @Test
    void formulaPayloadsAreNeutralisedInTheExportAndImportBackToTheSameStore() throws IOException {
        accept("formula-payloads");
        Path exported = temp.resolve("exported");

        new CohortExporter(store).export(COHORT, exported);

        Map<String, String> objectiveF1 = row(exported, Tables.OBJECTIVES, "O-F1");
        assertThat(objectiveF1).containsEntry("title", "'=HYPERLINK(\"http://evil.example\",\"x\")")
                .containsEntry("description", "'+cmd|' /C calc'!A0").containsEntry("competency", "'-2+3")
                .containsEntry("metric", "'@SUM(A1)").containsEntry("unit", "'=1+1")
                .containsEntry("baseline", "-1.5").containsEntry("target", "2");
        Map<String, String> objectiveF2 = row(exported, Tables.OBJECTIVES, "'=O-F2");
        assertThat(objectiveF2).containsEntry("title", "'=already quoted").containsEntry("description", "''=two quotes")
                .containsEntry("metric", "'plain apostrophe").containsEntry("baseline", "0.5")
                .containsEntry("target", "-0.25").containsEntry("unit", "'@");
        assertThat(row(exported, Tables.PEOPLE, "'@E-F")).containsEntry("name", "'=Eve")
                .containsEntry("strengths", "'=a;+b");
        assertThat(row(exported, Tables.OBJECTIVES, "O2")).containsEntry("baseline", "-1.50");
        assertNoTextCellStartsAFormula(exported);

        try (Store copy = kind.open(temp.resolve("copy.db"))) {
            ImportReport report = new CohortImporter(copy).importPaths(COHORT, List.of(exported));

            assertThat(report.errors()).isEmpty();
            assertThat(StoreSnapshot.of(copy)).isEqualTo(StoreSnapshot.of(store));
        }
    }

    private ImportReport accept(String name) {
        ImportReport report = new CohortImporter(store).importPaths(COHORT,
                List.of(HostileInputTest.corpus().resolve("accepted").resolve(name)));
        assertThat(report.errors()).as("accepted").isEmpty();
        return report;
    }

    private String value(String table, String column, String id) throws SQLException {
        try (Connection connection = store.connect();
             PreparedStatement query = connection.prepareStatement("SELECT " + column + " FROM " + table
                     + " WHERE cohort_id = ? AND id = ?")) {
            query.setString(1, COHORT);
            query.setString(2, id);
            try (ResultSet rows = query.executeQuery()) {
                assertThat(rows.next()).as(table + " " + id).isTrue();
                return rows.getString(1);
            }
        }
    }

    private List<String> tables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = store.connect();
             PreparedStatement query = connection.prepareStatement(
                     kind == StoreKind.SQLITE ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
                             : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                                     + " ORDER BY table_name COLLATE \"C\"");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /** The exported row whose first cell is {@code id}, column name to cell as written. */
    private static Map<String, String> row(Path dir, Table<?> table, String id) throws IOException {
        for (CSVRecord record : records(dir, table)) {
            if (record.get(0).equals(id)) {
                return record.toMap();
            }
        }
        throw new AssertionError("no row " + id + " in " + table);
    }

    private static void assertNoTextCellStartsAFormula(Path dir) throws IOException {
        for (Table<?> table : Tables.ALL) {
            for (CSVRecord record : records(dir, table)) {
                record.toMap().forEach((column, cell) -> {
                    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
                        assertThat(column).as(table + " " + column + " [" + cell + "]").isIn("baseline", "target",
                                "current");
                        assertThat(cell).matches("-\\d+(\\.\\d+)?");
                    }
                });
            }
        }
    }

    private static List<CSVRecord> records(Path dir, Table<?> table) throws IOException {
        try (Reader reader = Files.newBufferedReader(dir.resolve(table.fileName()), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
