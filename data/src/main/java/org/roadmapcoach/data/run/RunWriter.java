package org.roadmapcoach.data.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.data.store.StoreAccessException;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.policy.Policy;

/**
 * Stores health-check runs ({@link RunStore} reads them), streaming: pairings are written as they are
 * evaluated, in JDBC batches, all in the run's one transaction.
 */
public final class RunWriter {

    private static final int BATCH = 1000;

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
            evidence.add(RunJson.evidenceJson(finding.evidence()));
        }
        return new PreparedPairing(pairing, evidence);
    }

    /** Hands the pairings of a run to the sink as it produces them; everything runs in the run's transaction. */
    @FunctionalInterface
    public interface RunSource {
        void writeTo(PairingSink sink) throws SQLException;
    }

    private final SqliteStore store;

    public RunWriter(SqliteStore store) {
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
            try (BatchWriter writer = new BatchWriter(connection, cohortId, id)) {
                source.writeTo(writer);
            }
            return id;
        });
        store.checkpoint(); // a run of a large cohort is gigabytes of log
        return new StoredRun(runId, cohortId, asOf, createdAt, policy);
    }

    private static long insertRun(Connection connection, String cohortId, LocalDate asOf, Instant createdAt,
                                  Policy policy, String ruleBase) throws SQLException {
        String sql = "INSERT INTO health_check_runs (cohort_id, as_of, created_at, policy, rule_base, revision)"
                + " VALUES (?, ?, ?, ?, ?, (SELECT revision FROM cohorts WHERE id = ?))";
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, cohortId);
            insert.setString(2, asOf.toString());
            insert.setString(3, createdAt.toString());
            insert.setString(4, RunJson.policyJson(policy));
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
    private static final class BatchWriter implements PairingSink, AutoCloseable {

        private final String cohortId;
        private final long runId;
        private final PreparedStatement pairing;
        private final PreparedStatement finding;
        private int pendingPairings;
        private int pendingFindings;

        BatchWriter(Connection connection, String cohortId, long runId) throws SQLException {
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
}
