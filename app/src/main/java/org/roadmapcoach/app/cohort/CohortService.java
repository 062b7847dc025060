package org.roadmapcoach.app.cohort;

import org.roadmapcoach.app.problem.Shown;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.app.problem.ConflictException;
import org.roadmapcoach.app.problem.FieldError;
import org.roadmapcoach.app.problem.ImportRejectedException;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.data.importer.CohortImporter;
import org.roadmapcoach.data.importer.CsvSource;
import org.roadmapcoach.data.importer.ImportError;
import org.roadmapcoach.data.importer.ImportOptions;
import org.roadmapcoach.data.importer.ImportReport;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.Cohort;

/** Cohorts for coordinators: create, look at, import into, and set the thresholds of. */
public final class CohortService {

    /** One uploaded file: its name as given and its bytes. */
    public record Upload(String fileName, byte[] content) {
    }

    private final Store store;
    private final CohortImporter importer;

    public CohortService(Store store) {
        this.store = store;
        this.importer = new CohortImporter(store);
    }

    /** Creates a cohort; a conflict when the id is taken. */
    public CohortView create(Cohort cohort) {
        boolean created = store.createCohort(cohort);
        if (!created) {
            throw new ConflictException("There is already a cohort " + Shown.quoted(cohort.id()) + ".");
        }
        return view(cohort);
    }

    /** The cohort with its rows per file. */
    public CohortView view(Cohort cohort) {
        return new CohortView(cohort.id(), cohort.name(), cohort.startDate(), cohort.endDate(),
                store.counts(cohort.id()));
    }

    /** Imports one CSV file named {@code fileName}. */
    public ImportSummary importCsv(String cohortId, String fileName, byte[] content) {
        return importCsv(cohortId, fileName, content, ImportOptions.DEFAULT);
    }

    /** Imports one CSV file named {@code fileName}, with a sync or as a dry run. */
    public ImportSummary importCsv(String cohortId, String fileName, byte[] content, ImportOptions options) {
        return checked(cohortId, importer.importSources(cohortId, List.of(source(fileName, content)), options),
                options, null);
    }

    /** Imports several CSV files, each by its name. */
    public ImportSummary importFiles(String cohortId, List<Upload> uploads) {
        return importFiles(cohortId, uploads, ImportOptions.DEFAULT);
    }

    /** Imports several CSV files, each by its name, with a sync or as a dry run. */
    public ImportSummary importFiles(String cohortId, List<Upload> uploads, ImportOptions options) {
        List<CsvSource> sources = uploads.stream().map(u -> source(u.fileName(), u.content())).toList();
        return checked(cohortId, importer.importSources(cohortId, sources, options), options, null);
    }

    /**
     * Imports folders, zips and CSV files on this machine (the command line), creating the cohort when it
     * does not exist (unless it is a dry run).
     */
    public ImportSummary importPaths(String cohortId, List<Path> inputs, ImportOptions options) {
        return checked(cohortId, importer.importPaths(cohortId, inputs, options), options, null);
    }

    /** Imports the bundled files of a cohort, such as the demo's sample. */
    public ImportSummary importSources(String cohortId, List<CsvSource> sources, ImportOptions options) {
        return checked(cohortId, importer.importSources(cohortId, sources, options), options, null);
    }

    /** Imports the CSV files of a zip; the importer reads zips from files, so it is written to a temporary one. */
    public ImportSummary importZip(String cohortId, byte[] zip) {
        return importZip(cohortId, zip, ImportOptions.DEFAULT);
    }

