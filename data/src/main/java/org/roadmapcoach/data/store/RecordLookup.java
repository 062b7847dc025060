package org.roadmapcoach.data.store;

import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.engine.roadmap.Milestone;
import org.roadmapcoach.engine.roadmap.Objective;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Person;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Role;

/** Single records by id, for the API's reference and access checks. */
public final class RecordLookup {

    private final Store store;
    // Every request about a pairing looks it up first: remembered while the database is unchanged.
    private final StoreMemo<PairingKey, Optional<Pairing>> pairings;

    public RecordLookup(Store store) {
        this.store = store;
        this.pairings = new StoreMemo<>(store, 100_000);
    }

    public Optional<Pairing> pairing(String cohortId, String id) {
        return pairings.get(new PairingKey(cohortId, id), key -> one(Tables.PAIRINGS, cohortId, id));
    }

    public Optional<Objective> objective(String cohortId, String id) {
        return one(Tables.OBJECTIVES, cohortId, id);
    }

    public Optional<Milestone> milestone(String cohortId, String id) {
        return one(Tables.MILESTONES, cohortId, id);
    }

    public Optional<Person> person(String cohortId, String id) {
        return one(Tables.PEOPLE, cohortId, id);
    }

    public Optional<Resource> resource(String cohortId, String id) {
        return one(Tables.RESOURCES, cohortId, id);
    }

    /** The pairings the person is the mentee or the mentor of, any status, by id. */
    public List<Pairing> pairingsOf(String cohortId, String personId) {
        return store.query("SELECT * FROM pairings WHERE cohort_id = ? AND (mentee_id = ? OR mentor_id = ?)"
                + " ORDER BY id", query -> {
                    RoadmapLoader.bind(query, cohortId, personId, personId);
                    return RoadmapLoader.list(query, Tables.PAIRINGS);
                });
    }

    /** The person's role in every cohort that lists them, by cohort id. */
    public Map<String, Role> rolesOf(String personId) {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT cohort_id, role FROM people WHERE id = ? ORDER BY cohort_id")) {
                query.setString(1, personId);
                Map<String, Role> roles = new LinkedHashMap<>();
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        roles.put(rows.getString("cohort_id"), Coded.parse(Role.class, rows.getString("role")));
                    }
                }
                return roles;
            }
        });
    }

    private <T> Optional<T> one(Table<T> table, String cohortId, String id) {
        return store.query("SELECT * FROM " + table.name() + " WHERE cohort_id = ? AND id = ?", query -> {
            RoadmapLoader.bind(query, cohortId, id);
            return RoadmapLoader.list(query, table).stream().findFirst();
        });
    }
}
