package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.roadmapcoach.engine.policy.Policy;
import org.roadmapcoach.engine.roadmap.Resource;
import org.roadmapcoach.engine.roadmap.Roadmap;

/**
 * Everything a health check of a cohort reads, from one read transaction: the policy, the catalog, the
 * roadmaps and the revisions that say which data version they are (the {@link Stamp} a stored run keeps).
 * A write committed while it is open is not seen by any of them, so a run evaluated from a snapshot answers
 * for exactly the data it saw. It holds no lock: writers go on, in WAL mode, while it is open (the log
 * cannot be emptied past it until it is closed). Not for use by two threads at once; close it.
 */
public final class CohortSnapshot implements AutoCloseable {

    /**
     * The data version a run was evaluated from: the cohort's revision (imports, policies) and each
     * pairing's (its records).
     */
    public record Stamp(long cohortRevision, Map<String, Long> pairingRevisions) {
    }

    /**
     * What PostgreSQL says when the transaction that exported a snapshot has ended (its name checked well
     * formed before): "snapshot ... does not exist" (undefined object) in 17, "invalid snapshot identifier"
     * (invalid parameter value) in 15, and "could not import the requested snapshot" (object not in
     * prerequisite state) when its process ended but its file is still there.
     */
    static final Set<String> SNAPSHOT_GONE = Set.of("42704", "22023", "55000");

    /** What PostgreSQL's pg_export_snapshot() names snapshots: hexadecimal numbers and dashes. */
    private static final Pattern EXPORTED_NAME = Pattern.compile("[0-9A-Fa-f]+(-[0-9A-Fa-f]+)+");

    private final Connection connection;
    private final String cohortId;
    private final Stamp stamp;
    private final Policy policy;
    private final List<Resource> resources;

    /** @param exported a snapshot another transaction exported, to read at; null: now */
    CohortSnapshot(Connection connection, String cohortId, String exported) throws SQLException {
        this.connection = connection;
        this.cohortId = cohortId;
        connection.setAutoCommit(false); // deferred: the snapshot is taken by the first read, below
        if (exported != null) {
            readAt(connection, exported);
        }
        long revision;
        try (PreparedStatement query = connection.prepareStatement("SELECT revision FROM cohorts WHERE id = ?")) {
            query.setString(1, cohortId);
            try (ResultSet row = query.executeQuery()) {
                revision = row.next() ? row.getLong("revision") : 0;
            }
        }
        Map<String, Long> revisions = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, revision FROM pairings WHERE cohort_id = ?")) {
            query.setString(1, cohortId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    revisions.put(rows.getString("id"), rows.getLong("revision"));
                }
            }
        }
        this.stamp = new Stamp(revision, Map.copyOf(revisions));
        this.policy = PolicyRepository.read(connection, cohortId);
        List<Resource> catalog = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(Tables.RESOURCES.selectCohortSql())) {
            query.setString(1, cohortId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    catalog.add(Tables.RESOURCES.map(rows));
                }
            }
        }
        this.resources = List.copyOf(catalog);
    }

    /**
     * Makes the transaction just begun on {@code connection} (at REPEATABLE READ, before any read) read at the
     * snapshot another transaction exported as {@code exported}.
     *
     * @throws SQLException with one of {@link #SNAPSHOT_GONE} as its state when that transaction has ended
     */
    static void readAt(Connection connection, String exported) throws SQLException {
        if (!EXPORTED_NAME.matcher(exported).matches()) {
            throw new IllegalArgumentException("not the name of an exported snapshot: " + exported);
        }
        try (Statement statement = connection.createStatement()) {
            // checked above: no parameter can be bound here, and nothing but a snapshot name passes
            statement.execute("SET TRANSACTION SNAPSHOT '" + exported + "'");
            keepWhileIdle(statement); // a worker's transaction sits idle while its evaluators catch up
        }
    }

    /**
     * Keeps the server from ending this transaction when it sits idle: some hosted PostgreSQL set
     * idle_in_transaction_session_timeout, and a split check's transactions are idle for as long as others work.
     */
    private static void keepWhileIdle(Statement statement) throws SQLException {
        statement.execute("SET LOCAL idle_in_transaction_session_timeout = 0");
    }

    public Stamp stamp() {
        return stamp;
    }

    public Policy policy() {
        return policy;
    }

    /** The cohort's resource catalog, by id. */
    public List<Resource> resources() {
        return resources;
    }

    /** How many pairings (of any status) the cohort has. */
    public int pairingCount() {
        return stamp.pairingRevisions().size();
    }

    /**
     * Hands every pairing of the cohort (any status) to {@code consumer} as a whole roadmap, in id order, in
     * batches of at most {@code batchSize}, as {@link Store#forEachRoadmapBatch} does, from this snapshot.
     */
    public void forEachRoadmapBatch(int batchSize, Consumer<List<Roadmap>> consumer) {
        forEachRoadmapBatch(batchSize, null, null, consumer);
    }

    /**
     * {@link #forEachRoadmapBatch(int, Consumer)} of the pairings with ids from {@code first} to {@code last}
     * (both included; null: no bound).
     */
    public void forEachRoadmapBatch(int batchSize, String first, String last, Consumer<List<Roadmap>> consumer) {
        try {
            new RoadmapLoader(connection, cohortId).forEachBatch(batchSize, first, last, consumer);
        } catch (SQLException e) {
            throw new StoreAccessException("database read failed: " + e.getMessage(), e);
        }
    }

    /**
     * Exports this snapshot (PostgreSQL's {@code pg_export_snapshot()}) for other transactions to read at
     * ({@link Store#snapshot(String, String)}) while this one stays open, and returns its name.
     */
    public String export() {
        try (Statement statement = connection.createStatement()) {
            // This transaction sits idle while the workers read at its snapshot.
            keepWhileIdle(statement);
            try (ResultSet row = statement.executeQuery("SELECT pg_export_snapshot()")) {
                row.next();
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new StoreAccessException("cannot export the snapshot of cohort " + cohortId + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The ids of the cohort's pairings (any status) in this snapshot, in the order of the database's pairing
     * ids (byte order: {@code COLLATE "C"} on PostgreSQL, SQLite's own).
     */
    public List<String> pairingIds() {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM pairings WHERE cohort_id = ? ORDER BY id")) {
            query.setString(1, cohortId);
            List<String> ids = new ArrayList<>(pairingCount());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreAccessException("database read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            throw new StoreAccessException("cannot end a read of cohort " + cohortId, e);
        }
    }
}
