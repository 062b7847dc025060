package org.roadmapcoach.data.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.roadmapcoach.data.store.CohortSnapshot;
import org.roadmapcoach.data.store.Store;
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

    /** How many next steps one part of a run may number ({@link #writePart}): parts number them apart. */
    public static final int TEXTS_PER_PART = 1 << 23;

    /** Pairings per transaction: about a hundred milliseconds of writing at most. */
    private static final int PAIRINGS_PER_TRANSACTION = 250;

    /** Receives the pairings of a run being saved, in pairing id order. */
    public interface PairingSink {
        /**
         * Adds the next pairing.
         *
         * @param isNew which of its findings (by position) the run before did not have: the cohort page counts
         *     and filters by them
         */
        void add(PreparedPairing pairing, BitSet isNew);

        /** Encodes {@code pairing} for storing (most of the work of storing it); thread-safe. */
        PreparedPairing prepare(RunPairing pairing);

        /** Adds a pairing of a run with nothing before it: every finding is new. */
        default void add(RunPairing pairing) {
            BitSet every = new BitSet();
            every.set(0, pairing.findings().size());
            add(prepare(pairing), every);
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

    private final Store store;

    public RunWriter(Store store) {
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
        long runId = begin(cohortId, asOf, createdAt, policy, ruleBase, stamp);
        try {
            writePart(runId, cohortId, stamp, 0, (connection, soFar, last) -> {
                if (last) {
                    complete(connection, runId, soFar);
                }
            }, source);
        } catch (RuntimeException | Error e) {
            forget(runId);
            throw e;
        }
        new RunRetention(store).afterRun(cohortId);
        return new StoredRun(runId, cohortId, asOf, createdAt, policy);
    }

    /**
     * Creates a run that readers do not see until it is {@linkplain #complete complete}, for {@link #writePart}
     * to store its pairings in, and returns its id.
     *
     * @param stamp as for {@link #save(String, LocalDate, Instant, Policy, String, CohortSnapshot.Stamp, RunSource)}
     */
    public long begin(String cohortId, LocalDate asOf, Instant createdAt, Policy policy, String ruleBase,
                      CohortSnapshot.Stamp stamp) {
        return store.inTransaction(connection -> insertRun(connection, cohortId, asOf, createdAt, policy,
                ruleBase, stamp));
    }

    /** How much of a run, or of a part of one, is stored. */
    public record Written(long pairings, long findings, long bytes) {

        public Written plus(Written other) {
            return new Written(pairings + other.pairings, findings + other.findings, bytes + other.bytes);
        }
    }

    /** Runs in the transactions that store a part of a run: it may stop the part, and it ends it. */
    @FunctionalInterface
    public interface PartGuard {
        /**
         * Last in each transaction storing pairings of the part; throwing undoes the transaction.
         *
         * @param soFar what the part stored, this transaction included
         * @param last whether this transaction stores the part's last pairings
         */
        void stored(Connection connection, Written soFar, boolean last) throws SQLException;
    }

    /**
     * Stores a part of run {@code runId}: the pairings {@code source} produces, a few hundred per transaction,
     * each transaction run through {@code guard}. Next steps are numbered from {@code textBase} on, so that
     * the parts of a run written by several processes do not share numbers. When {@code source} or the guard
     * throws, what the part stored stays: the caller deletes it or the run.
     *
     * @param textBase the first of the {@link #TEXTS_PER_PART} next-step numbers this part may use
     * @return what the part stored
     */
    public Written writePart(long runId, String cohortId, CohortSnapshot.Stamp stamp, int textBase,
                             PartGuard guard, RunSource source) {
        Lots lots = new Lots(cohortId, runId, stamp, textBase, guard);
        try {
            source.writeTo(lots);
            lots.flush(true);
        } catch (SQLException e) {
            throw new StoreAccessException("cannot store the health check: " + e.getMessage(), e);
        }
        return lots.written();
    }

    /** Marks run {@code runId} complete, in {@code connection}'s transaction: readers see it from its commit. */
    public static void complete(Connection connection, long runId, Written all) throws SQLException {
        try (PreparedStatement done = connection.prepareStatement("UPDATE health_check_runs SET complete = 1,"
                + " pairing_count = ?, finding_count = ?, bytes = ? WHERE id = ?")) {
            done.setLong(1, all.pairings());
            done.setLong(2, all.findings());
            done.setLong(3, all.bytes());
            done.setLong(4, runId);
            done.executeUpdate();
        }
    }

    /** Deletes what was written of a run that will never be complete. */
    public void forget(long runId) {
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
        try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
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
        private final int textBase;
        private final PartGuard guard;
        private final Map<String, Integer> textIds = new ConcurrentHashMap<>();
        private final AtomicInteger nextTextId = new AtomicInteger();
        private final ConcurrentLinkedQueue<Map.Entry<Integer, String>> unwrittenTexts = new ConcurrentLinkedQueue<>();
        private final List<PreparedPairing> pending = new ArrayList<>(PAIRINGS_PER_TRANSACTION);
        private final List<BitSet> pendingNew = new ArrayList<>(PAIRINGS_PER_TRANSACTION);
        private long pairings;
        private long findings;
        private long bytes;

        Lots(String cohortId, long runId, CohortSnapshot.Stamp stamp, int textBase, PartGuard guard) {
            this.cohortId = cohortId;
            this.runId = runId;
            this.stamp = stamp;
            this.textBase = textBase;
            this.guard = guard;
        }

        Written written() {
            return new Written(pairings, findings, bytes);
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
                if (id >= TEXTS_PER_PART) {
                    throw new IllegalStateException("more than " + TEXTS_PER_PART + " next steps in one part of a run");
                }
                id += textBase;
                unwrittenTexts.add(Map.entry(id, t));
                return id;
            });
        }

        @Override
        public void add(PreparedPairing pairing, BitSet isNew) {
            pending.add(pairing);
            pendingNew.add(isNew);
            if (pending.size() == PAIRINGS_PER_TRANSACTION) {
                flush(false);
            }
        }

        /** Stores the pairings and next steps not stored yet; the last flush always writes, to end the part. */
        void flush(boolean last) {
            List<Map.Entry<Integer, String>> texts = new ArrayList<>();
            for (Map.Entry<Integer, String> text = unwrittenTexts.poll(); text != null; text = unwrittenTexts.poll()) {
                texts.add(text);
            }
            if (pending.isEmpty() && texts.isEmpty() && !last) {
                return;
            }
            store.inTransaction(connection -> {
                write(connection, texts);
                guard.stored(connection, written(), last);
                return null;
            });
            pending.clear();
            pendingNew.clear();
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
                    + " (run_id, pairing_id, mentee_id, mentor_id, health, findings, revision, criticals, warnings,"
                    + " new_findings, top_rule, top_severity, top_message, health_rank)"
                    + " VALUES (?, ?, ?, ?, ?, ?, " + revision + ", ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement rule = connection.prepareStatement("INSERT INTO health_check_rules"
                            + " (run_id, rule_id, pairing_id, severity, is_new) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < pending.size(); i++) {
                    PreparedPairing prepared = pending.get(i);
                    RunPairing p = prepared.pairing();
                    BitSet isNew = pendingNew.get(i);
                    int column = 1;
                    pairing.setLong(column++, runId);
                    pairing.setString(column++, p.pairingId());
                    pairing.setString(column++, p.menteeId());
                    pairing.setString(column++, p.mentorId());
                    pairing.setString(column++, p.health().code());
                    pairing.setBytes(column++, prepared.findings());
                    if (stamp == null) {
                        pairing.setString(column++, cohortId);
                        pairing.setString(column++, p.pairingId());
                    } else {
                        Long seen = stamp.pairingRevisions().get(p.pairingId());
                        if (seen == null) {
                            pairing.setNull(column++, java.sql.Types.INTEGER);
                        } else {
                            pairing.setLong(column++, seen);
                        }
                    }
                    column = boardColumns(pairing, column, p.findings(), isNew);
                    pairing.setInt(column, p.health().ordinal()); // red 0, amber 1, green 2: the page's order
                    pairing.addBatch();
                    for (Map.Entry<String, int[]> entry : rules(p.findings(), isNew).entrySet()) {
                        rule.setLong(1, runId);
                        rule.setString(2, entry.getKey());
                        rule.setString(3, p.pairingId());
                        rule.setInt(4, entry.getValue()[0]);
                        rule.setInt(5, entry.getValue()[1]);
                        rule.addBatch();
                    }
                    pairings++;
                    findings += p.findings().size();
                    bytes += prepared.findings().length + p.pairingId().length() + p.menteeId().length()
                            + p.mentorId().length() + 16;
                }
                pairing.executeBatch();
                rule.executeBatch();
            }
        }
    }

    /** Sets the cohort page's columns of a pairing from {@code column} on: its counts and its first finding. */
    private static int boardColumns(PreparedStatement pairing, int column, List<Finding> found, BitSet isNew)
            throws SQLException {
        int criticals = 0;
        int warnings = 0;
        for (Finding finding : found) {
            switch (finding.severity()) {
                case CRITICAL -> criticals++;
                case WARNING -> warnings++;
                default -> { }
            }
        }
        pairing.setInt(column++, criticals);
        pairing.setInt(column++, warnings);
        pairing.setInt(column++, isNew.cardinality());
        Finding top = found.isEmpty() ? null : found.get(0);
        pairing.setString(column++, top == null ? null : top.ruleId());
        pairing.setString(column++, top == null ? null : top.severity().code());
        pairing.setString(column++, top == null ? null : top.message());
        return column;
    }

    /** Per rule of a pairing's findings: its worst severity (0 critical, 1 warning, 2 info) and whether any is new. */
    private static Map<String, int[]> rules(List<Finding> found, BitSet isNew) {
        Map<String, int[]> rules = new LinkedHashMap<>();
        for (int i = 0; i < found.size(); i++) {
            Finding finding = found.get(i);
            int[] rule = rules.computeIfAbsent(finding.ruleId(), r -> new int[] {Integer.MAX_VALUE, 0});
            rule[0] = Math.min(rule[0], finding.severity().ordinal());
            rule[1] |= isNew.get(i) ? 1 : 0;
        }
        return rules;
    }
}
