package org.roadmapcoach.data.run;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.finding.SubjectType;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.data.store.SqlWork;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.data.store.StoreAccessException;

/**
 * Stores health-check runs and reads them back, streaming: a run of a large cohort holds millions of
 * findings, so pairings are written as they are evaluated and read back one at a time, never held all
 * together. Evidence and policy are kept as JSON text: they are read whole, never queried.
 */
public final class RunStore {

    /** Receives the pairings of a run being saved, in pairing id order. */
    @FunctionalInterface
    public interface PairingSink {
        void add(PreparedPairing pairing);

        default void add(RunPairing pairing) {
            add(prepare(pairing));
        }
    }

    /**
     * A pairing ready to be stored: its findings' evidence already written as JSON, which is most of the
     * work of storing a finding and can be done on any thread ({@link #prepare}).
     */
    public record PreparedPairing(RunPairing pairing, List<String> evidence) {
    }

    /** Writes the evidence of {@code pairing}'s findings; thread-safe. */
    public static PreparedPairing prepare(RunPairing pairing) {
        List<String> evidence = new ArrayList<>(pairing.findings().size());
        for (Finding finding : pairing.findings()) {
            evidence.add(evidenceJson(finding.evidence()));
        }
        return new PreparedPairing(pairing, evidence);
    }

    /** Hands the pairings of a run to the sink as it produces them; everything runs in the run's transaction. */
    @FunctionalInterface
    public interface RunSource {
        void writeTo(PairingSink sink) throws SQLException;
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final int BATCH = 1000;
    private static final String PAIRINGS_SQL = "SELECT pairing_id, mentee_id, mentor_id, health"
            + " FROM health_check_pairings WHERE run_id = ?";
    private static final String FINDINGS_SQL = "SELECT pairing_id, rule_id, severity, subject_type, subject_id,"
            + " audience, message, next_step, evidence, key_date FROM health_check_findings WHERE run_id = ?";

    // The pairings of runs, joined with the current revisions: none of a run whose revisions are no longer
    // the cohort's and its pairing's.
    private static final String CURRENT_PAIRINGS = " FROM health_check_runs r"
            + " JOIN cohorts c ON c.id = r.cohort_id AND c.revision = r.revision"
            + " JOIN health_check_pairings hp ON hp.run_id = r.id"
            + " JOIN pairings p ON p.cohort_id = r.cohort_id AND p.id = hp.pairing_id AND p.revision = hp.revision";
    // One pairing of the newest run of a cohort as of a date by a rule base: parameters cohort, date, rule
    // base, pairing.
    private static final String ONE_OF_THE_RUN = " WHERE r.id = (SELECT MAX(id) FROM health_check_runs"
            + " WHERE cohort_id = ? AND as_of = ? AND rule_base = ?) AND hp.pairing_id = ?";
    private static final String CURRENT_FINDINGS_SQL = "SELECT hp.pairing_id, f.rule_id, f.severity,"
            + " f.subject_type, f.subject_id, f.audience, f.message, f.next_step, f.evidence, f.key_date"
            + CURRENT_PAIRINGS
            + " LEFT JOIN health_check_findings f ON f.run_id = r.id AND f.pairing_id = hp.pairing_id"
            + ONE_OF_THE_RUN + " ORDER BY f.position";

    private final SqliteStore store;

    public RunStore(SqliteStore store) {
        this.store = store;
    }

    /** Stores a run of {@code pairings} in one transaction and returns it with its new id. */
    public StoredRun save(String cohortId, LocalDate asOf, Instant createdAt, Policy policy, String ruleBase,
                          List<RunPairing> pairings) {
        return save(cohortId, asOf, createdAt, policy, ruleBase, sink -> pairings.forEach(sink::add));
    }

