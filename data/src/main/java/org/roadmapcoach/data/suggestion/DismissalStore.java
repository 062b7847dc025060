package org.roadmapcoach.data.suggestion;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.roadmapcoach.data.store.PairingKey;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.StoreMemo;

/** The next steps each person dismissed, per pairing: each person's own (schema 6). */
public final class DismissalStore {

    private final Store store;
    // Every suggestions call looks for the pairing's dismissals: remembered while the database is unchanged.
    private final StoreMemo<PairingKey, List<Dismissal>> byPairing;

    public DismissalStore(Store store) {
        this.store = store;
        this.byPairing = new StoreMemo<>(store, 100_000);
    }

    /**
     * Stores dismissals of one pairing in one transaction, each its dismisser's; dismissing again replaces the
     * fingerprint.
     */
    public void save(String cohortId, String pairingId, List<Dismissal> dismissals) {
        store.inTransaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO dismissals"
                    + " (cohort_id, pairing_id, person_id, rule_id, subject_id, objective_id, fingerprint,"
                    + " dismissed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (cohort_id, pairing_id, person_id, rule_id, subject_id, objective_id) DO UPDATE"
                    + " SET fingerprint = excluded.fingerprint, dismissed_at = excluded.dismissed_at")) {
                for (Dismissal d : dismissals) {
                    upsert.setString(1, cohortId);
                    upsert.setString(2, pairingId);
                    upsert.setString(3, d.dismissedBy());
                    upsert.setString(4, d.ruleId());
                    upsert.setString(5, d.subjectId());
                    upsert.setString(6, d.objectiveId());
                    upsert.setString(7, d.fingerprint());
                    upsert.setString(8, d.dismissedAt().toString());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    /**
     * Undoes a person's dismissals of {@code ruleId} about {@code subjectId} in one pairing (every objective's);
     * how many there were.
     */
    public int remove(String cohortId, String pairingId, String personId, String ruleId, String subjectId) {
        return store.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM dismissals WHERE cohort_id = ?"
                    + " AND pairing_id = ? AND person_id = ? AND rule_id = ? AND subject_id = ?")) {
                delete.setString(1, cohortId);
                delete.setString(2, pairingId);
                delete.setString(3, personId);
                delete.setString(4, ruleId);
                delete.setString(5, subjectId);
                return delete.executeUpdate();
            }
        });
    }

    /** Every dismissal of the pairing, whoever made it. */
    public List<Dismissal> ofPairing(String cohortId, String pairingId) {
        return byPairing.get(new PairingKey(cohortId, pairingId), key -> read(cohortId, pairingId));
    }

    private List<Dismissal> read(String cohortId, String pairingId) {
        return store.query("SELECT * FROM dismissals WHERE cohort_id = ? AND pairing_id = ?"
                + " ORDER BY person_id, rule_id, subject_id, objective_id", query -> {
            query.setString(1, cohortId);
            query.setString(2, pairingId);
            List<Dismissal> dismissals = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    dismissals.add(new Dismissal(rows.getString("rule_id"), rows.getString("subject_id"),
                            rows.getString("objective_id"), rows.getString("fingerprint"),
                            rows.getString("person_id"), Instant.parse(rows.getString("dismissed_at"))));
                }
            }
            return List.copyOf(dismissals);
        });
    }
}
