package org.roadmapcoach.data.run;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.engine.finding.Health;

/**
 * The coordinator's board over a cohort's stored runs (WEB.md, the cohort page): how many pairings of a run
 * are red, amber and green; how many pairings each rule found something in; and one page of a run's
 * pairings, worst first, filtered and paged in SQL, so that a page of 100,000 pairings reads what it shows
 * and the aggregates it counts, never every row.
 */
public final class RunBoard {

    /** How many pairings of a run have each health. */
    public record Tally(long runId, LocalDate asOf, long red, long amber, long green) {
        public long total() {
            return red + amber + green;
        }
    }

    /** A rule of a run: how many pairings it found something in, and its worst severity there. */
    public record RuleCount(String ruleId, String severity, long pairings) {
    }

    /**
     * What a page of pairings is filtered by; null (or false) for no filter.
     *
     * @param text part of a mentee's or mentor's name or id, or a pairing's id, in any case
     */
    public record Filter(String health, String ruleId, boolean newOnly, String text) {
        public static final Filter NONE = new Filter(null, null, false, null);
    }

    /**
     * One pairing of a run as the table shows it.
     *
     * @param lastHeld the date of the last held check-in on or before the run's date, or null
     * @param newFindings findings the previous run did not have for this pairing (0 without a previous run)
     */
    public record Row(String pairingId, String menteeId, String menteeName, String mentorId, String mentorName,
                      String health, int criticals, int warnings, String topRuleId, String topSeverity,
                      String topMessage, LocalDate lastHeld, int newFindings) {
    }

    /** A page of rows and how many pairings the filter matches in all. */
    public record Page(List<Row> rows, long total) {
    }

    /** The order of a page, which the board index (migration 014) holds: worst first, then by pairing id. */
    private static final String WORST_FIRST = " ORDER BY p.health_rank, p.pairing_id";

    private final Store store;

    public RunBoard(Store store) {
        this.store = store;
    }

