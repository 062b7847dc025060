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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.roadmapcoach.data.store.CohortSnapshot;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.data.store.StoreAccessException;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.policy.Policy;

/**
 * Stores health-check runs ({@link RunStore} reads them), streaming: pairings are written as they are
 * evaluated, a few hundred at a time, each lot in a short transaction of its own, so that other writers
 * (the API's) take their turn between them instead of waiting for the whole run. The run is visible to
 * readers only once its last transaction marks it complete; a run that fails (or a process that dies)
 * half way leaves nothing anyone reads, and the failed run's rows are deleted.
 */
public final class RunWriter {

    /** Pairings per transaction: about a hundred milliseconds of writing at most. */
    private static final int PAIRINGS_PER_TRANSACTION = 250;

    /** Receives the pairings of a run being saved, in pairing id order. */
    public interface PairingSink {
        void add(PreparedPairing pairing);

        /** Encodes {@code pairing} for storing (most of the work of storing it); thread-safe. */
        PreparedPairing prepare(RunPairing pairing);

        default void add(RunPairing pairing) {
            add(prepare(pairing));
        }
    }

    /** A pairing ready to be stored: its findings already encoded, on whichever thread prepared it. */
    public record PreparedPairing(RunPairing pairing, byte[] findings) {
    }

    /** Hands the pairings of a run to the sink as it produces them. */
    @FunctionalInterface
    public interface RunSource {
        void writeTo(PairingSink sink) throws SQLException;
    }

    private final SqliteStore store;

    public RunWriter(SqliteStore store) {
        this.store = store;
    }

    /** Stores a run of {@code pairings} stamped with the revisions of now, and returns it with its new id. */
    public StoredRun save(String cohortId, LocalDate asOf, Instant createdAt, Policy policy, String ruleBase,
                          List<RunPairing> pairings) {
        return save(cohortId, asOf, createdAt, policy, ruleBase, null, sink -> pairings.forEach(sink::add));
    }

    /** {@link #save(String, LocalDate, Instant, Policy, String, CohortSnapshot.Stamp, RunSource)} stamped now. */
    public StoredRun save(String cohortId, LocalDate asOf, Instant createdAt, Policy policy, String ruleBase,
                          RunSource source) {
        return save(cohortId, asOf, createdAt, policy, ruleBase, null, source);
    }

