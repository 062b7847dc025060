package org.roadmapcoach.data.importer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.roadmapcoach.data.store.CohortLookup;
import org.roadmapcoach.data.store.Revisions;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.data.store.Table;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.data.store.Upsert;
import org.roadmapcoach.engine.roadmap.Cohort;

/**
 * Imports a cohort's CSV files (docs/CSV.md) all-or-nothing.
 *
 * <p>One pass, in one write transaction: files are read in dependency order (people, pairings,
 * objectives, milestones, check-ins, reciprocity, activities, resources, engagements) whatever order
 * they were given in, every row is checked, and rows are written in batches as they are read while no
 * error has been found. At the end the transaction is committed when there was no error at all and
 * rolled back otherwise, so nothing of a rejected import is ever visible. Reading each input once
 * works for uploads that can only be streamed once; memory holds the ids needed to check duplicates
 * and references, never the rows.
 *
 * <p>Every problem with the input, including an unreadable file or one beyond the {@link ImportLimits},
 * becomes an error of the report; only a failure of the database throws
 * ({@link org.roadmapcoach.data.store.StoreAccessException}).
 */
public final class CohortImporter {

    /** The required columns (marked * in CSV.md) of each file. */
    private static final Map<Table<?>, Set<String>> REQUIRED = requiredColumns();

    private final SqliteStore store;
    private final ImportLimits limits;

    public CohortImporter(SqliteStore store) {
        this(store, ImportLimits.DEFAULTS);
    }

    public CohortImporter(SqliteStore store, ImportLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /**
     * Imports folders (their {@code *.csv} files), zips (their {@code .csv} entries, by base name) and
     * named CSV files into {@code cohortId}, creating the cohort when it does not exist.
     */
    public ImportReport importPaths(String cohortId, List<Path> inputs) {
        ImportProblems problems = new ImportProblems();
        try (Inputs resolved = Inputs.resolve(inputs, problems, limits)) {
            return run(cohortId, resolved.sources(), problems);
        }
    }

    /** Imports CSV files given by name (uploads, the bundled sample) into {@code cohortId}. */
    public ImportReport importSources(String cohortId, List<CsvSource> sources) {
        return run(cohortId, sources, new ImportProblems());
    }

    private ImportReport run(String cohortId, List<CsvSource> sources, ImportProblems problems) {
        Map<Table<?>, CsvSource> files = match(sources, problems);
        if (files.isEmpty() && !problems.hasErrors()) {
            // Not an error (absent files are simply not imported), but most likely the wrong folder.
            problems.warn("nothing to import: none of " + Inputs.knownNames() + " was given");
        }
        if (cohortId == null || cohortId.isBlank()) {
            problems.error(null, 0, null, null, "a cohort id is required");
            return problems.report(Map.of());
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        ImportBudget budget = new ImportBudget(limits);
        store.inTransaction(connection -> {
            store.ensureCohort(connection, new Cohort(cohortId, cohortId, null, null));
            Revisions.touchCohort(connection, cohortId); // undone with the rest when the import is rejected
            // The writer is stopped before the transaction ends, whatever happens, so that the commit or
            // the rollback is the connection's only business.
            try (CohortLookup lookup = new CohortLookup(connection, cohortId); WriteBehind writer = new WriteBehind()) {
                RowParsers parsers = new RowParsers(lookup);
                for (Table<?> table : Tables.ALL) {
                    CsvSource source = files.get(table);
                    if (budget.exceeded()) {
                        parsers.markIncomplete(table); // not read: the import is rejected already
                    } else if (source != null) {
                        counts.put(table.fileName(), importFile(connection, cohortId, table, source, parsers,
                                problems, budget, writer));
                    }
                }
                writer.drain(); // the check below reads what was written
                if (files.containsKey(Tables.PEOPLE)) {
                    parsers.checkStoredPairings(problems);
                }
            }
            if (problems.hasErrors()) {
                connection.rollback(); // all or nothing: the commit that follows has nothing left to write
            }
            return null;
        });
        if (!problems.hasErrors()) {
            store.checkpoint();
        }
        return problems.report(counts);
    }

    /** Reads one file, writing its valid rows while the import has no error; returns the rows read. */
    private static <T> long importFile(Connection connection, String cohortId, Table<T> table, CsvSource source,
                                       RowParsers parsers, ImportProblems problems, ImportBudget budget,
                                       WriteBehind writer) throws SQLException {
        RowParsers.RowParser<T> parser = parsers.parserFor(table);
        // Written, flushed and closed on the writer's thread, after its rows; when the import fails half
        // way, closing the connection closes it.
        Upsert<T> upsert = table.upsertDistinct(connection, cohortId);
        CsvFileReader.Result result = CsvFileReader.read(table.fileName(),
                () -> budget.meter(source.open().get(), source.origin()), table.columns(),
                REQUIRED.get(table), table.key(), problems, budget, row -> {
                    T record = parser.parse(row);
                    if (record != null && !problems.hasErrors()) {
                        writer.submit(() -> upsert.add(record));
                    }
                });
        writer.submit(upsert::close);
        if (!result.complete()) {
            parsers.markIncomplete(table);
        }
        return result.rows();
    }

    /** Each source to its file; unknown names and a file given twice are errors. */
    private static Map<Table<?>, CsvSource> match(List<CsvSource> sources, ImportProblems problems) {
        Map<Table<?>, CsvSource> files = new HashMap<>();
        for (CsvSource source : sources) {
            Optional<Table<?>> table = Inputs.table(source.fileName());
            if (table.isEmpty()) {
                problems.error(source.fileName(), 0, null, null, "not a file of the cohort format: expected one of "
                        + Inputs.knownNames());
            } else if (files.putIfAbsent(table.get(), source) != null) {
                problems.error(table.get().fileName(), 0, null, null,
                        "given more than once in this import; give each file once");
            }
        }
        return files;
    }

    private static Map<Table<?>, Set<String>> requiredColumns() {
        Map<Table<?>, Set<String>> required = new HashMap<>();
        required.put(Tables.PEOPLE, Set.of("id", "name", "role"));
        required.put(Tables.PAIRINGS, Set.of("id", "mentee_id", "mentor_id", "start_date"));
        required.put(Tables.OBJECTIVES, Set.of("id", "pairing_id", "title"));
        required.put(Tables.MILESTONES, Set.of("id", "objective_id", "stage"));
        required.put(Tables.CHECKINS, Set.of("id", "pairing_id", "date"));
        required.put(Tables.RECIPROCITY, Set.of("id", "pairing_id", "date", "giver"));
        required.put(Tables.ACTIVITIES, Set.of("id", "pairing_id", "date", "kind"));
        required.put(Tables.RESOURCES, Set.of("id", "title", "type", "competencies"));
        required.put(Tables.ENGAGEMENTS, Set.of("pairing_id", "resource_id"));
        return Map.copyOf(required);
    }
}
