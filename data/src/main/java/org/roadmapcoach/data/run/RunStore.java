package org.roadmapcoach.data.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.roadmapcoach.data.store.SqlWork;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.StoreMemo;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.engine.roadmap.Coded;

/**
 * Reads stored health-check runs back ({@link RunWriter} stores them), streaming: a run of a large cohort
 * holds millions of findings, read back one pairing at a time, never held all together. Only complete runs
 * are ever found: one being written is invisible. Rows are read by column name.
 */
public final class RunStore {

    private static final String PAIRINGS_SQL = "SELECT pairing_id, mentee_id, mentor_id, health, findings"
            + " FROM health_check_pairings WHERE run_id = ?";
    private static final String TEXTS_SQL = "SELECT id, text FROM health_check_texts WHERE run_id = ?";
    private static final String RUN_COLUMNS = "SELECT id, cohort_id, as_of, created_at, policy, pairing_count,"
            + " finding_count, bytes FROM health_check_runs";

    // One pairing of the newest complete run of a cohort as of a date by a rule base (parameters cohort, date,
    // rule base, pairing), only while the revisions the run saw are still the cohort's and the pairing's.
    private static final String CURRENT_SQL = "SELECT r.id AS run_id, hp.findings"
            + " FROM health_check_runs r"
            + " JOIN cohorts c ON c.id = r.cohort_id AND c.revision = r.revision"
            + " JOIN health_check_pairings hp ON hp.run_id = r.id"
            + " JOIN pairings p ON p.cohort_id = r.cohort_id AND p.id = hp.pairing_id AND p.revision = hp.revision"
            + " WHERE r.id = (SELECT MAX(id) FROM health_check_runs"
            + " WHERE cohort_id = ? AND as_of = ? AND rule_base = ? AND complete = 1) AND hp.pairing_id = ?";

    private final Store store;
    // The next steps of the runs suggestions are answered from: a few hundred kilobytes a run, read once
    // while the database is unchanged.
    private final StoreMemo<Long, Map<Integer, String>> runTexts;

    public RunStore(Store store) {
        this.store = store;
        this.runTexts = new StoreMemo<>(store, 4);
    }

    /** The most recent complete run of the cohort. */
    public Optional<StoredRun> latest(String cohortId) {
        return load(RUN_COLUMNS + " WHERE cohort_id = ? AND complete = 1 ORDER BY id DESC LIMIT 1", cohortId, null);
    }

    /** The complete run of the cohort stored just before run {@code runId}. */
    public Optional<StoredRun> before(String cohortId, long runId) {
        return load(RUN_COLUMNS + " WHERE cohort_id = ? AND id < ? AND complete = 1 ORDER BY id DESC LIMIT 1",
                cohortId, runId);
    }

    /** Complete run {@code runId} of the cohort. */
    public Optional<StoredRun> find(String cohortId, long runId) {
        return load(RUN_COLUMNS + " WHERE cohort_id = ? AND id = ? AND complete = 1", cohortId, runId);
    }

