package org.roadmapcoach.data.importer;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadmapcoach.data.record.RecordReaders;
import org.roadmapcoach.data.store.CohortLookup;
import org.roadmapcoach.data.store.Table;
import org.roadmapcoach.data.store.Tables;
import org.roadmapcoach.engine.roadmap.Activity;
import org.roadmapcoach.engine.roadmap.CheckIn;
import org.roadmapcoach.engine.roadmap.Engagement;
import org.roadmapcoach.engine.roadmap.Level;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.ReciprocityEntry;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.ResourceType;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * Turns rows into domain records, file by file, checking each value and each reference. A reference
 * resolves to an id of this import (kept in an {@link IdRegistry}) or to a record already stored in
 * the cohort (looked up one at a time). Each parser returns null for a row with any error.
 */
final class RowParsers {

    /** Parses one row; null when it has an error. */
    @FunctionalInterface
    interface RowParser<T> {
        T parse(Row row) throws SQLException;
    }

    /** Whether a record with this id is stored in the cohort. */
    @FunctionalInterface
    private interface StoredId {
        boolean exists(String id) throws SQLException;
    }

    private static final int ANY = Integer.MAX_VALUE;

    private final CohortLookup stored;
    // The files other files refer to, for the whole import.
    private final IdRegistry people = new IdRegistry();
    private final IdRegistry pairings = new IdRegistry();
    private final IdRegistry objectives = new IdRegistry();
    private final IdRegistry resources = new IdRegistry();
    // The ids of the files nothing refers to, for a sync.
    private final Map<Table<?>, IdRegistry> own = new HashMap<>();
    // Roles of this import's people; absent when the role cell was invalid.
    private final Map<String, Role> roles = new HashMap<>();

    RowParsers(CohortLookup stored) {
        this.stored = stored;
    }

    /** The parser for {@code table}'s file; files nothing refers to get a fresh duplicate check each. */
    @SuppressWarnings("unchecked")
    <T> RowParser<T> parserFor(Table<T> table) {
        RowParser<?> parser;
        if (table == Tables.PEOPLE) {
            parser = this::person;
        } else if (table == Tables.PAIRINGS) {
            parser = this::pairing;
        } else if (table == Tables.OBJECTIVES) {
            parser = this::objective;
        } else if (table == Tables.MILESTONES) {
            IdRegistry ids = ownRegistry(table);
            parser = row -> milestone(row, ids);
        } else if (table == Tables.CHECKINS) {
            IdRegistry ids = ownRegistry(table);
            parser = row -> checkIn(row, ids);
        } else if (table == Tables.RECIPROCITY) {
            IdRegistry ids = ownRegistry(table);
            parser = row -> reciprocity(row, ids);
        } else if (table == Tables.ACTIVITIES) {
            IdRegistry ids = ownRegistry(table);
            parser = row -> activity(row, ids);
        } else if (table == Tables.RESOURCES) {
            parser = this::resource;
        } else if (table == Tables.ENGAGEMENTS) {
            IdRegistry keys = ownRegistry(table);
            parser = row -> engagement(row, keys);
        } else {
            throw new IllegalArgumentException("no parser for " + table);
        }
        return (RowParser<T>) parser;
    }

    /**
     * The line of the row of {@code table}'s file with this key (an id, or an engagement's pairing and
     * resource ids as a list), 0 when the import had none.
     */
    long line(Table<?> table, Object key) {
        IdRegistry ids = table == Tables.PEOPLE ? people : table == Tables.PAIRINGS ? pairings
                : table == Tables.OBJECTIVES ? objectives : table == Tables.RESOURCES ? resources : own.get(table);
        return ids == null ? 0 : ids.line(key);
    }

    private IdRegistry ownRegistry(Table<?> table) {
        IdRegistry ids = new IdRegistry();
        own.put(table, ids);
        return ids;
    }

    /** Some rows of {@code table}'s file could not be read: do not call its ids dangling. */
    void markIncomplete(Table<?> table) {
        if (table == Tables.PEOPLE) {
            people.markIncomplete();
        } else if (table == Tables.PAIRINGS) {
            pairings.markIncomplete();
        } else if (table == Tables.OBJECTIVES) {
            objectives.markIncomplete();
        } else if (table == Tables.RESOURCES) {
            resources.markIncomplete();
        }
    }

    /**
     * A person re-imported with another role must not leave a stored pairing (one this import does not
     * replace) with a mentee who is no longer a mentee, or a mentor who is no longer a mentor.
     */
    void checkStoredPairings(ImportProblems problems) throws SQLException {
        stored.forEachPairing(pairing -> {
            if (!pairings.contains(pairing.pairingId())) {
                checkStoredRole(problems, pairing.pairingId(), pairing.menteeId(), Role.MENTEE);
                checkStoredRole(problems, pairing.pairingId(), pairing.mentorId(), Role.MENTOR);
            }
        });
    }

    private void checkStoredRole(ImportProblems problems, String pairingId, String personId, Role expected) {
        Role role = roles.get(personId);
        if (role != null && role != expected) {
            problems.error(Tables.PEOPLE.fileName(), people.line(personId), "role", role.code(), "person '"
                    + personId + "' is the " + expected.code() + " of pairing '" + pairingId
                    + "' stored in the cohort; expected " + expected.code());
        }
    }

