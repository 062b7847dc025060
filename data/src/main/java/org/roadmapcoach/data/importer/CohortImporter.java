package org.roadmapcoach.data.importer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.roadmapcoach.data.store.CohortLookup;
import org.roadmapcoach.data.store.ImportSync;
import org.roadmapcoach.data.store.ImportWriter;
import org.roadmapcoach.data.store.ReplacedAppChange;
import org.roadmapcoach.data.store.Revisions;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.Table;
import org.roadmapcoach.data.store.Tables;
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

    private final Store store;
    private final ImportLimits limits;

    public CohortImporter(Store store) {
        this(store, ImportLimits.DEFAULTS);
    }

    public CohortImporter(Store store, ImportLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /**
     * Imports folders (their {@code *.csv} files), zips (their {@code .csv} entries, by base name) and
     * named CSV files into {@code cohortId}, creating the cohort when it does not exist. Files are
     * recognised by name as docs/CSV.md says ({@code Northwind - people.csv}, {@code people (1).csv}).
     */
    public ImportReport importPaths(String cohortId, List<Path> inputs) {
        return importPaths(cohortId, inputs, ImportOptions.DEFAULT);
    }

    /** {@link #importPaths(String, List)}, with a sync or as a dry run. */
    public ImportReport importPaths(String cohortId, List<Path> inputs, ImportOptions options) {
        ImportProblems problems = new ImportProblems();
        try (Inputs resolved = Inputs.resolve(inputs, problems, limits)) {
            return run(cohortId, resolved, problems, options);
        }
    }

    /** Imports CSV files given by name (uploads, the bundled sample) into {@code cohortId}. */
    public ImportReport importSources(String cohortId, List<CsvSource> sources) {
        return importSources(cohortId, sources, ImportOptions.DEFAULT);
    }

    /** {@link #importSources(String, List)}, with a sync or as a dry run. */
    public ImportReport importSources(String cohortId, List<CsvSource> sources, ImportOptions options) {
        ImportProblems problems = new ImportProblems();
        return run(cohortId, Inputs.of(sources, problems, limits), problems, options);
    }

    private ImportReport run(String cohortId, Inputs inputs, ImportProblems problems, ImportOptions options) {
        Map<Table<?>, CsvSource> files = match(inputs.sources(), problems);
        if (files.isEmpty()) {
            // Most likely the wrong folder, or files named otherwise: say what was there and what is expected.
            // An error about the inputs themselves (a missing path, a broken zip) says enough on its own.
            if (!problems.hasErrors() || !inputs.unrecognised().isEmpty()) {
                problems.error(null, 0, null, null, noFileOfTheFormat(inputs.seen(), inputs.seenCount()));
            }
        } else {
            for (Inputs.Unrecognised file : inputs.unrecognised()) {
                if (file.named()) {
                    problems.error(file.file(), 0, null, null, file.reason());
                } else {
                    problems.warn(file.reason());
                }
            }
            problems.countWarnings(inputs.unrecognisedNotKept());
        }
        if (cohortId == null || cohortId.isBlank()) {
            problems.error(null, 0, null, null, "a cohort id is required");
            return problems.report(Map.of());
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<Table<?>, ImportWriter<?>> writers = new LinkedHashMap<>();
        ImportSync.Result[] synced = new ImportSync.Result[1];
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
                                problems, budget, writer, writers));
                    }
                }
                writer.drain(); // the checks below read what was written
                if (files.containsKey(Tables.PEOPLE)) {
                    parsers.checkStoredPairings(problems);
                }
                if (options.sync() && !problems.hasErrors()) {
                    synced[0] = sync(connection, cohortId, files, parsers, problems);
                }
            }
            if (problems.hasErrors() || options.dryRun()) {
                // All or nothing, and a dry run writes nothing: the commit that follows has nothing left to write.
                connection.rollback();
            }
            return null;
        });
        if (!problems.hasErrors() && !options.dryRun()) {
            store.checkpoint();
        }
        return problems.report(counts, changes(writers, synced[0]), replaced(writers), synced[0], options.dryRun());
    }

    private static ImportSync.Result sync(Connection connection, String cohortId, Map<Table<?>, CsvSource> files,
                                          RowParsers parsers, ImportProblems problems) throws SQLException {
        ImportSync.Result result = ImportSync.run(connection, cohortId, new ImportSync.ImportedKeys() {
            @Override
            public boolean has(Table<?> table) {
                return files.containsKey(table);
            }

            @Override
            public long line(Table<?> table, Object key) {
                return parsers.line(table, key);
            }
        });
        for (ImportSync.Conflict conflict : result.conflicts()) {
            problems.error(conflict.file(), conflict.line(), conflict.column(), conflict.value(), conflict.reason());
        }
        return result;
    }

    /** What each file's rows did, and what a sync deleted, in CSV.md's order. */
    private static Map<String, ImportReport.FileChanges> changes(Map<Table<?>, ImportWriter<?>> writers,
                                                                 ImportSync.Result synced) {
        Map<String, ImportReport.FileChanges> changes = new LinkedHashMap<>();
        for (Table<?> table : Tables.ALL) {
            ImportWriter<?> writer = writers.get(table);
            long deleted = synced == null ? 0 : synced.deletedPerFile().getOrDefault(table.fileName(), 0L);
            if (writer != null || deleted > 0) {
                ImportWriter.Counts counts = writer == null ? new ImportWriter.Counts(0, 0, 0, 0) : writer.counts();
                changes.put(table.fileName(), new ImportReport.FileChanges(counts.added(), counts.updated(),
                        counts.unchanged(), counts.appChangesKept(), deleted));
            }
        }
        return changes;
    }

    private static List<ReplacedAppChange> replaced(Map<Table<?>, ImportWriter<?>> writers) {
        List<ReplacedAppChange> replaced = new ArrayList<>();
        writers.values().forEach(writer -> replaced.addAll(writer.replaced()));
        return replaced;
    }

    /** Reads one file, writing its valid rows while the import has no error; returns the rows read. */
    private <T> long importFile(Connection connection, String cohortId, Table<T> table, CsvSource source,
                                       RowParsers parsers, ImportProblems problems, ImportBudget budget,
                                       WriteBehind writer, Map<Table<?>, ImportWriter<?>> writers) throws SQLException {
        RowParsers.RowParser<T> parser = parsers.parserFor(table);
        // Written, merged, flushed and closed on the writer's thread, after its rows; when the import fails
        // half way, closing the connection closes it.
        ImportWriter<T> rows = store.importWriter(table, connection, cohortId);
        writers.put(table, rows);
        CsvFileReader.Result result = CsvFileReader.read(table.fileName(),
                () -> budget.meter(source.open().get(), source.origin()), table.columns(),
                REQUIRED.get(table), table.key(), problems, budget, row -> {
                    T record = parser.parse(row);
                    if (record != null && !problems.hasErrors()) {
                        long line = row.line();
                        writer.submit(() -> rows.write(record, line));
                    }
                });
        writer.submit(rows::close);
        if (!result.complete()) {
            parsers.markIncomplete(table);
        }
        return result.rows();
    }

    /** Each source to its file; two sources that are the same file are an error naming both. */
    private static Map<Table<?>, CsvSource> match(List<CsvSource> sources, ImportProblems problems) {
        Map<Table<?>, List<CsvSource>> byTable = new LinkedHashMap<>();
        for (CsvSource source : sources) {
            FileNames.table(source.fileName()).ifPresent(table ->
                    byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(source));
        }
        Map<Table<?>, CsvSource> files = new HashMap<>();
        byTable.forEach((table, given) -> {
            files.put(table, given.get(0)); // read all the same, so that its other errors are found too
            if (given.size() > 1) {
                problems.error(table.fileName(), 0, null, null, "given more than once in this import, as "
                        + quotedList(given.stream().map(CsvSource::origin).toList()) + "; give each file once");
            }
        });
        return files;
    }

    /** The one error of an import in which no file is one of the nine: what it had, what is expected. */
    private static String noFileOfTheFormat(List<String> seen, long seenCount) {
        String had;
        if (seenCount == 0) {
            had = "this import has no files";
        } else {
            had = "no file of this import is a file of the cohort format; it has " + quotedList(seen)
                    + (seenCount > seen.size() ? " and " + (seenCount - seen.size()) + " more" : "");
        }
        return had + "; expected " + FileNames.expected();
    }

    /** {@code 'a', 'b' and 'c'}, each name cut to a length an error can show. */
    private static String quotedList(List<String> names) {
        List<String> quoted = names.stream().map(name -> "'" + shortName(name) + "'").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    // A name in a zip may be of any length; an error shows enough of it to be found.
    private static String shortName(String name) {
        return name.length() <= ImportProblems.MAX_VALUE_SHOWN ? name
                : name.substring(0, ImportProblems.MAX_VALUE_SHOWN) + "...";
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