    /**
     * Stores a run, its pairings as {@code source} produces them, and returns it with its new id. Nothing of
     * the run is visible to readers until {@code source} has returned and the run is complete; when it
     * throws, nothing is stored.
     *
     * @param stamp the revisions of the data the run was evaluated from (a {@link CohortSnapshot}'s), which
     *     decide whether it may later answer for a live evaluation ({@link RunStore#currentFindings}); null
     *     stamps it with the revisions current as each pairing is written
     * @param ruleBase the version of the rule base that evaluated the run ({@code Evaluator.ruleBase()})
     */
    public StoredRun save(String cohortId, LocalDate asOf, Instant createdAt, Policy policy, String ruleBase,
                          CohortSnapshot.Stamp stamp, RunSource source) {
        long runId = store.inTransaction(connection -> insertRun(connection, cohortId, asOf, createdAt, policy,
                ruleBase, stamp));
        Lots lots = new Lots(cohortId, runId, stamp);
        try {
            source.writeTo(lots);
            lots.flush();
            store.inTransaction(connection -> {
                try (PreparedStatement done = connection.prepareStatement("UPDATE health_check_runs SET complete = 1,"
                        + " pairing_count = ?, finding_count = ?, bytes = ? WHERE id = ?")) {
                    done.setLong(1, lots.pairings);
                    done.setLong(2, lots.findings);
                    done.setLong(3, lots.bytes);
                    done.setLong(4, runId);
                    return done.executeUpdate();
                }
            });
        } catch (SQLException e) {
            forget(runId);
            throw new StoreAccessException("cannot store the health check: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            forget(runId);
            throw e;
        }
        new RunRetention(store).afterRun(cohortId);
        return new StoredRun(runId, cohortId, asOf, createdAt, policy);
    }

    /** Deletes what was written of a run that will never be complete. */
    private void forget(long runId) {
        try {
            store.inTransaction(connection -> RunRetention.delete(connection, runId));
        } catch (RuntimeException e) {
            // The run stays incomplete, which no reader sees; retention deletes it later.
        }
    }

    private static long insertRun(Connection connection, String cohortId, LocalDate asOf, Instant createdAt,
                                  Policy policy, String ruleBase, CohortSnapshot.Stamp stamp) throws SQLException {
        String revision = stamp == null ? "(SELECT revision FROM cohorts WHERE id = ?)" : "?";
        String sql = "INSERT INTO health_check_runs (cohort_id, as_of, created_at, policy, rule_base, revision, complete)"
                + " VALUES (?, ?, ?, ?, ?, " + revision + ", 0)";
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, cohortId);
            insert.setString(2, asOf.toString());
            insert.setString(3, createdAt.toString());
            insert.setString(4, RunJson.policyJson(policy));
            insert.setString(5, ruleBase);
            if (stamp == null) {
                insert.setString(6, cohortId);
            } else {
                insert.setLong(6, stamp.cohortRevision());
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Collects pairings and writes them a lot at a time, each lot with the next steps first seen in it. */
    private final class Lots implements PairingSink {

        private final String cohortId;
        private final long runId;
        private final CohortSnapshot.Stamp stamp;
        private final Map<String, Integer> textIds = new ConcurrentHashMap<>();
        private final AtomicInteger nextTextId = new AtomicInteger();
        private final ConcurrentLinkedQueue<Map.Entry<Integer, String>> unwrittenTexts = new ConcurrentLinkedQueue<>();
        private final List<PreparedPairing> pending = new ArrayList<>(PAIRINGS_PER_TRANSACTION);
        private long pairings;
        private long findings;
        private long bytes;

        Lots(String cohortId, long runId, CohortSnapshot.Stamp stamp) {
            this.cohortId = cohortId;
            this.runId = runId;
            this.stamp = stamp;
        }

        @Override
        public PreparedPairing prepare(RunPairing pairing) {
            List<String> evidence = new ArrayList<>(pairing.findings().size());
            for (Finding finding : pairing.findings()) {
                evidence.add(RunJson.evidenceJson(finding.evidence()));
            }
            return new PreparedPairing(pairing, RunFindingsCodec.encode(pairing.findings(), evidence, this::textId));
        }

        private int textId(String text) {
            return textIds.computeIfAbsent(text, t -> {
                int id = nextTextId.getAndIncrement();
                unwrittenTexts.add(Map.entry(id, t));
                return id;
            });
        }

        @Override
        public void add(PreparedPairing pairing) {
            pending.add(pairing);
            if (pending.size() == PAIRINGS_PER_TRANSACTION) {
                flush();
            }
        }

        void flush() {
            List<Map.Entry<Integer, String>> texts = new ArrayList<>();
            for (Map.Entry<Integer, String> text = unwrittenTexts.poll(); text != null; text = unwrittenTexts.poll()) {
                texts.add(text);
            }
            if (pending.isEmpty() && texts.isEmpty()) {
                return;
            }
            store.inTransaction(connection -> {
                write(connection, texts);
                return null;
            });
            pending.clear();
        }

        private void write(Connection connection, List<Map.Entry<Integer, String>> texts) throws SQLException {
            try (PreparedStatement text = connection.prepareStatement(
                    "INSERT INTO health_check_texts (run_id, id, text) VALUES (?, ?, ?)")) {
                for (Map.Entry<Integer, String> entry : texts) {
                    text.setLong(1, runId);
                    text.setInt(2, entry.getKey());
                    text.setString(3, entry.getValue());
                    text.addBatch();
                    bytes += entry.getValue().length();
                }
                text.executeBatch();
            }
            String revision = stamp == null ? "(SELECT revision FROM pairings WHERE cohort_id = ? AND id = ?)" : "?";
            try (PreparedStatement pairing = connection.prepareStatement("INSERT INTO health_check_pairings"
                    + " (run_id, pairing_id, mentee_id, mentor_id, health, findings, revision)"
                    + " VALUES (?, ?, ?, ?, ?, ?, " + revision + ")")) {
                for (PreparedPairing prepared : pending) {
                    RunPairing p = prepared.pairing();
                    pairing.setLong(1, runId);
                    pairing.setString(2, p.pairingId());
                    pairing.setString(3, p.menteeId());
                    pairing.setString(4, p.mentorId());
                    pairing.setString(5, p.health().code());
                    pairing.setBytes(6, prepared.findings());
                    if (stamp == null) {
                        pairing.setString(7, cohortId);
                        pairing.setString(8, p.pairingId());
                    } else {
                        Long seen = stamp.pairingRevisions().get(p.pairingId());
                        if (seen == null) {
                            pairing.setNull(7, java.sql.Types.INTEGER);
                        } else {
                            pairing.setLong(7, seen);
                        }
                    }
                    pairing.addBatch();
                    pairings++;
                    findings += p.findings().size();
                    bytes += prepared.findings().length + p.pairingId().length() + p.menteeId().length()
                            + p.mentorId().length() + 16;
                }
                pairing.executeBatch();
            }
        }
    }
}
