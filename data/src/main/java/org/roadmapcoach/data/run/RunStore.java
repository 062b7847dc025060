package org.roadmapcoach.data.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.finding.SubjectType;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.data.store.StoreAccessException;

/**
 * Stores health-check runs and reads them back. Evidence and policy are kept as JSON text: they are
 * read whole, never queried.
 */
public final class RunStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final SqliteStore store;

    public RunStore(SqliteStore store) {
        this.store = store;
    }

    /** Stores a run in one transaction and returns it with its new id. */
    public StoredRun save(String cohortId, LocalDate asOf, Instant createdAt, Policy policy, List<RunPairing> pairings) {
        long runId = store.inTransaction(connection -> {
            long id = insertRun(connection, cohortId, asOf, createdAt, policy);
            insertPairings(connection, id, pairings);
            return id;
        });
        return new StoredRun(runId, cohortId, asOf, createdAt, policy, pairings);
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

    private static long insertRun(Connection connection, String cohortId, LocalDate asOf, Instant createdAt,
                                  Policy policy) throws SQLException {
        String sql = "INSERT INTO health_check_runs (cohort_id, as_of, created_at, policy) VALUES (?, ?, ?, ?)";
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, cohortId);
            insert.setString(2, asOf.toString());
            insert.setString(3, createdAt.toString());
            insert.setString(4, policyJson(policy));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertPairings(Connection connection, long runId, List<RunPairing> pairings)
            throws SQLException {
        try (PreparedStatement pairing = connection.prepareStatement("INSERT INTO health_check_pairings"
                + " (run_id, pairing_id, mentee_id, mentor_id, health) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement finding = connection.prepareStatement("INSERT INTO health_check_findings"
                     + " (run_id, pairing_id, position, rule_id, severity, subject_type, subject_id, audience,"
                     + " message, next_step, evidence, key_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RunPairing p : pairings) {
                pairing.setLong(1, runId);
                pairing.setString(2, p.pairingId());
                pairing.setString(3, p.menteeId());
                pairing.setString(4, p.mentorId());
                pairing.setString(5, p.health().code());
                pairing.addBatch();
                int position = 0;
                for (Finding f : p.findings()) {
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
                    finding.setString(11, evidenceJson(f.evidence()));
                    finding.setString(12, f.keyDate() == null ? null : f.keyDate().toString());
                    finding.addBatch();
                }
            }
            pairing.executeBatch();
            finding.executeBatch();
        }
    }

    private Optional<StoredRun> load(String sql, String cohortId, Long runId) {
        try (Connection connection = store.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, cohortId);
            if (runId != null) {
                query.setLong(2, runId);
            }
            try (ResultSet run = query.executeQuery()) {
                if (!run.next()) {
                    return Optional.empty();
                }
                long id = run.getLong("id");
                return Optional.of(new StoredRun(id, cohortId, LocalDate.parse(run.getString("as_of")),
                        Instant.parse(run.getString("created_at")), policy(run.getString("policy")),
                        pairings(connection, id)));
            }
        } catch (SQLException e) {
            throw new StoreAccessException("cannot read the health checks of cohort " + cohortId, e);
        }
    }

    private static List<RunPairing> pairings(Connection connection, long runId) throws SQLException {
        Map<String, List<Finding>> findings = findings(connection, runId);
        List<RunPairing> pairings = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT * FROM health_check_pairings WHERE run_id = ? ORDER BY pairing_id")) {
            query.setLong(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String pairingId = row.getString("pairing_id");
                    pairings.add(new RunPairing(pairingId, row.getString("mentee_id"), row.getString("mentor_id"),
                            Coded.parse(Health.class, row.getString("health")),
                            findings.getOrDefault(pairingId, List.of())));
                }
            }
        }
        return pairings;
    }

    private static Map<String, List<Finding>> findings(Connection connection, long runId) throws SQLException {
        Map<String, List<Finding>> byPairing = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT * FROM health_check_findings WHERE run_id = ? ORDER BY pairing_id, position")) {
            query.setLong(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String pairingId = row.getString("pairing_id");
                    String ruleId = row.getString("rule_id");
                    String keyDate = row.getString("key_date");
                    byPairing.computeIfAbsent(pairingId, id -> new ArrayList<>()).add(new Finding(ruleId,
                            Coded.parse(Severity.class, row.getString("severity")), Finding.categoryOf(ruleId),
                            Coded.parse(SubjectType.class, row.getString("subject_type")), row.getString("subject_id"),
                            pairingId, Coded.parse(Audience.class, row.getString("audience")),
                            row.getString("message"), row.getString("next_step"), fromJson(row.getString("evidence")),
                            keyDate == null ? null : LocalDate.parse(keyDate)));
                }
            }
        }
        return byPairing;
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

    /** Evidence as JSON: dates as ISO text, numbers as numbers, lists as arrays. */
    static String evidenceJson(Map<String, Object> evidence) {
        Map<String, Object> plain = new LinkedHashMap<>();
        evidence.forEach((name, value) -> plain.put(name, plain(value)));
        return toJson(plain);
    }

    private static Object plain(Object value) {
        if (value instanceof LocalDate || value instanceof Enum<?>) {
            return value instanceof Coded coded ? coded.code() : value.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RunStore::plain).toList();
        }
        return value;
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