    /** The cohort's most recent runs, newest first, at most {@code limit}, without their counts. */
    public List<Tally> recentRuns(String cohortId, int limit) {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT id, as_of FROM health_check_runs"
                    + " WHERE cohort_id = ? AND complete = 1 ORDER BY id DESC LIMIT ?")) {
                query.setString(1, cohortId);
                query.setInt(2, limit);
                List<Tally> runs = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        runs.add(new Tally(row.getLong("id"), LocalDate.parse(row.getString("as_of")), 0, 0, 0));
                    }
                }
                return runs;
            }
        });
    }

    /** How many pairings of run {@code runId} (of date {@code asOf}) are red, amber and green. */
    public Tally tally(long runId, LocalDate asOf) {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT health, COUNT(*) AS pairings"
                    + " FROM health_check_pairings WHERE run_id = ? GROUP BY health")) {
                query.setLong(1, runId);
                Map<String, Long> counts = new LinkedHashMap<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        counts.put(row.getString("health"), row.getLong("pairings"));
                    }
                }
                return new Tally(runId, asOf, counts.getOrDefault("red", 0L), counts.getOrDefault("amber", 0L),
                        counts.getOrDefault("green", 0L));
            }
        });
    }

    /** Every rule that found something in run {@code runId}: the pairings it found it in, most first. */
    public List<RuleCount> rules(long runId) {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT rule_id, MIN(severity) AS worst,"
                    + " COUNT(*) AS pairings FROM health_check_rules WHERE run_id = ?"
                    + " GROUP BY rule_id ORDER BY worst, pairings DESC, rule_id")) {
                query.setLong(1, runId);
                List<RuleCount> rules = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        rules.add(new RuleCount(row.getString("rule_id"),
                                List.of("critical", "warning", "info").get(row.getInt("worst")), row.getLong("pairings")));
                    }
                }
                return rules;
            }
        });
    }

    /**
     * A page of run {@code runId}'s pairings matching {@code filter}, worst first: red, amber, green, each
     * by id. What is new is counted against the run before it when it was stored.
     *
     * @param previousRunId the run before it; null when there is none, and then nothing is new
     */
    public Page pairings(String cohortId, long runId, Long previousRunId, LocalDate asOf, Filter filter, int limit,
                         int offset) {
        List<Object> where = new ArrayList<>();
        StringBuilder conditions = new StringBuilder(" WHERE p.run_id = ?");
        where.add(runId);
        if (filter.health() != null) {
            conditions.append(" AND p.health_rank = ?");
            where.add(Health.valueOf(filter.health().toUpperCase(java.util.Locale.ROOT)).ordinal());
        }
        if (filter.ruleId() != null) {
            conditions.append(" AND p.pairing_id IN (SELECT r.pairing_id FROM health_check_rules r WHERE r.run_id = ?"
                    + " AND r.rule_id = ?)");
            where.add(runId);
            where.add(filter.ruleId());
        }
        if (filter.newOnly() && previousRunId != null) {
            conditions.append(" AND p.new_findings > 0");
        }
        boolean text = filter.text() != null && !filter.text().isBlank();
        if (text) {
            String like = "%" + filter.text().strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            conditions.append(" AND (lower(p.pairing_id) LIKE ? ESCAPE '\\' OR lower(p.mentee_id) LIKE ? ESCAPE '\\'"
                    + " OR lower(p.mentor_id) LIKE ? ESCAPE '\\' OR p.mentee_id IN (SELECT id FROM people"
                    + " WHERE cohort_id = ? AND lower(name) LIKE ? ESCAPE '\\') OR p.mentor_id IN (SELECT id"
                    + " FROM people WHERE cohort_id = ? AND lower(name) LIKE ? ESCAPE '\\'))");
            where.addAll(List.of(like, like, like, cohortId, like, cohortId, like));
        }
        long total = count(conditions.toString(), where);
        if (total == 0 || offset >= total) {
            return new Page(List.of(), total);
        }
        // The page's rows are chosen on the pairings' rows alone, and only those 25 or so are joined to the
        // people and their check-ins: joined first, SQLite would name and date every pairing before sorting.
        String page = "SELECT p.pairing_id, p.mentee_id, p.mentor_id, p.health, p.criticals, p.warnings,"
                + (previousRunId == null ? " 0" : " p.new_findings") + " AS new_findings, p.top_rule,"
                + " p.top_severity, p.top_message, p.health_rank FROM health_check_pairings p" + conditions
                + WORST_FIRST + " LIMIT ? OFFSET ?";
        String sql = "SELECT w.*, mentee.name AS mentee_name, mentor.name AS mentor_name,"
                + " (SELECT MAX(date) FROM checkins k WHERE k.cohort_id = ? AND k.pairing_id = w.pairing_id"
                + " AND k.status = 'held' AND k.date <= ?) AS last_held"
                + " FROM (" + page + ") w"
                + " LEFT JOIN people mentee ON mentee.cohort_id = ? AND mentee.id = w.mentee_id"
                + " LEFT JOIN people mentor ON mentor.cohort_id = ? AND mentor.id = w.mentor_id"
                + " ORDER BY w.health_rank, w.pairing_id";
        List<Object> binds = new ArrayList<>(List.of(cohortId, asOf.toString()));
        binds.addAll(where);
        binds.add(limit);
        binds.add(offset);
        binds.addAll(List.of(cohortId, cohortId));
        List<Row> rows = store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                bind(query, binds);
                List<Row> found = new ArrayList<>();
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        found.add(row(row));
                    }
                }
                return found;
            }
        });
        return new Page(rows, total);
    }

    private long count(String conditions, List<Object> binds) {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) AS pairings"
                    + " FROM health_check_pairings p" + conditions)) {
                bind(query, binds);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? row.getLong("pairings") : 0L;
                }
            }
        });
    }

    private static void bind(PreparedStatement query, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Long l) {
                query.setLong(i + 1, l);
            } else if (value instanceof Integer n) {
                query.setInt(i + 1, n);
            } else {
                query.setString(i + 1, (String) value);
            }
        }
    }

    private static Row row(ResultSet row) throws SQLException {
        String lastHeld = row.getString("last_held");
        return new Row(row.getString("pairing_id"), row.getString("mentee_id"), row.getString("mentee_name"),
                row.getString("mentor_id"), row.getString("mentor_name"), row.getString("health"),
                row.getInt("criticals"), row.getInt("warnings"), row.getString("top_rule"),
                row.getString("top_severity"), row.getString("top_message"),
                lastHeld == null ? null : LocalDate.parse(lastHeld), row.getInt("new_findings"));
    }
}
