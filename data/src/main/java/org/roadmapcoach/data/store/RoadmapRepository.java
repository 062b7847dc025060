package org.roadmapcoach.data.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.roadmapcoach.engine.roadmap.Pairing;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;

/** Reads pairings' roadmaps (one, or the cohort's in batches), the records of a table and the catalog. */
final class RoadmapRepository {

    private final Database database;
    private final StoreMemo<String, List<Resource>> catalogs;

    RoadmapRepository(Database database, Store store) {
        this.database = database;
        this.catalogs = new StoreMemo<>(store, 1_000);
    }

    /** See {@link Store#resources}. */
    List<Resource> resources(String cohortId) {
        return catalogs.get(cohortId, id -> {
            List<Resource> resources = new ArrayList<>();
            forEachRecord(Tables.RESOURCES, id, resources::add);
            return List.copyOf(resources);
        });
    }

    <T> void forEachRecord(Table<T> table, String cohortId, Consumer<? super T> consumer) {
        database.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(table.selectCohortSql())) {
                statement.setString(1, cohortId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        consumer.accept(table.map(rows));
                    }
                }
            }
            return null;
        });
    }

    /** See {@link Store#forEachRoadmapBatch}. */
    void forEachBatch(String cohortId, int batchSize, Consumer<List<Roadmap>> consumer) {
        database.read(connection -> {
            // One read transaction: a snapshot, so a concurrent import cannot tear the batches apart.
            connection.setAutoCommit(false);
            try {
                new RoadmapLoader(connection, cohortId).forEachBatch(batchSize, consumer);
            } finally {
                connection.rollback();
            }
            return null;
        });
    }

    Optional<Roadmap> one(String cohortId, String pairingId) {
        return database.read(connection -> {
            RoadmapLoader loader = new RoadmapLoader(connection, cohortId);
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT * FROM pairings WHERE cohort_id = ? AND id = ?")) {
                RoadmapLoader.bind(statement, cohortId, pairingId);
                List<Pairing> pairing = RoadmapLoader.list(statement, Tables.PAIRINGS);
                return loader.roadmaps(pairing).stream().findFirst();
            }
        });
    }
}
