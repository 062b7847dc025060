package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.Engagement;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;

/**
 * Single-record writes of the API, through the same tables and upserts as the importer. A new record
 * without an id gets one unique within its cohort, in the style of the sample ({@code P05-C10}):
 * chosen and written in one write transaction, so two writers never pick the same id. A change to a
 * record an import brought first keeps what that import brought ({@link Baselines}), so that the next
 * import can tell the app's changes from the spreadsheet's.
 */
public final class RecordWriter {

    private final Store store;
    private final Supplier<LocalDate> today;

    /** A writer whose changes to imported records are dated by the database's pinned today, else the real date. */
    public RecordWriter(Store store) {
        this(store, () -> store.pinnedToday().orElseGet(LocalDate::now));
    }

    /**
     * @param today the store's today, the date a change of the app to an imported record is reported with
     *     when a later import replaces it (docs/CSV.md, "Re-import and the app")
     */
    public RecordWriter(Store store, Supplier<LocalDate> today) {
        this.store = store;
        this.today = today;
    }

    /** Stores a new check-in; a null id is replaced by a fresh one. */
    public CheckIn add(String cohortId, CheckIn c) {
        return insert(Tables.CHECKINS, cohortId, c.pairingId(), c.id(), "C%02d", id -> new CheckIn(id, c.pairingId(),
                c.date(), c.type(), c.status(), c.minutes(), c.feedbackToMentee(), c.feedbackToMentor(), c.notes()));
    }

    /** Stores a new reciprocity entry; a null id is replaced by a fresh one. */
    public ReciprocityEntry add(String cohortId, ReciprocityEntry r) {
        return insert(Tables.RECIPROCITY, cohortId, r.pairingId(), r.id(), "R%02d", id -> new ReciprocityEntry(id,
                r.pairingId(), r.date(), r.giver(), r.kind(), r.hours(), r.description()));
    }

    /** Stores a new activity; a null id is replaced by a fresh one. */
    public Activity add(String cohortId, Activity a) {
        return insert(Tables.ACTIVITIES, cohortId, a.pairingId(), a.id(), "A%02d", id -> new Activity(id, a.pairingId(),
                a.date(), a.kind(), a.title(), a.hours(), a.outcome()));
    }

    /** Stores a new objective; a null id is replaced by a fresh one ({@code P05-O3}). */
    public Objective add(String cohortId, Objective o) {
        return insert(Tables.OBJECTIVES, cohortId, o.pairingId(), o.id(), "O%d", id -> new Objective(id,
                o.pairingId(), o.title(), o.description(), o.competency(), o.skillType(), o.metric(), o.baseline(),
                o.target(), o.current(), o.unit(), o.dueDate(), o.evidencePlan(), o.status(), o.lastReviewed()));
    }

    /**
     * Stores a new milestone of an objective of {@code pairingId}; a null id is replaced by a fresh one
     * ({@code P05-O1-M5}).
     */
    public Milestone add(String cohortId, String pairingId, Milestone m) {
        return insert(Tables.MILESTONES, cohortId, pairingId, "objective_id", m.objectiveId(), m.id(), "M%d",
                id -> new Milestone(id, m.objectiveId(), m.stage(), m.title(), m.dueDate(), m.status(),
                        m.lastProgress(), m.completedOn(), m.reflection()));
    }

    /** The people and pairings of a cohort (any status) as one write transaction sees them. */
    public record PeopleAndPairings(List<Person> people, List<Pairing> pairings) {
    }

    /**
     * Creates new pairings in one write transaction: {@code decide} sees the cohort's people and pairings as
     * they are inside it and returns the pairings to insert, or throws, and then nothing is written. A taken
     * id fails the whole write ({@link DuplicateIdException}).
     */
    public List<Pairing> addPairings(String cohortId, Function<PeopleAndPairings, List<Pairing>> decide) {
        return store.inTransaction(connection -> {
            List<Person> people = new ArrayList<>();
            List<Pairing> pairings = new ArrayList<>();
            readAll(connection, Tables.PEOPLE, cohortId, people);
            readAll(connection, Tables.PAIRINGS, cohortId, pairings);
            List<Pairing> made = List.copyOf(decide.apply(new PeopleAndPairings(people, pairings)));
            for (Pairing pairing : made) {
                unused(connection, Tables.PAIRINGS, cohortId, pairing.id());
            }
            try (Upsert<Pairing> upsert = Tables.PAIRINGS.upsert(connection, cohortId)) {
                for (Pairing pairing : made) {
                    upsert.add(pairing);
                }
            }
            return made;
        });
    }