    /** {@link #importZip(String, byte[])}, with a sync or as a dry run. */
    public ImportSummary importZip(String cohortId, byte[] zip, ImportOptions options) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("coach-upload-");
            Path file = Files.write(folder.resolve("upload.zip"), zip);
            return checked(cohortId, importer.importPaths(cohortId, List.of(file), options), options, folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded zip", e);
        } finally {
            delete(folder);
        }
    }

    /**
     * The cohort's policy document, key to value (a number, true or false, or a weekday's name), in the
     * order of {@link PolicyKey}: the rule thresholds, then the matching and the digest settings.
     */
    public Map<String, Object> policy(String cohortId) {
        Map<String, Object> values = new LinkedHashMap<>();
        store.policy(cohortId).values().forEach((key, value) -> values.put(key.key(), key.shown(value)));
        return values;
    }

    /** A key of the policy as {@code GET .../policy?describe=true} and {@code coach policy} show it. */
    public record PolicyEntry(String key, String group, String type, Object value,
                              @com.fasterxml.jackson.annotation.JsonProperty("default") Object defaultValue,
                              String range, String meaning) {
    }

    /** Every key of the cohort's policy with its group, type, value, default, range and meaning, in their order. */
    public List<PolicyEntry> describePolicy(String cohortId) {
        Policy policy = store.policy(cohortId);
        return policy.values().entrySet().stream().map(e -> {
            PolicyKey key = e.getKey();
            return new PolicyEntry(key.key(), key.group().name().toLowerCase(java.util.Locale.ROOT), key.type().code(),
                    key.shown(e.getValue()), key.shown(key.defaultValue()), key.range(), key.description());
        }).toList();
    }

    /** Changes the keys {@code body} names and keeps the others; any bad key or value changes nothing. */
    public Map<String, Object> changePolicy(String cohortId, JsonNode body) {
        store.updatePolicy(cohortId, saved -> read(saved, body)); // read and saved in one transaction
        return policy(cohortId);
    }

    /**
     * Replaces the cohort's policy document with {@code body} (key to value); keys left out go back to
     * their defaults. Any bad key or value changes nothing. Only a changed rule threshold makes the stored
     * runs stale.
     */
    public Map<String, Object> replacePolicy(String cohortId, JsonNode body) {
        store.savePolicy(cohortId, read(Policy.defaults(), body));
        return policy(cohortId);
    }

    /** {@code policy} with the keys of {@code body} set; every bad key or value is an error of its field. */
    private static Policy read(Policy policy, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("body", null, "expected a JSON object of policy keys to values");
        }
        List<FieldError> errors = new ArrayList<>();
        long errorCount = 0;
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            try {
                PolicyKey key = PolicyKey.of(field.getKey());
                if (value.isBoolean() && key.type() == PolicyKey.Type.BOOLEAN) {
                    policy = policy.with(key, value.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO);
                    continue;
                }
                if (!value.isNumber() && !value.isTextual()) {
                    throw new IllegalArgumentException(key.key() + " must be " + switch (key.type()) {
                        case BOOLEAN -> "true or false";
                        case WEEKDAY -> "a weekday (monday to sunday)";
                        default -> "a number";
                    });
                }
                // toString, not toPlainString: 1e999999999 must be refused by the range check, not
                // written out as a billion digits first
                policy = policy.with(key, key.parse(value.isNumber() ? value.decimalValue().toString()
                        : value.asText()));
            } catch (IllegalArgumentException e) {
                if (++errorCount <= InvalidInputException.MAX_ERRORS_KEPT) {
                    errors.add(new FieldError(field.getKey(), value.isValueNode() ? value.asText()
                            : value.toString(), e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors, errorCount);
        }
        return policy;
    }

    private static CsvSource source(String fileName, byte[] content) {
        return new CsvSource(fileName, () -> new ByteArrayInputStream(content));
    }

    /** The report of a written import, or its rejection with every error; never a temporary path. */
    private static ImportSummary checked(String cohortId, ImportReport report, ImportOptions options, Path folder) {
        String hide = folder == null ? null : folder.toString();
        if (report.ok()) {
            return ImportSummary.of(cohortId, report, options.sync(), w -> scrub(w, hide));
        }
        List<String> warnings = report.warnings().stream().map(w -> scrub(w, hide)).toList();
        List<ImportError> errors = report.errors().stream().map(e -> new ImportError(scrub(e.file(), hide), e.line(),
                e.column(), e.value(), scrub(e.reason(), hide))).toList();
        throw new ImportRejectedException(errors, report.errorCount(), warnings, report.dryRun());
    }

    private static String scrub(String text, String folder) {
        return text == null || folder == null ? text : text.replace(folder + java.io.File.separator, "")
                .replace(folder, "");
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
