package org.roadmapcoach.data.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.roadmapcoach.data.store.Store;

/**
 * How many runs a cohort keeps: the newest {@code runs.keep} (a setting of the database, default
 * {@value #DEFAULT_KEEP}) after each stored run, or as many as {@code coach runs prune --keep N} says. A
 * run that never completed (its process died half way) is deleted once it is a day old: by then no
 * health check is still writing it.
 */
public final class RunRetention {

    /** The {@code settings} key of how many runs each cohort keeps. */
    public static final String KEEP_SETTING = "runs.keep";
    public static final int DEFAULT_KEEP = 12;
    /** The most a setting or a prune may keep; more is an error naming it. */
    public static final int MAX_KEEP = 100_000;

    private static final Duration ABANDONED_AFTER = Duration.ofDays(1);

    private final Store store;

    public RunRetention(Store store) {
        this.store = store;
    }

    /** How many runs each cohort keeps: the {@code runs.keep} setting, or the default. */
    public int keep() {
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                query.setString(1, KEEP_SETTING);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() ? Integer.parseInt(row.getString("value")) : DEFAULT_KEEP;
                }
            }
        });
    }

    /** Sets how many runs each cohort keeps from now on (1 to {@value #MAX_KEEP}). */
    public void setKeep(int keep) {
        requireKeep(keep);
        store.inTransaction(connection -> {
            try (PreparedStatement save = connection.prepareStatement("INSERT INTO settings (key, value) VALUES (?, ?)"
                    + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                save.setString(1, KEEP_SETTING);
                save.setString(2, Integer.toString(keep));
                return save.executeUpdate();
            }
        });
    }

    /** After a run was stored: the cohort keeps its newest {@link #keep()} runs, and the log is emptied. */
    public void afterRun(String cohortId) {
        prune(cohortId, keep());
    }

    /**
     * Deletes every complete run of the cohort but the newest {@code keep}, and incomplete runs abandoned a
     * day ago or more; then empties the write-ahead log as far as readers allow.
     *
     * @return the ids of the runs deleted, oldest first
     */
    public List<Long> prune(String cohortId, int keep) {
        requireKeep(keep);
        List<Long> doomed = store.read(connection -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement old = connection.prepareStatement("SELECT id FROM health_check_runs"
                    + " WHERE cohort_id = ? AND complete = 1 ORDER BY id DESC LIMIT ? OFFSET ?")) {
                old.setString(1, cohortId);
                old.setLong(2, Long.MAX_VALUE); // every one after the first keep: SQLite and PostgreSQL alike
                old.setInt(3, keep);
                try (ResultSet rows = old.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong("id"));
                    }
                }
            }
            try (PreparedStatement abandoned = connection.prepareStatement("SELECT id FROM health_check_runs"
                    + " WHERE cohort_id = ? AND complete = 0 AND created_at < ?")) {
                abandoned.setString(1, cohortId);
                abandoned.setString(2, Instant.now().minus(ABANDONED_AFTER).toString());
                try (ResultSet rows = abandoned.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong("id"));
                    }
                }
            }
            ids.sort(null);
            return ids;
        });
        // One run a transaction: deleting a large run is tens of megabytes, and writers wait for none of it.
        for (long id : doomed) {
            store.inTransaction(connection -> delete(connection, id));
        }
        store.checkpoint();
        return doomed;
    }

    /** Deletes run {@code runId} and everything stored with it, in the caller's transaction. */
    static int delete(Connection connection, long runId) throws SQLException {
        for (String table : new String[] {"health_check_texts", "health_check_rules", "health_check_pairings"}) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
                delete.setLong(1, runId);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM health_check_runs WHERE id = ?")) {
            delete.setLong(1, runId);
            return delete.executeUpdate();
        }
    }

    private static void requireKeep(int keep) {
        if (keep < 1 || keep > MAX_KEEP) {
            throw new IllegalArgumentException("the number of runs to keep must be from 1 to " + MAX_KEEP + ", not "
                    + keep);
        }
    }
}
