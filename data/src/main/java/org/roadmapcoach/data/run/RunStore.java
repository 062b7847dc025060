package org.roadmapcoach.data.run;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.roadmapcoach.engine.finding.Audience;
import org.roadmapcoach.engine.finding.Finding;
import org.roadmapcoach.engine.finding.Health;
import org.roadmapcoach.engine.finding.Severity;
import org.roadmapcoach.engine.finding.SubjectType;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.data.store.SqlWork;
import org.roadmapcoach.data.store.SqliteStore;

/**
 * Reads stored health-check runs back ({@link RunWriter} stores them), streaming: a run of a large cohort
 * holds millions of findings, read back one pairing at a time, never held all together. Rows are read by
 * column name.
 */
public final class RunStore {

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
                        String pairingId = pairing.getString("pairing_id");
                        List<Finding> found = new ArrayList<>();
                        while (more && finding.getString("pairing_id").equals(pairingId)) {
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
                        findings.computeIfAbsent(row.getString("pairing_id"), id -> new ArrayList<>()).add(finding(row, evidence));
                    }
                }
            }
            Map<String, RunPairing> byId = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(PAIRINGS_SQL + in)) {
                bind(query, runId, pairingIds);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        String id = row.getString("pairing_id");
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
                    if (row.getString("rule_id") != null) { // null: the pairing's one row, without findings
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
                            RunJson.policy(run.getString("policy"))));
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

    private static RunPairing pairing(ResultSet row, List<Finding> findings) throws SQLException {
        return new RunPairing(row.getString("pairing_id"), row.getString("mentee_id"), row.getString("mentor_id"),
                Coded.parse(Health.class, row.getString("health")), findings);
    }

    private static Finding finding(ResultSet row, boolean evidence) throws SQLException {
        String ruleId = row.getString("rule_id");
        String keyDate = row.getString("key_date");
        return new Finding(ruleId, Coded.parse(Severity.class, row.getString("severity")), Finding.categoryOf(ruleId),
                Coded.parse(SubjectType.class, row.getString("subject_type")), row.getString("subject_id"),
                row.getString("pairing_id"), Coded.parse(Audience.class, row.getString("audience")),
                row.getString("message"), row.getString("next_step"),
                evidence ? RunJson.fromJson(row.getString("evidence")) : Map.of(),
                keyDate == null ? null : LocalDate.parse(keyDate));
    }
}
