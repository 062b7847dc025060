package org.roadmapcoach.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
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
import org.roadmapcoach.data.store.Store;

/**
 * Each limit of {@link ImportLimits} rejects the import with one clear error naming the place and the
 * limit, reads no further than it must, and leaves the store as it was. Byte and row limits are
 * lowered where the real ones would make a slow or large test; cell and record limits are the real ones.
 */
/** On SQLite and on PostgreSQL ({@link StoreKind}). */
@ParameterizedClass
@EnumSource(StoreKind.class)
class ImportLimitsTest {

    @Parameter
    StoreKind kind;

    private static final String COHORT = "spring-2026";
    private static final byte[] PEOPLE_HEADER = bytes("id,name,role,ambitions\n");

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
    void theDefaultsLetAProgramOfAHundredThousandPairingsThrough() {
        // coach generate --pairings 10000 writes 334,007 rows in 58.7 MB; ten times that must fit.
        assertThat(ImportLimits.DEFAULTS.maxRows()).isGreaterThan(10 * 334_007L);
        assertThat(ImportLimits.DEFAULTS.maxBytes()).isGreaterThan(10 * 58_651_717L);
    }

    @Test
    void aTenMegabyteCellIsOneErrorOnItsLine() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("big-cell"));
        try (OutputStream out = Files.newOutputStream(dir.resolve("people.csv"))) {
            out.write(PEOPLE_HEADER);
            out.write(bytes("E9,Eve,mentee,\""));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 10; i++) {
                out.write(chunk);
            }
            out.write(bytes("\"\nE8,Finn,mentee,\n"));
        }

        ImportReport report = rejected(new CohortImporter(store).importPaths(COHORT, List.of(dir)));

        assertThat(report.errors()).containsExactly(new ImportError("people.csv", 2, null, null,
                "this record is longer than 1000000 characters, the most one record may have (a cell may have at"
                        + " most 10000): is a closing quote missing, or is this not a CSV file?"));
    }

    @Test
    void anEndlessCellStopsAtTheRecordLimitInsteadOfFillingMemory() {
        AtomicLong read = new AtomicLong();
        CsvSource endless = new CsvSource("people.csv", () -> new EndlessInput(bytes("id,name,role\nE9,\""), 'x', read));

        ImportReport report = rejected(new CohortImporter(store).importSources(COHORT, List.of(endless)));

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.reason()).startsWith("this record is longer than 1000000 characters");
        });
        // What was read, and so what the parser can have held, is the record limit plus a few buffers.
        assertThat(read.get()).isLessThan(ImportLimits.DEFAULTS.maxRecordChars() + 256 * 1024);
    }

    @Test
    void aVeryLongLineOfShortFieldsStopsAtTheRecordLimit() {
        AtomicLong read = new AtomicLong();
        CsvSource endless = new CsvSource("people.csv", () -> new EndlessInput(bytes("id,name,role\n"), ',', read));

        ImportReport report = rejected(new CohortImporter(store).importSources(COHORT, List.of(endless)));

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.reason()).startsWith("this record is longer than 1000000 characters");
        });
        assertThat(read.get()).isLessThan(ImportLimits.DEFAULTS.maxRecordChars() + 256 * 1024);
    }

    @Test
    void aLongCellUnderTheRecordLimitIsRejectedNamingItsColumnAndTheLimit() {
        ImportReport report = rejected(importFiles(ImportLimits.DEFAULTS, Map.of("people.csv",
                "id,name,role,ambitions\nE9,Eve,mentee,\"" + "Grow. ".repeat(20_000) + "\"\n")));

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("people.csv");
            assertThat(error.line()).isEqualTo(2);
            assertThat(error.column()).isEqualTo("ambitions");
            assertThat(error.reason()).isEqualTo("a value of 119999 characters; at most 10000 are allowed");
            assertThat(error.value()).hasSizeLessThan(200).endsWith("... (119999 characters in all)");
        });
    }

    @Test
    void charactersAreCountedNotUtf16Units() {
        // 10,000 emoji are 20,000 UTF-16 units but 10,000 characters: allowed.
        String emoji = "\uD83D\uDE80".repeat(10_000);

        ImportReport report = importFiles(ImportLimits.DEFAULTS, Map.of("people.csv",
                "id,name,role,ambitions\nE9,Eve,mentee," + emoji + "\n"));

        assertThat(report.errors()).isEmpty();
    }

    @Test
    void oneRowMoreThanTheImportMayHaveRejectsItAndTheFilesAfterItAreNotRead() {
        ImportLimits fiveRows = ImportLimits.DEFAULTS.withMaxRows(5);
        Map<String, String> files = new HashMap<>();
        files.put("people.csv", "id,name,role\nE1,Ada,mentee\nE2,Alan,mentee\nE3,Bea,mentee\n");
        files.put("checkins.csv", "id,pairing_id,date\nX1,P1,2026-03-01\n\nX2,P1,2026-03-02\nX3,P1,not-a-date\n");

        ImportReport report = rejected(importFiles(fiveRows, files));

        assertThat(report.errors()).containsExactly(new ImportError("checkins.csv", 5, null, null,
                "more than 5 rows in this import, the most one import may have; split it into several imports"));
    }

    @Test
    void exactlyTheMostRowsAreAccepted() {
        ImportReport report = importFiles(ImportLimits.DEFAULTS.withMaxRows(2), Map.of("people.csv",
                "id,name,role\nE8,Eve,mentee\nE9,Finn,mentee\n"));

        assertThat(report.errors()).isEmpty();
    }

    @Test
    void aZipBombIsRefusedByItsDeclaredSizeNamingTheEntryAndTheLimit() throws IOException {
        byte[] fiveMebibytes = new byte[5 << 20];
        Arrays.fill(fiveMebibytes, (byte) '\n');
        Path zip = zip(Map.of("week-24/people.csv", fiveMebibytes));
        assertThat(Files.size(zip)).isLessThan(64 * 1024);

        ImportReport report = rejected(new CohortImporter(store, ImportLimits.DEFAULTS.withMaxBytes(1 << 20))
                .importPaths(COHORT, List.of(zip)));

        assertThat(report.errors()).containsExactly(new ImportError("cohort.zip!week-24/people.csv", 0, null, null,
                "expands to 5242880 bytes, more than the 1048576 bytes (1 MiB) one import may read (is it a zip bomb?)"));
    }

    @Test
    void aZipEntryThatLiesAboutItsSizeIsStoppedWhileItExpands() throws IOException {
        byte[] content = new byte[5 << 20];
        Arrays.fill(content, (byte) '\n');
        System.arraycopy(PEOPLE_HEADER, 0, content, 0, PEOPLE_HEADER.length);
        Path zip = zip(Map.of("people.csv", content));
        declareSize(zip, 100);

        ImportReport report = rejected(new CohortImporter(store, ImportLimits.DEFAULTS.withMaxBytes(1 << 20))
                .importPaths(COHORT, List.of(zip)));

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("people.csv");
            assertThat(error.reason()).startsWith("cohort.zip!people.csv takes this import past 1048576 bytes (1 MiB),"
                    + " the most one import may read");
        });
    }

    @Test
    void theBytesOfAllFilesCountTogether() throws IOException {
        StringBuilder people = new StringBuilder("id,name,role\n");
        StringBuilder checkins = new StringBuilder("id,pairing_id,date\n");
        for (int i = 0; i < 30_000; i++) {
            people.append("E-").append(i).append(",Person ").append(i).append(",mentee\n");
            checkins.append("X-").append(i).append(",P1,2026-03-01\n");
        }
        assertThat(people.length()).isLessThan(1 << 20);
        assertThat(checkins.length()).isLessThan(1 << 20);
        Path zip = zip(Map.of("people.csv", bytes(people.toString()), "checkins.csv", bytes(checkins.toString())));

        ImportReport report = rejected(new CohortImporter(store, ImportLimits.DEFAULTS.withMaxBytes(1 << 20))
                .importPaths(COHORT, List.of(zip)));

        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("checkins.csv");
            assertThat(error.line()).isGreaterThan(1);
            assertThat(error.reason()).startsWith("cohort.zip!checkins.csv takes this import past 1048576 bytes");
        });
    }

    @Test
    void aZipOfThousandsOfStrayFilesKeepsTheReportShort() throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        entries.put("people.csv", bytes("id,name,role\nE9,Eve,mentee\n"));
        for (int i = 0; i < 2_000; i++) {
            entries.put("junk/file-" + i + ".csv", new byte[0]);
        }

        ImportReport report = new CohortImporter(store).importPaths(COHORT, List.of(zip(entries)));

        assertThat(report.ok()).isTrue();
        assertThat(report.warnings()).hasSize(ImportProblems.MAX_WARNINGS_KEPT + 1)
                .last().isEqualTo("... and 1900 more warnings");
    }

    private ImportReport importFiles(ImportLimits limits, Map<String, String> files) {
        return new CohortImporter(store, limits).importPaths(COHORT, List.of(CohortFixture.write(temp.resolve("in"),
                files)));
    }

    private ImportReport rejected(ImportReport report) {
        assertThat(report.ok()).as("rejected").isFalse();
        assertThat(StoreSnapshot.of(store)).as("store unchanged").isEqualTo(before);
        return report;
    }

    private Path zip(Map<String, byte[]> entries) throws IOException {
        Path zip = temp.resolve("cohort.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    /** Rewrites the uncompressed size of the (only) entry in the central directory, as a crafted zip would. */
    private static void declareSize(Path zip, int size) throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = bytes.length - 46; i >= 0; i--) {
            if (buffer.getInt(i) == 0x02014b50) { // central directory file header
                buffer.putInt(i + 24, size);
                Files.write(zip, bytes);
                return;
            }
        }
        throw new IllegalStateException("no central directory in " + zip);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A stream that starts with {@code head} and then repeats {@code fill} forever, counting what was read. */
    private static final class EndlessInput extends InputStream {
        private final byte[] head;
        private final byte fill;
        private final AtomicLong read;

        EndlessInput(byte[] head, char fill, AtomicLong read) {
            this.head = head;
            this.fill = (byte) fill;
            this.read = read;
        }

        @Override
        public int read() {
            long at = read.getAndIncrement();
            return at < head.length ? head[(int) at] : fill;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = (byte) read();
            }
            return length;
        }
    }
}
