package org.roadmapcoach.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.roadmapcoach.data.CohortFixture;
import org.roadmapcoach.data.StoreKind;
import org.roadmapcoach.data.StoreSnapshot;
import org.roadmapcoach.data.store.Store;

/**
 * The corpus of hostile inputs in {@code src/test/resources/hostile/rejected}: one folder per case, each
 * imported (its CSV files, or its zip) into a store that already holds the fixture cohort. Every case
 * is rejected with its first error at the expected file, line and column, and the store is unchanged.
 * Cases are checked-in files, so that they are the exact bytes (line endings, encodings, zips) a
 * spreadsheet, an HR system or an attacker would send.
 */
/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class HostileInputTest {

    @Parameter
    StoreKind kind;

    static final String COHORT = "spring-2026";

    @TempDir
    Path temp;

    private Store store;
    private Map<String, String> before;

    /** Case folder, then where its first error is: file, line, column (null when about the file or record), reason. */
    static Stream<Arguments> rejected() {
        String peopleColumns = "expected a header row with the columns id, name, role, email";
        return Stream.of(
                // empty and blank files
                arguments("bom-only", "people.csv", 1, null, "the file is empty; " + peopleColumns),
                arguments("blank-lines-only", "people.csv", 1, null, "the first line is blank; " + peopleColumns),
                arguments("blank-cells-header", "people.csv", 1, null, "the first line is blank"),
                arguments("blank-line-before-header", "people.csv", 1, null, "the first line is blank"),
                arguments("wrong-file-content", "people.csv", 1, "name", "missing required column"),
                // duplicate headers
                arguments("duplicate-header-case-and-spaces", "people.csv", 1, "id", "duplicate column"),
                arguments("duplicate-unknown-header", "people.csv", 1, "notes", "duplicate column"),
                arguments("duplicate-header-after-bom", "people.csv", 1, "id", "duplicate column"),
                // a formula where a column name belongs is within an edit of it: a typo, not an extra column
                arguments("formula-in-header", "people.csv", 1, "=role", "unknown column '=role': did you mean 'role'?"),
                // line endings: CRLF, LF and a lone CR each end one line, mixed freely
                arguments("mixed-line-endings-bad-date", "checkins.csv", 5, "date", "expected a date as yyyy-MM-dd"),
                arguments("mixed-line-endings-in-quoted-value", "checkins.csv", 7, "pairing_id", "no pairing 'P9'"),
                arguments("old-mac-line-endings", "people.csv", 4, "role", "expected one of: mentee, mentor"),
                arguments("lone-cr-splits-a-row", "people.csv", 2, null, "expected 3 fields as in the header, found 2"),
                arguments("blank-lines-between-rows-crlf", "people.csv", 6, "role", "a value is required"),
                // binary garbage and broken encodings
                arguments("binary-png", "people.csv", 1, null, "invalid UTF-8"),
                arguments("binary-gzip", "people.csv", 1, null, "invalid UTF-8"),
                arguments("utf16-with-bom", "people.csv", 1, null, "invalid UTF-8"),
                arguments("windows-1252-smart-quotes", "people.csv", 3, null, "invalid UTF-8"),
                arguments("overlong-utf8", "people.csv", 2, null, "invalid UTF-8"),
                arguments("utf8-encoded-surrogate", "people.csv", 3, null, "invalid UTF-8"),
                arguments("truncated-utf8-at-end", "people.csv", 3, null, "invalid UTF-8"),
                arguments("nul-in-a-cell", "people.csv", 2, "name", "a NUL character (byte 0) is not text"),
                arguments("nul-bytes-only", "people.csv", 1, "id", "missing required column"),
                // SQL metacharacters where a value is checked: rejected by the value's rule, never run
                arguments("sql-in-a-date", "checkins.csv", 2, "date", "expected a date as yyyy-MM-dd"),
                arguments("sql-in-an-enum", "people.csv", 2, "role", "expected one of: mentee, mentor, coordinator"),
                arguments("sql-in-a-reference", "objectives.csv", 2, "pairing_id", "no pairing 'P1' OR '1'='1'"),
                // formula payloads where a number is expected
                arguments("formula-in-a-number", "objectives.csv", 2, "baseline", "expected a number"),
                arguments("formula-minus-in-a-number", "reciprocity.csv", 2, "hours", "expected a number"),
                arguments("unquoted-formula-with-comma", "objectives.csv", 2, null, "expected 3 fields"),
                // numbers and dates out of their range
                arguments("signed-five-digit-year", "checkins.csv", 2, "date", "expected a date as yyyy-MM-dd"),
                arguments("huge-whole-number", "pairings.csv", 2, "cadence_days", "from 1 to 365"),
                arguments("number-with-exponent", "activities.csv", 2, "hours", "expected a number"),
                arguments("number-past-the-digit-limit", "activities.csv", 2, "hours",
                        "a number of 5000 characters; at most 32 are allowed"),
                arguments("number-with-sixteen-digits", "reciprocity.csv", 2, "hours",
                        "expected a number with at most 15 digits before and after the point"),
                // limits of one cell, list or record
                arguments("id-too-long", "people.csv", 2, "id", "an id of 201 characters; at most 200 are allowed"),
                arguments("reference-too-long", "checkins.csv", 2, "pairing_id", "an id of 300 characters; at most 200"),
                arguments("text-too-long", "objectives.csv", 2, "title",
                        "a value of 10001 characters; at most 10000 are allowed"),
                arguments("list-too-long", "people.csv", 2, "strengths", "a list of 51 items; at most 50 are allowed"),
                arguments("competencies-list-too-long", "resources.csv", 2, "competencies", "a list of 80 items"),
                arguments("very-many-fields", "people.csv", 2, null, "expected 3 fields as in the header, found 100003"),
                // quoting
                arguments("unclosed-quote-crlf", "people.csv", 3, null, "a quoted value is never closed"),
                arguments("text-after-closing-quote", "people.csv", 2, null, "unexpected text after a closing quote"),
                // zips
                arguments("zip-absolute-path", "cohort.zip!/etc/people.csv", 0, null, "unsafe entry name"),
                arguments("zip-windows-drive-path", "cohort.zip!C:\\cohort\\people.csv", 0, null, "unsafe entry name"),
                arguments("zip-nested-traversal", "cohort.zip!week/../../people.csv", 0, null, "unsafe entry name"),
                arguments("zip-backslash-traversal", "cohort.zip!..\\people.csv", 0, null, "unsafe entry name"),
                arguments("zip-same-file-twice", "people.csv", 0, null, "given more than once in this import"),
                arguments("zip-of-zero-bytes", "people.csv", 1, null,
                        "this record is longer than 1000000 characters, the most one record may have"),
                arguments("not-a-zip", "cohort.zip", 0, null, "not a readable zip file"));
    }

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsTheCaseNamingWhereAndWritesNothing(String name, String file, long line, String column, String reason) {
        ImportReport report = new CohortImporter(store).importPaths(COHORT, List.of(input(caseFolder(name))));

        assertThat(report.ok()).as("rejected").isFalse();
        assertThat(report.errors()).as(report.errors().toString()).isNotEmpty();
        ImportError first = report.errors().get(0);
        assertThat(first.file()).as(first.toString()).endsWith(file);
        assertThat(first.line()).as(first.toString()).isEqualTo(line);
        assertThat(first.column()).as(first.toString()).isEqualTo(column);
        assertThat(first.reason()).as(first.toString()).contains(reason);
        assertThat(StoreSnapshot.of(store)).as("store unchanged").isEqualTo(before);
    }

    @Test
    void everyCaseOfTheCorpusHasItsExpectation() throws IOException {
        List<String> listed = rejected().map(arguments -> (String) arguments.get()[0]).toList();
        try (Stream<Path> folders = Files.list(corpus().resolve("rejected"))) {
            assertThat(folders.map(folder -> folder.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
        assertThat(listed).hasSizeGreaterThanOrEqualTo(40);
    }

    /** The folder of a case, or the zip in it: folders give only their CSV files. */
    static Path input(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> zips = files.filter(file -> file.toString().endsWith(".zip")).toList();
            return zips.isEmpty() ? folder : zips.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path caseFolder(String name) {
        Path folder = corpus().resolve("rejected").resolve(name);
        assertThat(folder).isDirectory();
        return folder;
    }

    static Path corpus() {
        try {
            return Path.of(HostileInputTest.class.getResource("/hostile").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
