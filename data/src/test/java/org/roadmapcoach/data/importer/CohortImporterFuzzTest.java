package org.roadmapcoach.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapcoach.data.CohortFixture;
import org.roadmapcoach.data.StoreSnapshot;
import org.roadmapcoach.data.store.Store;

/**
 * Any bytes given as cohort files are imported or rejected with a report, never an exception; a
 * rejected import leaves the store exactly as it was, and an accepted one is idempotent.
 *
 * <p>The input is split into files at lines {@code ### NAME}; bytes before the first such line are
 * {@code people.csv}. Names may be any of the nine, unknown or repeated. Each input is imported into
 * a fresh copy of a store holding the fixture cohort, so that references to stored records are
 * exercised and every run starts from the same state. {@code mvn verify} replays the seeds in
 * {@code CohortImporterFuzzTestInputs/}; README.md says how to fuzz for new inputs.
 */
class CohortImporterFuzzTest {

    private static final String COHORT = "spring-2026";
    private static final byte[] MARKER = "### ".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicLong RUNS = new AtomicLong();

    @TempDir
    static Path temp;

    private static Path template;
    private static Map<String, String> initial;

    @BeforeAll
    static void storeTheFixtureCohortOnce() {
        template = temp.resolve("template.db");
        try (Store store = Store.open(template)) {
            Path fixture = CohortFixture.write(temp.resolve("fixture"));
            assertThat(new CohortImporter(store).importPaths(COHORT, List.of(fixture)).ok()).isTrue();
            initial = StoreSnapshot.of(store);
        }
    }

    // The file markers, CSV punctuation, columns and values, without which few mutations reach the checks
    // (line breaks as libFuzzer's \x0A escapes: a dictionary entry is one line).
    @DictionaryEntries({"### people.csv\\x0A", "### pairings.csv\\x0A", "### objectives.csv\\x0A",
            "### milestones.csv\\x0A", "### checkins.csv\\x0A", "### reciprocity.csv\\x0A", "### activities.csv\\x0A",
            "### resources.csv\\x0A", "### engagements.csv\\x0A", "\\x0D\\x0A", "\"\"", ",\"", "\",", ";", "2026-01-05",
            "1.5", "pairing_id", "mentee_id", "mentor_id", "objective_id", "resource_id", "start_date", "due_date",
            "mentee", "mentor", "coordinator", "discovery", "practice", "feedback", "mastery", "done", "active", "E1",
            "M1", "P1", "O1", "RS1"})
    @FuzzTest(maxDuration = "5m")
    void importsOrRejectsAnyFilesWithoutThrowing(byte[] input) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("run-" + RUNS.incrementAndGet()));
        Files.copy(template, dir.resolve("coach.db"));
        try (Store store = Store.open(dir.resolve("coach.db"))) {
            CohortImporter importer = new CohortImporter(store);

            ImportReport report = importer.importSources(COHORT, files(input));

            if (report.ok()) {
                assertThat(report.errors()).isEmpty();
                Map<String, String> after = StoreSnapshot.of(store);
                assertThat(importer.importSources(COHORT, files(input)).ok()).as("the same files again").isTrue();
                assertThat(StoreSnapshot.of(store)).as("a second import of the same files").isEqualTo(after);
            } else {
                assertThat(report.errors()).isNotEmpty();
                assertThat(report.errors()).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
                assertThat(StoreSnapshot.of(store)).as("the store after a rejected import").isEqualTo(initial);
            }
        } finally {
            delete(dir);
        }
    }

    @Test
    void theSeedsNamedValidAreImportedAndTheOthersRejected() throws IOException {
        Path seeds = Path.of("src/test/resources/org/roadmapcoach/data/importer/CohortImporterFuzzTestInputs/"
                + "importsOrRejectsAnyFilesWithoutThrowing");
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path seed : files.sorted().toList()) {
                Path dir = Files.createDirectories(temp.resolve("seed-" + RUNS.incrementAndGet()));
                Files.copy(template, dir.resolve("coach.db"));
                try (Store store = Store.open(dir.resolve("coach.db"))) {
                    ImportReport report = new CohortImporter(store).importSources(COHORT,
                            files(Files.readAllBytes(seed)));
                    assertThat(report.ok()).as(seed.getFileName() + ": " + report.errors())
                            .isEqualTo(seed.getFileName().toString().startsWith("valid-"));
                }
            }
        }
    }

    /** The input's files: split at lines {@code ### NAME}, bytes kept exactly (line ends, invalid UTF-8). */
    static List<CsvSource> files(byte[] input) {
        List<CsvSource> files = new ArrayList<>();
        String name = "people.csv";
        int start = 0;
        for (int line = 0; line < input.length; ) {
            int end = indexOf(input, (byte) '\n', line);
            int next = end < 0 ? input.length : end + 1;
            if (startsWith(input, line, MARKER)) {
                if (line > 0) {
                    files.add(source(name, Arrays.copyOfRange(input, start, line)));
                }
                name = new String(input, line + MARKER.length, next - line - MARKER.length, StandardCharsets.UTF_8)
                        .strip();
                start = next;
            }
            line = next;
        }
        files.add(source(name, Arrays.copyOfRange(input, start, input.length)));
        return files;
    }

    private static CsvSource source(String name, byte[] content) {
        return new CsvSource(name, () -> new ByteArrayInputStream(content));
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return at + prefix.length <= bytes.length
                && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
