package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.roadmapcoach.engine.roadmap.Coded;
import org.roadmapcoach.engine.roadmap.Role;

/**
 * Point look-ups of records stored in one cohort, on the caller's connection (the importer's
 * transaction), so that references can resolve to records imported earlier without loading them.
 */
public final class CohortLookup implements AutoCloseable {

    /** A stored pairing's two people. */
    public record PairingPeople(String pairingId, String menteeId, String mentorId) {
    }

    /** Receives stored pairings one at a time. */
    @FunctionalInterface
    public interface PairingPeopleConsumer {
        void accept(PairingPeople pairing) throws SQLException;
    }

    private final Connection connection;
    private final String cohortId;
    private final PreparedStatement personRole;
    private final PreparedStatement pairing;
    private final PreparedStatement objective;
    private final PreparedStatement resource;

    public CohortLookup(Connection connection, String cohortId) throws SQLException {
        this.connection = connection;
        this.cohortId = cohortId;
        this.personRole = connection.prepareStatement("SELECT role FROM people WHERE cohort_id = ? AND id = ?");
        this.pairing = connection.prepareStatement("SELECT 1 FROM pairings WHERE cohort_id = ? AND id = ?");
        this.objective = connection.prepareStatement("SELECT 1 FROM objectives WHERE cohort_id = ? AND id = ?");
        this.resource = connection.prepareStatement("SELECT 1 FROM resources WHERE cohort_id = ? AND id = ?");
    }

    /** The role of a stored person, or empty when there is none with this id. */
    public Optional<Role> personRole(String id) throws SQLException {
        personRole.setString(1, cohortId);
        personRole.setString(2, id);
        try (ResultSet rows = personRole.executeQuery()) {
            return rows.next() ? Optional.of(Coded.parse(Role.class, rows.getString("role"))) : Optional.empty();
        }
    }

    public boolean hasPairing(String id) throws SQLException {
        return exists(pairing, id);
    }

    public boolean hasObjective(String id) throws SQLException {
        return exists(objective, id);
    }

    public boolean hasResource(String id) throws SQLException {
        return exists(resource, id);
    }

    /** Every stored pairing of the cohort, streamed. */
    public void forEachPairing(PairingPeopleConsumer consumer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, mentee_id, mentor_id FROM pairings WHERE cohort_id = ?")) {
            statement.setString(1, cohortId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(new PairingPeople(rows.getString("id"), rows.getString("mentee_id"),
                            rows.getString("mentor_id")));
                }
            }
        }
    }

    private boolean exists(PreparedStatement statement, String id) throws SQLException {
        statement.setString(1, cohortId);
        statement.setString(2, id);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next();
        }
    }

    @Override
    public void close() throws SQLException {
        try (personRole; pairing; objective; resource) {
            // closes all four, even when one fails
        }
    }
}
