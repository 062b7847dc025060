package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.roadmapcoach.engine.roadmap.Cohort;

/** Cohorts: finding, creating and counting them, and which cohorts a pairing id is in. */
final class CohortRepository {

    private final Database database;

    CohortRepository(Database database) {
        this.database = database;
    }

    Optional<Cohort> find(String id) {
        return database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM cohorts WHERE id = ?")) {
                statement.setString(1, id);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(Tables.COHORT.map(rows)) : Optional.empty();
                }
            }
        });
    }

    /** Every cohort, by id. */
    List<Cohort> all() {
        return database.read(connection -> {
            List<Cohort> cohorts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM cohorts ORDER BY id");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    cohorts.add(Tables.COHORT.map(rows));
                }
            }
            return cohorts;
        });
    }

    /** Inserts {@code cohort} in the caller's transaction unless its id exists; whether it was inserted. */
    static boolean insert(Connection connection, Cohort cohort) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO cohorts (id, name, start_date,"
                + " end_date) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            statement.setString(1, cohort.id());
            statement.setString(2, cohort.name());
            statement.setString(3, Columns.date(cohort.startDate()));
            statement.setString(4, Columns.date(cohort.endDate()));
            return statement.executeUpdate() == 1;
        }
    }

    /** Rows stored for the cohort per CSV file name, in CSV.md's order (all nine, zero included). */
    Map<String, Long> counts(String cohortId) {
        return database.read(connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Table<?> table : Tables.ALL) {
                try (PreparedStatement statement = connection.prepareStatement(table.countSql())) {
                    statement.setString(1, cohortId);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        counts.put(table.fileName(), rows.getLong(1));
                    }
                }
            }
            return counts;
        });
    }

    /** The cohorts that have a pairing with this id (ids are unique within a cohort only), by id. */
    List<String> ofPairing(String pairingId) {
        return database.read(connection -> {
            List<String> cohorts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT cohort_id FROM pairings WHERE id = ? ORDER BY cohort_id")) {
                statement.setString(1, pairingId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        cohorts.add(rows.getString("cohort_id"));
                    }
                }
            }
            return cohorts;
        });
    }
}
