package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;

/**
 * Single-record writes of the API, through the same tables and upserts as the importer. A new record
 * without an id gets one unique within its cohort, in the style of the sample ({@code P05-C10}):
 * chosen and written in one write transaction, so two writers never pick the same id.
 */
public final class RecordWriter {

    private final SqliteStore store;

    public RecordWriter(SqliteStore store) {
        this.store = store;
    }

    /** Stores a new check-in; a null id is replaced by a fresh one. */
    public CheckIn add(String cohortId, CheckIn c) {
        return insert(Tables.CHECKINS, cohortId, c.pairingId(), c.id(), "C", id -> new CheckIn(id, c.pairingId(),
                c.date(), c.type(), c.status(), c.minutes(), c.feedbackToMentee(), c.feedbackToMentor(), c.notes()));
    }

    /** Stores a new reciprocity entry; a null id is replaced by a fresh one. */
    public ReciprocityEntry add(String cohortId, ReciprocityEntry r) {
        return insert(Tables.RECIPROCITY, cohortId, r.pairingId(), r.id(), "R", id -> new ReciprocityEntry(id,
                r.pairingId(), r.date(), r.giver(), r.kind(), r.hours(), r.description()));
    }

    /** Stores a new activity; a null id is replaced by a fresh one. */
    public Activity add(String cohortId, Activity a) {
        return insert(Tables.ACTIVITIES, cohortId, a.pairingId(), a.id(), "A", id -> new Activity(id, a.pairingId(),
                a.date(), a.kind(), a.title(), a.hours(), a.outcome()));
    }

    /** Replaces a stored milestone (the caller checked that it exists). */
    public Milestone replace(String cohortId, Milestone milestone) {
        return store.inTransaction(connection -> {
            try (Upsert<Milestone> upsert = Tables.MILESTONES.upsert(connection, cohortId)) {
                upsert.add(milestone);
            }
            Revisions.touchPairingOfObjective(connection, cohortId, milestone.objectiveId());
            return milestone;
        });
    }

    private <T> T insert(Table<T> table, String cohortId, String pairingId, String givenId, String prefix,
                         Function<String, T> withId) {
        return store.inTransaction(connection -> {
            String id = givenId;
            if (id == null) {
                id = freshId(connection, table, cohortId, pairingId, prefix);
            } else if (exists(connection, table, cohortId, id)) {
                throw new DuplicateIdException(table.fileName(), id);
            }
            T record = withId.apply(id);
            try (Upsert<T> upsert = table.upsert(connection, cohortId)) {
                upsert.add(record);
            }
            Revisions.touchPairing(connection, cohortId, pairingId);
            return record;
        });
    }

    /** {@code P05-C10}: the pairing, the kind, and one more than the pairing's records, or the next free number. */
    private static String freshId(Connection connection, Table<?> table, String cohortId, String pairingId,
                                  String prefix) throws SQLException {
        long n;
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + table.name() + " WHERE cohort_id = ? AND pairing_id = ?")) {
            RoadmapLoader.bind(count, cohortId, pairingId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                n = rows.getLong(1) + 1;
            }
        }
        String id;
        do {
            id = String.format("%s-%s%02d", pairingId, prefix, n++);
        } while (exists(connection, table, cohortId, id));
        return id;
    }

    private static boolean exists(Connection connection, Table<?> table, String cohortId, String id)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM " + table.name() + " WHERE cohort_id = ? AND id = ?")) {
            RoadmapLoader.bind(query, cohortId, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
