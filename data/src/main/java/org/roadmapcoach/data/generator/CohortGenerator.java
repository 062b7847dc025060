package org.roadmapcoach.data.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.roadmapcoach.data.store.Table;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Level;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.ResourceType;
import org.roadmapcoach.engine.roadmap.Role;
import org.roadmapcoach.engine.roadmap.Stage;

/**
 * Writes a synthetic cohort of N pairings as the nine CSV files of docs/CSV.md, for trying
 * scale and for benchmarks. Shaped like a real program: per pairing about 3 objectives of 4 milestones,
 * 6 check-ins, 4 reciprocity entries, 4 activities and 2 engagements; a catalog of 500 resources; two
 * mentees per mentor; a mix of healthy pairings and the troubles of {@link Story}, so that every rule of
 * the catalog fires somewhere. Dates are relative to {@link #AS_OF}: check it with {@code --as-of 2026-06-15}.
 *
 * <p>Deterministic: the same seed and size give the same bytes ({@link Random} is specified to the
 * bit). Streaming: each pairing's rows are written as they are made, so memory does not grow with N.
 */
public final class CohortGenerator {

    /** The date the generated stories are told as of (the sample cohort's date too). */
    public static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);
    /** The size of the shared resource catalog. */
    public static final int RESOURCES = 500;
    static final int COORDINATORS = 3;

    // As the exporter writes: RFC 4180 (CRLF, quotes only where needed), UTF-8 without a byte-order mark.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

    private CohortGenerator() {
    }

    /**
     * Writes the nine files of a cohort of {@code pairings} pairings into {@code dir} (created when
     * missing), replacing files of the same name.
     *
     * @return rows written per file name, in CSV.md's order
     */
    public static Map<String, Long> generate(Path dir, int pairings, long seed) throws IOException {
        return generate(dir, pairings, seed, 0);
    }

    /**
     * {@link #generate(Path, int, long)}, and {@code waiting} mentees without a pairing with one mentor with free
     * places for every four of them, for mentor matching; the pairings are the same as without them.
     */
    public static Map<String, Long> generate(Path dir, int pairings, long seed, int waiting) throws IOException {
        if (waiting < 0) {
            throw new IllegalArgumentException("waiting must be 0 or more, not " + waiting);
        }
        if (pairings < 1) {
            throw new IllegalArgumentException("pairings must be at least 1, not " + pairings);
        }
        Files.createDirectories(dir);
        try (CsvFiles files = new CsvFiles(dir)) {
            Random random = new Random(seed);
            Map<String, List<String>> catalog = writeCatalog(files, random);
            for (int c = 1; c <= COORDINATORS; c++) {
                files.add(Tables.PEOPLE, new Person(String.format("C%02d", c), name(random), Role.COORDINATOR,
                        null, "Mentoring Program Coordinator", "People & Culture", List.of(), List.of(), null, null,
                        null));
            }
            String idFormat = "%0" + Math.max(6, String.valueOf(pairings).length()) + "d";
            PairingMaker maker = new PairingMaker(random, files, catalog);
            for (int i = 0; i < pairings; i++) {
                // Two mentees per mentor, the mentor written just before their first pairing.
                String mentorId = "M" + String.format(idFormat, i / 2 + 1);
                if (i % 2 == 0) {
                    maker.mentor(mentorId);
                }
                String number = String.format(idFormat, i + 1);
                maker.pairing("P" + number, "E" + number, mentorId, Story.pick(random));
            }
            WaitingPeople.write(files, waiting, seed);
            return files.counts();
        }
    }

    /** Writes the resource catalog; returns resource ids by competency, for engagements. */
    private static Map<String, List<String>> writeCatalog(CsvFiles files, Random random) throws IOException {
        Map<String, List<String>> byCompetency = new HashMap<>();
        List<Vocabulary.Competency> all = Vocabulary.COMPETENCIES;
        for (int i = 0; i < RESOURCES; i++) {
            String id = String.format("R%03d", i + 1);
            // Round robin for the first competency, so every competency has about 20 resources.
            List<String> competencies = new ArrayList<>(List.of(all.get(i % all.size()).name()));
            if (random.nextInt(10) < 3) {
                String second = Vocabulary.pick(random, all).name();
                if (!competencies.contains(second)) {
                    competencies.add(second);
                }
            }
            ResourceType type = Vocabulary.pick(random, List.of(ResourceType.values()));
            Level level = random.nextInt(10) == 0 ? null : Vocabulary.pick(random, List.of(Level.values()));
            List<Stage> stages = new ArrayList<>();
            if (random.nextInt(10) >= 4) {
                for (Stage stage : Stage.values()) {
                    if (random.nextInt(3) == 0) {
                        stages.add(stage);
                    }
                }
            }
            BigDecimal hours = random.nextInt(20) == 0 ? null : BigDecimal.valueOf(1 + random.nextInt(40));
            BigDecimal cost = random.nextInt(10) < 6 ? BigDecimal.ZERO : BigDecimal.valueOf(10 + random.nextInt(390));
            String title = Vocabulary.pick(random, List.of("A practical guide to", "Foundations of",
                    "Advanced", "The craft of", "Field notes on")) + " " + competencies.get(0)
                    + (random.nextInt(4) == 0 ? ", with exercises" : "");
            files.add(Tables.RESOURCES, new Resource(id, title, type, competencies, level, stages, hours,
                    "https://example.org/resources/" + id, cost));
            for (String competency : competencies) {
                byCompetency.computeIfAbsent(competency, c -> new ArrayList<>()).add(id);
            }
        }
        return byCompetency;
    }

    static String name(Random random) {
        return Vocabulary.pick(random, Vocabulary.FIRST_NAMES) + " " + Vocabulary.pick(random, Vocabulary.LAST_NAMES);
    }

    /** Where generated records go. */
    interface Sink {
        <T> void add(Table<T> table, T record) throws IOException;
    }

    /** The nine files, open at once, each row printed as it comes. */
    private static final class CsvFiles implements Sink, AutoCloseable {

        private final Map<Table<?>, CSVPrinter> printers = new LinkedHashMap<>();
        private final Map<String, Long> counts = new LinkedHashMap<>();

        CsvFiles(Path dir) throws IOException {
            try {
                for (Table<?> table : Tables.ALL) {
                    BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(
                            Files.newOutputStream(dir.resolve(table.fileName())), StandardCharsets.UTF_8), 1 << 16);
                    CSVPrinter printer = new CSVPrinter(writer, FORMAT);
                    printers.put(table, printer);
                    printer.printRecord(table.columns());
                    counts.put(table.fileName(), 0L);
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public <T> void add(Table<T> table, T record) throws IOException {
            List<Object> values = table.values(record);
            Object[] cells = new Object[values.size()];
            for (int i = 0; i < cells.length; i++) {
                Object value = values.get(i);
                cells[i] = value == null ? "" : value;
            }
            printers.get(table).printRecord(cells);
            counts.merge(table.fileName(), 1L, Long::sum);
        }

        Map<String, Long> counts() {
            return Collections.unmodifiableMap(counts);
        }

        @Override
        public void close() throws IOException {
            IOException failure = null;
            for (CSVPrinter printer : printers.values()) {
                try {
                    printer.close();
                } catch (IOException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
