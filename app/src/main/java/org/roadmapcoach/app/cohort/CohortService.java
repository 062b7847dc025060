package org.roadmapcoach.app.cohort;

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
import org.roadmapcoach.data.importer.ImportReport;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.Cohort;

/** Cohorts for coordinators: create, look at, import into, and set the thresholds of. */
public final class CohortService {

    /** One uploaded file: its name as given and its bytes. */
    public record Upload(String fileName, byte[] content) {
    }

    /** Characters of a policy value given as text. */
    static final int MAX_VALUE_CHARS = 30;

    private final SqliteStore store;
    private final CohortImporter importer;

    public CohortService(SqliteStore store) {
        this.store = store;
        this.importer = new CohortImporter(store);
    }

    /** Creates a cohort; a conflict when the id is taken. */
    public CohortView create(Cohort cohort) {
        boolean created = store.createCohort(cohort);
        if (!created) {
            throw new ConflictException("There is already a cohort '" + cohort.id() + "'.");
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
        return checked(cohortId, importer.importSources(cohortId, List.of(source(fileName, content))), null);
    }

    /** Imports several CSV files, each by its name. */
    public ImportSummary importFiles(String cohortId, List<Upload> uploads) {
        List<CsvSource> sources = uploads.stream().map(u -> source(u.fileName(), u.content())).toList();
        return checked(cohortId, importer.importSources(cohortId, sources), null);
    }

    /** Imports the CSV files of a zip; the importer reads zips from files, so it is written to a temporary one. */
    public ImportSummary importZip(String cohortId, byte[] zip) {
        Path folder = null;
        try {
            folder = Files.createTempDirectory("coach-upload-");
            Path file = Files.write(folder.resolve("upload.zip"), zip);
            return checked(cohortId, importer.importPaths(cohortId, List.of(file)), folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the uploaded zip", e);
        } finally {
            delete(folder);
        }
    }

    /** The cohort's policy, key to value (a number, or true or false), in catalog order. */
    public Map<String, Object> policy(String cohortId) {
        Map<String, Object> values = new LinkedHashMap<>();
        store.policy(cohortId).values().forEach((key, value) -> values.put(key.key(), key.shown(value)));
        return values;
    }

    /** Changes the keys {@code body} names and keeps the others; any bad key or value changes nothing. */
    public Map<String, Object> changePolicy(String cohortId, JsonNode body) {
        store.savePolicy(cohortId, read(store.policy(cohortId), body));
        return policy(cohortId);
    }

    /**
     * Replaces the cohort's thresholds with {@code body} (key to number); keys left out go back to their
     * defaults. Any bad key or value changes nothing.
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
                    throw new IllegalArgumentException(key.key() + " must be "
                            + (key.type() == PolicyKey.Type.BOOLEAN ? "true or false" : "a number"));
                }
                if (value.isTextual() && value.asText().length() > MAX_VALUE_CHARS) {
                    // a number's text is parsed in time that grows with the square of its length
                    throw new IllegalArgumentException("expected a number of at most " + MAX_VALUE_CHARS
                            + " characters");
                }
                // toString, not toPlainString: 1e999999999 must be refused by the range check, not
                // written out as a billion digits first
                policy = policy.with(key, key.parse(value.isNumber() ? value.decimalValue().toString()
                        : value.asText()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field.getKey(), value.isValueNode() ? value.asText() : value.toString(),
                        e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return policy;
    }

    private static CsvSource source(String fileName, byte[] content) {
        return new CsvSource(fileName, () -> new ByteArrayInputStream(content));
    }

    /** The report of a written import, or its rejection with every error; never a temporary path. */
    private static ImportSummary checked(String cohortId, ImportReport report, Path folder) {
        String hide = folder == null ? null : folder.toString();
        List<String> warnings = report.warnings().stream().map(w -> scrub(w, hide)).toList();
        if (report.ok()) {
            return new ImportSummary(cohortId, report.counts(), warnings);
        }
        List<ImportError> errors = report.errors().stream().map(e -> new ImportError(scrub(e.file(), hide), e.line(),
                e.column(), e.value(), scrub(e.reason(), hide))).toList();
        throw new ImportRejectedException(errors, report.errorCount());
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