    /** The complete runs of the cohort, newest first, with their sizes. */
    public List<RunInfo> list(String cohortId) {
        return store.read(connection -> {
            List<RunInfo> runs = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(RUN_COLUMNS
                    + " WHERE cohort_id = ? AND complete = 1 ORDER BY id DESC")) {
                query.setString(1, cohortId);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        runs.add(new RunInfo(run(row), row.getLong("pairing_count"), row.getLong("finding_count"),
                                row.getLong("bytes")));
                    }
                }
            }
            return runs;
        });
    }

    /** A pairing's first (worst) finding as its run stored it beside the compressed findings: rule and message. */
    public record TopFinding(String ruleId, String message) {
    }

    /**
     * The first finding of each pairing of run {@code runId} that has one, by pairing id: read from the run's
     * board columns (migration 014), without decompressing any pairing's findings.
     */
    public Map<String, TopFinding> topFindings(long runId) {
        return store.read(connection -> {
            Map<String, TopFinding> tops = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT pairing_id, top_rule, top_message"
                    + " FROM health_check_pairings WHERE run_id = ? AND top_rule IS NOT NULL")) {
                query.setLong(1, runId);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        tops.put(row.getString("pairing_id"), new TopFinding(row.getString("top_rule"),
                                row.getString("top_message")));
                    }
                }
            }
            return tops;
        });
    }

    /**
     * Every pairing of a run with its findings, by pairing id, streamed.
     *
     * @param evidence whether to read the findings' evidence; without it they have only their key's objective
     *                 (what {@link FindingKey#of} needs to compare runs), and reading is faster
     */
    public void forEachPairing(long runId, boolean evidence, Consumer<RunPairing> consumer) {
        snapshot(connection -> {
            Map<Integer, String> texts = texts(connection, runId);
            try (PreparedStatement pairings = connection.prepareStatement(PAIRINGS_SQL + " ORDER BY pairing_id")) {
                pairings.setLong(1, runId);
                try (ResultSet pairing = pairings.executeQuery()) {
                    while (pairing.next()) {
                        consumer.accept(pairing(pairing, texts, evidence));
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
        String in = " AND pairing_id IN (" + String.join(", ", Collections.nCopies(pairingIds.size(), "?")) + ")";
        return snapshot(connection -> {
            Map<Integer, String> texts = texts(connection, runId);
            Map<String, RunPairing> byId = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(PAIRINGS_SQL + in)) {
                query.setLong(1, runId);
                for (int i = 0; i < pairingIds.size(); i++) {
                    query.setString(i + 2, pairingIds.get(i));
                }
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        RunPairing pairing = pairing(row, texts, evidence);
                        byId.put(pairing.pairingId(), pairing);
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
     * changed since the data it evaluated. Empty when there is no such run, when it is stale, or the pairing
     * is not in it.
     */
    public Optional<List<Finding>> currentFindings(String cohortId, String pairingId, LocalDate asOf,
                                                   String ruleBase) {
        return store.query(CURRENT_SQL, query -> {
            for (int i = 0; i < 4; i++) {
                query.setString(i + 1, new String[] {cohortId, asOf.toString(), ruleBase, pairingId}[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Stored(row.getLong("run_id"), row.getBytes("findings")))
                        : Optional.<Stored>empty();
            }
        }).flatMap(found -> {
            byte[] stored = found.findings();
            Map<Integer, String> texts = runTexts.get(found.runId(),
                    id -> store.read(connection -> texts(connection, id)));
            if (!texts.keySet().containsAll(RunFindingsCodec.textIds(stored))) {
                return Optional.empty(); // pruned since it was found: evaluate live
            }
            return Optional.of(RunFindingsCodec.decode(pairingId, stored, texts::get, true));
        });
    }

    /** A pairing's findings as stored by run {@code runId}. */
    private record Stored(long runId, byte[] findings) {
    }

    /** The finding keys of a run, to compare another run with it pairing by pairing; the caller closes it. */
    public RunKeys keys(long runId) {
        return new RunKeys(store, runId, null, null);
    }

    /** {@link #keys(long)} of the pairings with ids from {@code first} to {@code last}, both included. */
    public RunKeys keys(long runId, String first, String last) {
        return new RunKeys(store, runId, first, last);
    }

    /** Every next step of a run by its number. */
    private static Map<Integer, String> texts(Connection connection, long runId) throws SQLException {
        Map<Integer, String> texts = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(TEXTS_SQL)) {
            query.setLong(1, runId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    texts.put(row.getInt("id"), row.getString("text"));
                }
            }
        }
        return texts;
    }

    private Optional<StoredRun> load(String sql, String cohortId, Long runId) {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setString(1, cohortId);
                if (runId != null) {
                    query.setLong(2, runId);
                }
                try (ResultSet run = query.executeQuery()) {
                    return run.next() ? Optional.of(run(run)) : Optional.empty();
                }
            }
        });
    }

    private static StoredRun run(ResultSet run) throws SQLException {
        return new StoredRun(run.getLong("id"), run.getString("cohort_id"), LocalDate.parse(run.getString("as_of")),
                Instant.parse(run.getString("created_at")), RunJson.policy(run.getString("policy")));
    }

    private <T> T snapshot(SqlWork<T> work) {
        return store.read(connection -> {
            connection.setAutoCommit(false); // one snapshot for the reads that go together (ended by the store)
            return work.run(connection);
        });
    }

    private static RunPairing pairing(ResultSet row, Map<Integer, String> texts, boolean evidence)
            throws SQLException {
        String pairingId = row.getString("pairing_id");
        return new RunPairing(pairingId, row.getString("mentee_id"), row.getString("mentor_id"),
                Coded.parse(Health.class, row.getString("health")),
                RunFindingsCodec.decode(pairingId, row.getBytes("findings"), texts::get, evidence));
    }
}