    private Person person(Row row) {
        String id = id(row, "id", people);
        String name = row.required("name");
        Role role = row.code("role", Role.class, null, true);
        if (id != null && role != null && people.line(id) == row.line()) {
            roles.put(id, role);
        }
        Person person = new Person(id, name, role, row.text("email"), row.text("title"), row.text("department"),
                row.list("strengths"), row.list("gaps"), row.text("ambitions"),
                row.whole("capacity_hours_per_month", 0, ANY, null), row.whole("max_mentees", 0, ANY, null));
        return row.ok() ? person : null;
    }

    private Pairing pairing(Row row) throws SQLException {
        String id = id(row, "id", pairings);
        String menteeId = row.required("mentee_id");
        String mentorId = row.required("mentor_id");
        checkPerson(row, "mentee_id", menteeId, Role.MENTEE);
        checkPerson(row, "mentor_id", mentorId, Role.MENTOR);
        Pairing pairing = RecordReaders.pairing(row, id, menteeId, mentorId, row.date("start_date", true),
                row.date("end_date", false));
        return row.ok() ? pairing : null;
    }

    private Objective objective(Row row) throws SQLException {
        String id = id(row, "id", objectives);
        String pairingId = pairingRef(row);
        Objective objective = RecordReaders.objective(row, id, pairingId);
        return row.ok() ? objective : null;
    }

    private Milestone milestone(Row row, IdRegistry ids) throws SQLException {
        String id = id(row, "id", ids);
        String objectiveId = reference(row, "objective_id", objectives, stored::hasObjective, "objective");
        Milestone milestone = RecordReaders.milestone(row, id, objectiveId);
        return row.ok() ? milestone : null;
    }

    private CheckIn checkIn(Row row, IdRegistry ids) throws SQLException {
        String id = id(row, "id", ids);
        String pairingId = pairingRef(row);
        CheckIn checkIn = RecordReaders.checkIn(row, id, pairingId);
        return row.ok() ? checkIn : null;
    }

    private ReciprocityEntry reciprocity(Row row, IdRegistry ids) throws SQLException {
        String id = id(row, "id", ids);
        String pairingId = pairingRef(row);
        ReciprocityEntry entry = RecordReaders.reciprocity(row, id, pairingId);
        return row.ok() ? entry : null;
    }

    private Activity activity(Row row, IdRegistry ids) throws SQLException {
        String id = id(row, "id", ids);
        String pairingId = pairingRef(row);
        Activity activity = RecordReaders.activity(row, id, pairingId);
        return row.ok() ? activity : null;
    }

    private Resource resource(Row row) {
        String id = id(row, "id", resources);
        Resource resource = new Resource(id, row.required("title"), row.code("type", ResourceType.class, null, true),
                row.requiredList("competencies", "competency"), row.code("level", Level.class, null, false),
                row.stages("stages"), row.decimal("hours"), row.text("url"), row.decimal("cost"));
        return row.ok() ? resource : null;
    }

    private Engagement engagement(Row row, IdRegistry keys) throws SQLException {
        String pairingId = pairingRef(row);
        String resourceId = reference(row, "resource_id", resources, stored::hasResource, "resource");
        if (pairingId != null && resourceId != null) {
            long earlier = keys.register(List.of(pairingId, resourceId), row.line());
            if (earlier > 0) {
                row.error("resource_id", resourceId, "duplicate engagement: pairing '" + pairingId
                        + "' and this resource are already on line " + earlier);
            }
        }
        Engagement engagement = RecordReaders.engagement(row, pairingId, resourceId);
        return row.ok() ? engagement : null;
    }

    /** The row's id, registered; a duplicate within the file is an error. */
    private static String id(Row row, String column, IdRegistry ids) {
        String id = row.required(column);
        if (id != null) {
            long earlier = ids.register(id, row.line());
            if (earlier > 0) {
                row.error(column, id, "duplicate id: already on line " + earlier + " of this file");
            }
        }
        return id;
    }

    /** The row's pairing_id, which must be a pairing of this import or the cohort. */
    private String pairingRef(Row row) throws SQLException {
        return reference(row, "pairing_id", pairings, stored::hasPairing, "pairing");
    }

    /**
     * The id in {@code column}, which must be in this import or stored in the cohort. When some rows of
     * the file it points into could not be read, a miss is not reported: the error is with those rows.
     */
    private static String reference(Row row, String column, IdRegistry imported, StoredId stored, String noun)
            throws SQLException {
        String id = row.required(column);
        if (id != null && !imported.contains(id) && imported.complete() && !stored.exists(id)) {
            row.error(column, id, "no " + noun + " '" + id + "' in this import or the cohort");
        }
        return id;
    }

    /** {@code personId} must be a person of this import or the cohort, with the {@code expected} role. */
    private void checkPerson(Row row, String column, String personId, Role expected) throws SQLException {
        if (personId == null) {
            return;
        }
        Role role;
        if (people.contains(personId)) {
            role = roles.get(personId);
        } else {
            Optional<Role> storedRole = stored.personRole(personId);
            if (storedRole.isEmpty()) {
                if (people.complete()) {
                    row.error(column, personId, "no person '" + personId + "' in this import or the cohort");
                }
                return;
            }
            role = storedRole.get();
        }
        if (role != null && role != expected) {
            row.error(column, personId, "person '" + personId + "' is a " + role.code() + ", expected a "
                    + expected.code());
        }
    }
}
