package org.roadmapcoach.data.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.policy.PolicyKey;

/** A cohort's policy: the defaults overlaid with the values saved for it. */
final class PolicyRepository {

    private final Database database;

    PolicyRepository(Database database) {
        this.database = database;
    }

    Policy of(String cohortId) {
        return database.read(connection -> read(connection, cohortId));
    }

    /** The cohort's policy as {@code connection} sees it (in its transaction, if it has one). */
    static Policy read(Connection connection, String cohortId) throws SQLException {
        Policy policy = Policy.defaults();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT key, value FROM policies WHERE cohort_id = ?")) {
            statement.setString(1, cohortId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Optional<PolicyKey> key = knownKey(rows.getString("key"));
                    if (key.isPresent()) {
                        policy = withSaved(policy, key.get(), rows.getString("value"));
                    }
                }
            }
        }
        return policy;
    }

    /**
     * Replaces the cohort's saved values; only those that differ from the defaults are kept, so a later
     * change of a default reaches every cohort that never changed it. When a rule threshold changes it moves
     * the cohort's revision: no stored run answers for the old policy afterwards. A change of matching or
     * digest settings alone keeps the stored runs (API.md). Values are saved as text ({@code 1.5},
     * {@code true}, {@code monday}).
     */
    void save(String cohortId, Policy policy) {
        update(cohortId, before -> policy);
    }

    /**
     * Changes the cohort's policy to what {@code change} makes of it as saved now, in one transaction, so that
     * two changes at once both take effect ({@link #save} says how it is saved).
     */
    void update(String cohortId, UnaryOperator<Policy> change) {
        database.inTransaction(connection -> {
            Policy before = read(connection, cohortId);
            Policy policy = change.apply(before);
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM policies WHERE cohort_id = ?")) {
                delete.setString(1, cohortId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO policies (cohort_id, key, value) VALUES (?, ?, ?)")) {
                for (Map.Entry<PolicyKey, BigDecimal> entry : policy.values().entrySet()) {
                    if (entry.getValue().compareTo(entry.getKey().defaultValue()) != 0) {
                        RoadmapLoader.bind(insert, cohortId, entry.getKey().key(),
                                entry.getKey().text(entry.getValue()));
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
            if (policy.values().keySet().stream().filter(PolicyKey::isRuleThreshold)
                    .anyMatch(key -> policy.get(key).compareTo(before.get(key)) != 0)) {
                Revisions.touchCohort(connection, cohortId);
            }
            return null;
        });
    }

    // A value saved by another version of the program that this one no longer accepts counts as the default.
    private static Policy withSaved(Policy policy, PolicyKey key, String value) {
        try {
            return policy.with(key, key.parse(Objects.requireNonNull(value)));
        } catch (IllegalArgumentException e) {
            return policy;
        }
    }

    // A key saved by another version of the program that this one no longer knows is ignored.
    private static Optional<PolicyKey> knownKey(String name) {
        try {
            return Optional.of(PolicyKey.of(Objects.requireNonNull(name)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
