package org.roadmapcoach.data.suggestion;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.roadmapcoach.data.store.PairingKey;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.data.store.StoreMemo;

/** The suggestions each pairing dismissed. */
public final class DismissalStore {

    private final SqliteStore store;
    // Every suggestions call looks for the pairing's dismissals: remembered while the database is unchanged.
    private final StoreMemo<PairingKey, List<Dismissal>> byPairing;

    public DismissalStore(SqliteStore store) {
        this.store = store;
        this.byPairing = new StoreMemo<>(store, 100_000);
    }

    /** Stores dismissals of one pairing in one transaction; dismissing again replaces the fingerprint. */
    public void save(String cohortId, String pairingId, List<Dismissal> dismissals) {
        store.inTransaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO dismissed_suggestions"
                    + " (cohort_id, pairing_id, rule_id, subject_id, objective_id, fingerprint, dismissed_by,"
                    + " dismissed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (cohort_id, pairing_id, rule_id, subject_id, objective_id) DO UPDATE SET"
                    + " fingerprint = excluded.fingerprint, dismissed_by = excluded.dismissed_by,"
                    + " dismissed_at = excluded.dismissed_at")) {
                for (Dismissal d : dismissals) {
                    upsert.setString(1, cohortId);
                    upsert.setString(2, pairingId);
                    upsert.setString(3, d.ruleId());
                    upsert.setString(4, d.subjectId());
                    upsert.setString(5, d.objectiveId());
                    upsert.setString(6, d.fingerprint());
                    upsert.setString(7, d.dismissedBy());
                    upsert.setString(8, d.dismissedAt().toString());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            return null;
        });
    }

    /** Every dismissal of the pairing. */
    public List<Dismissal> ofPairing(String cohortId, String pairingId) {
        return byPairing.get(new PairingKey(cohortId, pairingId), key -> read(cohortId, pairingId));
    }

    /** The pairings of the cohort that dismissed anything. */
    public Set<String> pairingsWithDismissals(String cohortId) {
        return store.query("SELECT DISTINCT pairing_id FROM dismissed_suggestions WHERE cohort_id = ?", query -> {
            query.setString(1, cohortId);
            Set<String> pairings = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pairings.add(rows.getString(1));
                }
            }
            return pairings;
        });
    }

    private List<Dismissal> read(String cohortId, String pairingId) {
        return store.query("SELECT * FROM dismissed_suggestions WHERE cohort_id = ? AND pairing_id = ?", query -> {
            query.setString(1, cohortId);
            query.setString(2, pairingId);
            List<Dismissal> dismissals = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    dismissals.add(new Dismissal(rows.getString("rule_id"), rows.getString("subject_id"),
                            rows.getString("objective_id"), rows.getString("fingerprint"),
                            rows.getString("dismissed_by"), Instant.parse(rows.getString("dismissed_at"))));
                }
            }
            return List.copyOf(dismissals);
        });
    }
}