    /**
     * Stores a run in one transaction, its pairings as {@code source} produces them, and returns it with its
     * new id. Nothing of the run is visible to readers until {@code source} returns; when it throws, nothing
     * is stored.
     *
     * <p>The run keeps the revisions of the cohort and of each pairing, read in its transaction, which holds
     * the database's write lock from its start: they are those of what {@code source} evaluated as long as
     * it reads the cohort after it is called, as the health check does. {@link #currentFindings} relies on it.
     *
     * @param ruleBase the version of the rule base that evaluated the run ({@code Evaluator.ruleBase()})
     */
    public StoredRun save(String cohortId, LocalDate asOf, Instant createdAt, Policy policy, String ruleBase,
                          RunSource source) {
        long runId = store.inTransaction(connection -> {
            long id = insertRun(connection, cohortId, asOf, createdAt, policy, ruleBase);
            try (RunWriter writer = new RunWriter(connection, cohortId, id)) {
                source.writeTo(writer);
            }
            return id;
        });
        store.checkpoint(); // a run of a large cohort is gigabytes of log
        return new StoredRun(runId, cohortId, asOf, createdAt, policy);
    }

    /** The most recent run of the cohort. */
    public Optional<StoredRun> latest(String cohortId) {
        return load("SELECT * FROM health_check_runs WHERE cohort_id = ? ORDER BY id DESC LIMIT 1", cohortId, null);
    }

    /** The run of the cohort stored just before run {@code runId}. */
    public Optional<StoredRun> before(String cohortId, long runId) {
        return load("SELECT * FROM health_check_runs WHERE cohort_id = ? AND id < ? ORDER BY id DESC LIMIT 1",
                cohortId, runId);
    }

    /**
     * Every pairing of a run with its findings, by pairing id, streamed.
     *
     * @param evidence whether to read the findings' evidence; without it they have none, and reading is faster
     */
    public void forEachPairing(long runId, boolean evidence, Consumer<RunPairing> consumer) {
        snapshot(connection -> {
            try (PreparedStatement pairings = connection.prepareStatement(PAIRINGS_SQL + " ORDER BY pairing_id");
                 PreparedStatement findings = connection.prepareStatement(FINDINGS_SQL
                         + " ORDER BY pairing_id, position")) {
                pairings.setLong(1, runId);
                findings.setLong(1, runId);
                try (ResultSet pairing = pairings.executeQuery(); ResultSet finding = findings.executeQuery()) {
                    // Both in pairing id order: each pairing's findings are the next rows of the second read.
                    boolean more = finding.next();
                    while (pairing.next()) {
                        String pairingId = pairing.getString(1);
                        List<Finding> found = new ArrayList<>();
                        while (more && finding.getString(1).equals(pairingId)) {
                            found.add(finding(finding, evidence));
                            more = finding.next();
                        }
                        consumer.accept(pairing(pairing, found));
                    }
                }
            }
            return null;
        });
    }