    private static <T> void readAll(Connection connection, Table<T> table, String cohortId, List<T> into)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(table.selectCohortSql())) {
            select.setString(1, cohortId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    into.add(table.map(rows));
                }
            }
        }
    }

    /** Replaces a stored objective (the caller checked that it exists). */
    public Objective replace(String cohortId, Objective objective) {
        return replace(Tables.OBJECTIVES, cohortId, objective.pairingId(), objective);
    }

    /** Replaces a stored pairing: its agreement, cadence or reciprocity plan (the caller checked that it exists). */
    public Pairing replace(String cohortId, Pairing pairing) {
        return replace(Tables.PAIRINGS, cohortId, pairing.id(), pairing);
    }

    /** Stores the pairing's engagement with a resource, new or replacing the one it had. */
    public Engagement put(String cohortId, Engagement engagement) {
        return replace(Tables.ENGAGEMENTS, cohortId, engagement.pairingId(), engagement);
    }

    private <T> T replace(Table<T> table, String cohortId, String pairingId, T record) {
        LocalDate changedOn = today.get();
        return store.inTransaction(connection -> {
            Baselines.keepBeforeAppChange(connection, table, cohortId, record, changedOn);
            try (Upsert<T> upsert = table.upsert(connection, cohortId)) {
                upsert.add(record);
            }
            Revisions.touchPairing(connection, cohortId, pairingId);
            return record;
        });
    }

    /** Replaces a stored milestone (the caller checked that it exists). */
    public Milestone replace(String cohortId, Milestone milestone) {
        LocalDate changedOn = today.get();
        return store.inTransaction(connection -> {
            Baselines.keepBeforeAppChange(connection, Tables.MILESTONES, cohortId, milestone, changedOn);
            try (Upsert<Milestone> upsert = Tables.MILESTONES.upsert(connection, cohortId)) {
                upsert.add(milestone);
            }
            Revisions.touchPairingOfObjective(connection, cohortId, milestone.objectiveId());
            return milestone;
        });
    }

    /**
     * @param numbering how the record's number follows the pairing id in a fresh id ({@code C%02d}: P05-C07)
     */
    private <T> T insert(Table<T> table, String cohortId, String pairingId, String givenId, String numbering,
                         Function<String, T> withId) {
        return insert(table, cohortId, pairingId, "pairing_id", pairingId, givenId, numbering, withId);
    }

    /**
     * Inserts a new record of the pairing, numbered among the records of its parent ({@code parentColumn}
     * is {@code parentId}) when no id is given, and moves the pairing's revision.
     */
    private <T> T insert(Table<T> table, String cohortId, String pairingId, String parentColumn, String parentId,
                         String givenId, String numbering, Function<String, T> withId) {
        return store.inTransaction(connection -> {
            String id = givenId != null ? unused(connection, table, cohortId, givenId)
                    : freshId(connection, table, cohortId, parentColumn, parentId, numbering);
            T record = withId.apply(id);
            try (Upsert<T> upsert = table.upsert(connection, cohortId)) {
                upsert.add(record);
            }
            Revisions.touchPairing(connection, cohortId, pairingId);
            return record;
        });
    }

    private static String unused(Connection connection, Table<?> table, String cohortId, String id)
            throws SQLException {
        if (exists(connection, table, cohortId, id)) {
            throw new DuplicateIdException(table.fileName(), id);
        }
        return id;
    }

    /**
     * {@code P05-C10}: the parent's id, the kind, and one more than the parent's records of the table, or the
     * next free number.
     */
    private static String freshId(Connection connection, Table<?> table, String cohortId, String parentColumn,
                                  String parentId, String numbering) throws SQLException {
        long n;
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + table.name() + " WHERE cohort_id = ? AND " + parentColumn + " = ?")) {
            RoadmapLoader.bind(count, cohortId, parentId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                n = rows.getLong(1) + 1;
            }
        }
        String id;
        do {
            id = parentId + "-" + String.format(numbering, n++);
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
