package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Moves the revisions of 004_revisions.sql. Every write of something an evaluation reads calls one of
 * these in its own transaction: a stored health check is reused for suggestions only while the
 * revisions it saw are still the current ones.
 */
public final class Revisions {

    private Revisions() {
    }

    /** After a change that reaches every pairing of the cohort: an import, a policy. */
    public static void touchCohort(Connection connection, String cohortId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE cohorts SET revision = revision + 1 WHERE id = ?")) {
            update.setString(1, cohortId);
            update.executeUpdate();
        }
    }

    /** After a record of one pairing was written. */
    public static void touchPairing(Connection connection, String cohortId, String pairingId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE pairings SET revision = revision + 1 WHERE cohort_id = ? AND id = ?")) {
            RoadmapLoader.bind(update, cohortId, pairingId);
            update.executeUpdate();
        }
    }

    /** After a record of one of the pairing's objectives (a milestone) was written. */
    public static void touchPairingOfObjective(Connection connection, String cohortId, String objectiveId)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE pairings SET revision = revision + 1"
                + " WHERE cohort_id = ? AND id = (SELECT pairing_id FROM objectives WHERE cohort_id = ? AND id = ?)")) {
            RoadmapLoader.bind(update, cohortId, cohortId, objectiveId);
            update.executeUpdate();
        }
    }
}