    /**
     * The pairings {@code pairingIds} of a run with their findings, in that order (ids not in the run left out).
     *
     * @param evidence whether to read the findings' evidence, as for {@link #forEachPairing}
     */
    public List<RunPairing> pairings(long runId, List<String> pairingIds, boolean evidence) {
        if (pairingIds.isEmpty()) {
            return List.of();
        }
        String in = " AND pairing_id IN (" + String.join(", ", java.util.Collections.nCopies(pairingIds.size(), "?"))
                + ")";
        return snapshot(connection -> {
            Map<String, List<Finding>> findings = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(FINDINGS_SQL + in + " ORDER BY pairing_id, position")) {
                bind(query, runId, pairingIds);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        findings.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(finding(row, evidence));
                    }
                }
            }
            Map<String, RunPairing> byId = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(PAIRINGS_SQL + in)) {
                bind(query, runId, pairingIds);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        String id = row.getString(1);
                        byId.put(id, pairing(row, findings.getOrDefault(id, List.of())));
                    }
                }
            }
            List<RunPairing> ordered = new ArrayList<>(pairingIds.size());
            for (String id : pairingIds) {
                RunPairing pairing = byId.get(id);
                if (pairing != null) {
                    ordered.add(pairing);
                }
            }
            return ordered;
        });
    }

    /**
     * The findings of a pairing as the newest run of its cohort as of {@code asOf} by rule base {@code ruleBase}
     * found them, when that run still stands for a live evaluation: neither the cohort nor the pairing has
     * changed since (their revisions are those the run saw). Empty when there is no such run, or the
     * pairing is not in it.
     */
    public Optional<List<Finding>> currentFindings(String cohortId, String pairingId, LocalDate asOf,
                                                   String ruleBase) {
        return store.query(CURRENT_FINDINGS_SQL, query -> {
            bindText(query, cohortId, asOf.toString(), ruleBase, pairingId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                List<Finding> findings = new ArrayList<>();
                do {
                    if (row.getString(2) != null) { // null: the pairing's one row, without findings
                        findings.add(finding(row, true));
                    }
                } while (row.next());
                return Optional.of(findings);
            }
        });
    }

    /** The finding keys of a run, to compare another run with it pairing by pairing; the caller closes it. */
    public RunKeys keys(long runId) {
        return new RunKeys(store, runId);
    }

    private static long insertRun(Connection connection, String cohortId, LocalDate asOf, Instant createdAt,
                                  Policy policy, String ruleBase) throws SQLException {
        String sql = "INSERT INTO health_check_runs (cohort_id, as_of, created_at, policy, rule_base, revision)"
                + " VALUES (?, ?, ?, ?, ?, (SELECT revision FROM cohorts WHERE id = ?))";
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, cohortId);
            insert.setString(2, asOf.toString());
            insert.setString(3, createdAt.toString());
            insert.setString(4, policyJson(policy));
            insert.setString(5, ruleBase);
            insert.setString(6, cohortId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Writes pairings and their findings in JDBC batches, on the run's transaction. */
    private static final class RunWriter implements PairingSink, AutoCloseable {

        private final String cohortId;
        private final long runId;
        private final PreparedStatement pairing;
        private final PreparedStatement finding;
        private int pendingPairings;
        private int pendingFindings;

        RunWriter(Connection connection, String cohortId, long runId) throws SQLException {
            this.cohortId = cohortId;
            this.runId = runId;
            this.pairing = connection.prepareStatement("INSERT INTO health_check_pairings"
                    + " (run_id, pairing_id, mentee_id, mentor_id, health, revision)"
                    + " VALUES (?, ?, ?, ?, ?, (SELECT revision FROM pairings WHERE cohort_id = ? AND id = ?))");
            this.finding = connection.prepareStatement("INSERT INTO health_check_findings"
                    + " (run_id, pairing_id, position, rule_id, severity, subject_type, subject_id, audience,"
                    + " message, next_step, evidence, key_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @Override
        public void add(PreparedPairing prepared) {
            RunPairing p = prepared.pairing();
            try {
                pairing.setLong(1, runId);
                pairing.setString(2, p.pairingId());
                pairing.setString(3, p.menteeId());
                pairing.setString(4, p.mentorId());
                pairing.setString(5, p.health().code());
                pairing.setString(6, cohortId);
                pairing.setString(7, p.pairingId());
                pairing.addBatch();
                if (++pendingPairings == BATCH) {
                    pairing.executeBatch();
                    pendingPairings = 0;
                }
                int position = 0;
                for (Finding f : p.findings()) {
                    String evidence = prepared.evidence().get(position);
                    finding.setLong(1, runId);
                    finding.setString(2, p.pairingId());
                    finding.setInt(3, position++);
                    finding.setString(4, f.ruleId());
                    finding.setString(5, f.severity().code());
                    finding.setString(6, f.subjectType().code());
                    finding.setString(7, f.subjectId());
                    finding.setString(8, f.audience().code());
                    finding.setString(9, f.message());
                    finding.setString(10, f.nextStep());
                    finding.setString(11, evidence);
                    finding.setString(12, f.keyDate() == null ? null : f.keyDate().toString());
                    finding.addBatch();
                    if (++pendingFindings == BATCH) {
                        finding.executeBatch();
                        pendingFindings = 0;
                    }
                }
            } catch (SQLException e) {
                throw new StoreAccessException("cannot store the health check: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws SQLException {
            try (pairing; finding) {
                pairing.executeBatch();
                finding.executeBatch();
            }
        }
    }

    private Optional<StoredRun> load(String sql, String cohortId, Long runId) {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, cohortId);
                if (runId != null) {
                    query.setLong(2, runId);
                }
                try (ResultSet run = query.executeQuery()) {
                    if (!run.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredRun(run.getLong("id"), cohortId,
                            LocalDate.parse(run.getString("as_of")), Instant.parse(run.getString("created_at")),
                            policy(run.getString("policy"))));
                }
            }
        });
    }

    private <T> T snapshot(SqlWork<T> work) {
        return store.read(connection -> {
            connection.setAutoCommit(false); // one snapshot for the reads that go together (ended by the store)
            return work.run(connection);
        });
    }

    private static void bindText(PreparedStatement query, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            query.setString(i + 1, values[i]);
        }
    }

    private static void bind(PreparedStatement query, long runId, List<String> pairingIds) throws SQLException {
        query.setLong(1, runId);
        for (int i = 0; i < pairingIds.size(); i++) {
            query.setString(i + 2, pairingIds.get(i));
        }
    }

    // Columns by position, in the order of PAIRINGS_SQL and FINDINGS_SQL.
    private static RunPairing pairing(ResultSet row, List<Finding> findings) throws SQLException {
        return new RunPairing(row.getString(1), row.getString(2), row.getString(3),
                Coded.parse(Health.class, row.getString(4)), findings);
    }

    private static Finding finding(ResultSet row, boolean evidence) throws SQLException {
        String ruleId = row.getString(2);
        String keyDate = row.getString(10);
        return new Finding(ruleId, Coded.parse(Severity.class, row.getString(3)), Finding.categoryOf(ruleId),
                Coded.parse(SubjectType.class, row.getString(4)), row.getString(5), row.getString(1),
                Coded.parse(Audience.class, row.getString(6)), row.getString(7), row.getString(8),
                evidence ? fromJson(row.getString(9)) : Map.of(), keyDate == null ? null : LocalDate.parse(keyDate));
    }

    private static String policyJson(Policy policy) {
        Map<String, String> values = new LinkedHashMap<>();
        policy.values().forEach((key, value) -> values.put(key.key(), value.toPlainString()));
        return toJson(values);
    }

    private static Policy policy(String json) {
        Policy policy = Policy.defaults();
        for (Map.Entry<String, Object> entry : fromJson(json).entrySet()) {
            PolicyKey key = PolicyKey.of(entry.getKey());
            policy = policy.with(key, key.parse(String.valueOf(entry.getValue())));
        }
        return policy;
    }

    /**
     * Evidence as JSON: dates as ISO text, codes for enumerated values, numbers as numbers, lists as
     * arrays. Written straight to a generator (a large check stores millions of these); what the
     * mapper writes for a map of the same plain values, byte for byte.
     */
    static String evidenceJson(Map<String, Object> evidence) {
        StringWriter text = new StringWriter(128);
        try (JsonGenerator json = JSON.getFactory().createGenerator(text)) {
            json.writeStartObject();
            for (Map.Entry<String, Object> entry : evidence.entrySet()) {
                json.writeFieldName(entry.getKey());
                writePlain(json, entry.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write evidence as JSON", e);
        }
        return text.toString();
    }

    private static void writePlain(JsonGenerator json, Object value) throws IOException {
        if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof LocalDate || value instanceof Enum<?>) {
            json.writeString(value instanceof Coded coded ? coded.code() : value.toString());
        } else if (value instanceof Integer number) {
            json.writeNumber(number);
        } else if (value instanceof Long number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                writePlain(json, item);
            }
            json.writeEndArray();
        } else {
            JSON.writeValue(json, value); // anything else (null included) as the mapper writes it
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write evidence as JSON", e);
        }
    }

    private static Map<String, Object> fromJson(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored run is not valid JSON: " + json, e);
        }
    }
}
