package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * Loads whole roadmaps for a run of pairings that are consecutive in id order. The run is the key
 * range [first id, last id], so each kind of child comes in one indexed range query for the whole
 * run (eight queries per batch), never one query per pairing.
 */
final class RoadmapLoader {

    private static final String PAIRING_COLUMN = "pairing_id";
    // Milestones hang off objectives; the join brings the pairing along under its own name.
    private static final String MILESTONES_SQL = "SELECT o.pairing_id AS roadmap_pairing_id, m.*"
            + " FROM objectives o JOIN milestones m ON m.cohort_id = o.cohort_id AND m.objective_id = o.id"
            + " WHERE o.cohort_id = ? AND o.pairing_id BETWEEN ? AND ? ORDER BY o.pairing_id, m.id";
    private static final String PEOPLE_SQL = "SELECT * FROM people WHERE cohort_id = ? AND id IN ("
            + "SELECT mentee_id FROM pairings WHERE cohort_id = ? AND id BETWEEN ? AND ?"
            + " UNION SELECT mentor_id FROM pairings WHERE cohort_id = ? AND id BETWEEN ? AND ?)";

    private final Connection connection;
    private final String cohortId;

    RoadmapLoader(Connection connection, String cohortId) {
        this.connection = connection;
        this.cohortId = cohortId;
    }

    /**
     * Up to {@code limit} pairings in id order, from {@code from} (after it unless {@code fromIncluded}; null:
     * from the first) up to {@code last} (included; null: to the end).
     */
    private List<Pairing> pairings(String from, boolean fromIncluded, String last, int limit) throws SQLException {
        String sql = "SELECT * FROM pairings WHERE cohort_id = ?"
                + (from == null ? "" : fromIncluded ? " AND id >= ?" : " AND id > ?")
                + (last == null ? "" : " AND id <= ?") + " ORDER BY id LIMIT ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            statement.setString(index++, cohortId);
            if (from != null) {
                statement.setString(index++, from);
            }
            if (last != null) {
                statement.setString(index++, last);
            }
            statement.setInt(index, limit);
            return list(statement, Tables.PAIRINGS);
        }
    }

    /**
     * Hands every pairing of the cohort (any status) to {@code consumer} as whole roadmaps, in id order, in
     * batches of at most {@code batchSize}, read on this loader's connection (in its transaction, if any).
     */
    void forEachBatch(int batchSize, Consumer<List<Roadmap>> consumer) throws SQLException {
        forEachBatch(batchSize, null, null, consumer);
    }

    /**
     * {@link #forEachBatch(int, Consumer)} of the pairings with ids from {@code first} to {@code last} (both
     * included; null: no bound).
     */
    void forEachBatch(int batchSize, String first, String last, Consumer<List<Roadmap>> consumer)
            throws SQLException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, not " + batchSize);
        }
        List<Pairing> pairings = pairings(first, true, last, batchSize);
        while (!pairings.isEmpty()) {
            consumer.accept(roadmaps(pairings));
            if (pairings.size() < batchSize) {
                return;
            }
            pairings = pairings(pairings.get(pairings.size() - 1).id(), false, last, batchSize);
        }
    }

    /** The roadmaps of {@code pairings}, which must be consecutive in id order (as pairings() gives them). */
    List<Roadmap> roadmaps(List<Pairing> pairings) throws SQLException {
        if (pairings.isEmpty()) {
            return List.of();
        }
        String first = pairings.get(0).id();
        String last = pairings.get(pairings.size() - 1).id();
        Map<String, Person> people = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(PEOPLE_SQL)) {
            bind(statement, cohortId, cohortId, first, last, cohortId, first, last);
            for (Person person : list(statement, Tables.PEOPLE)) {
                people.put(person.id(), person);
            }
        }
        var objectives = byPairing(childrenSql(Tables.OBJECTIVES), PAIRING_COLUMN, Tables.OBJECTIVES, first, last);
        var milestones = byPairing(MILESTONES_SQL, "roadmap_pairing_id", Tables.MILESTONES, first, last);
        var checkIns = byPairing(childrenSql(Tables.CHECKINS), PAIRING_COLUMN, Tables.CHECKINS, first, last);
        var reciprocity = byPairing(childrenSql(Tables.RECIPROCITY), PAIRING_COLUMN, Tables.RECIPROCITY, first,
                last);
        var activities = byPairing(childrenSql(Tables.ACTIVITIES), PAIRING_COLUMN, Tables.ACTIVITIES, first, last);
        var engagements = byPairing(childrenSql(Tables.ENGAGEMENTS), PAIRING_COLUMN, Tables.ENGAGEMENTS, first,
                last);
        List<Roadmap> roadmaps = new ArrayList<>(pairings.size());
        for (Pairing pairing : pairings) {
            String id = pairing.id();
            roadmaps.add(new Roadmap(pairing, people.get(pairing.menteeId()), people.get(pairing.mentorId()),
                    objectives.getOrDefault(id, List.of()), milestones.getOrDefault(id, List.of()),
                    checkIns.getOrDefault(id, List.of()), reciprocity.getOrDefault(id, List.of()),
                    activities.getOrDefault(id, List.of()), engagements.getOrDefault(id, List.of())));
        }
        return roadmaps;
    }

    /** A child table's rows for a range of pairings, in key order within each pairing. */
    private static String childrenSql(Table<?> table) {
        List<String> order = new ArrayList<>(List.of(PAIRING_COLUMN));
        table.key().stream().filter(column -> !column.equals(PAIRING_COLUMN)).forEach(order::add);
        return "SELECT * FROM " + table.name() + " WHERE cohort_id = ? AND pairing_id BETWEEN ? AND ?"
                + " ORDER BY " + String.join(", ", order);
    }

    private <T> Map<String, List<T>> byPairing(String sql, String pairingColumn, Table<T> table, String first,
                                               String last) throws SQLException {
        Map<String, List<T>> byPairing = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, cohortId, first, last);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byPairing.computeIfAbsent(rows.getString(pairingColumn), id -> new ArrayList<>())
                            .add(table.map(rows));
                }
            }
        }
        return byPairing;
    }

    static <T> List<T> list(PreparedStatement statement, Table<T> table) throws SQLException {
        List<T> records = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                records.add(table.map(rows));
            }
        }
        return records;
    }

    static void bind(PreparedStatement statement, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setString(i + 1, values[i]);
        }
    }
}
