package org.roadmapcoach.data.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.roadmapcoach.data.store.SqliteStore;
import org.roadmapcoach.data.store.StoreAccessException;
import org.roadmapcoach.engine.finding.SubjectType;
import org.roadmapcoach.engine.roadmap.Coded;

/**
 * The finding keys of a stored run, read pairing by pairing in pairing id order on a connection of its
 * own, so that a newer run can be compared with it while it is being written, without holding either
 * run in memory.
 */
public final class RunKeys implements AutoCloseable {

    // The objective comes out of the evidence JSON in SQLite, which is much cheaper than parsing it here.
    private static final String SQL = "SELECT pairing_id, rule_id, subject_type, subject_id,"
            + " json_extract(evidence, '$.objectiveId') AS objective_id FROM health_check_findings"
            + " WHERE run_id = ? ORDER BY pairing_id, position";

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private FindingKey pending; // read ahead: the first key of the next pairing

    RunKeys(SqliteStore store, long runId) {
        Connection opened = store.connect();
        try {
            opened.setAutoCommit(false); // one snapshot for the whole read
            this.connection = opened;
            this.statement = opened.prepareStatement(SQL);
            statement.setLong(1, runId);
            this.rows = statement.executeQuery();
            this.pending = read();
        } catch (SQLException e) {
            closeQuietly(opened);
            throw new StoreAccessException("cannot read the findings of run " + runId, e);
        }
    }

    /**
     * The keys of {@code pairingId}'s findings, in report order (empty when the run has none); the keys of
     * the pairings before it go to {@code passed}. Calls must come in pairing id order.
     */
    public List<FindingKey> upTo(String pairingId, Consumer<FindingKey> passed) {
        while (pending != null && PairingOrder.compare(pending.pairingId(), pairingId) < 0) {
            passed.accept(pending);
            pending = read();
        }
        List<FindingKey> keys = new ArrayList<>();
        while (pending != null && pending.pairingId().equals(pairingId)) {
            keys.add(pending);
            pending = read();
        }
        return keys;
    }

    /** Hands every key not read yet to {@code passed}. */
    public void rest(Consumer<FindingKey> passed) {
        while (pending != null) {
            passed.accept(pending);
            pending = read();
        }
    }

    private FindingKey read() {
        try {
            if (!rows.next()) {
                return null;
            }
            String objective = rows.getString(5);
            return new FindingKey(rows.getString(1), rows.getString(2), Coded.parse(SubjectType.class, rows.getString(3)),
                    rows.getString(4), objective == null ? "" : objective);
        } catch (SQLException e) {
            throw new StoreAccessException("cannot read the findings of a stored run", e);
        }
    }

    @Override
    public void close() {
        try (connection; statement; rows) {
            connection.rollback();
        } catch (SQLException e) {
            throw new StoreAccessException("cannot close a read of a stored run", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // already failing; the first error is the one to report
        }
    }
}
