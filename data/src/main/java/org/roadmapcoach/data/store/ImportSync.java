package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The deletions of a sync (docs/CSV.md, "Sync"): for each file of the import, the records of its kind an
 * earlier import brought and this one lacks, with the imported records that depend on them, in the
 * import's transaction. Records created in the app are never deleted: a sync that would have to delete
 * one is refused, naming the record and its parent, and so is one that would delete a row of the import
 * itself (a check-in of a pairing that pairings.csv dropped). The cohort's tokens of a person it deletes
 * are revoked with them.
 */
public final class ImportSync {

    /** The keys one import brought. */
    public interface ImportedKeys {

        /** Whether the import had {@code table}'s file. */
        boolean has(Table<?> table);

        /**
         * The line of the row with this key in {@code table}'s file, 0 when the import had none. A key of
         * one column is its value; of two (engagements) the list of both.
         */
        long line(Table<?> table, Object key);
    }

    /** Why the sync cannot be done: an error of the import. */
    public record Conflict(String file, long line, String column, String value, String reason) {
    }

    /** A record the sync deleted: its file and key ({@code P05}; an engagement's {@code P05/R12}). */
    public record Deleted(String file, String record) {
    }

    /**
     * @param deletedPerFile records deleted per file, in CSV.md's order (only files with deletions)
     * @param deleted the first {@link #MAX_DELETED_KEPT} records deleted
     * @param conflicts why the sync is refused; nothing was deleted when there are any
     */
    public record Result(Map<String, Long> deletedPerFile, List<Deleted> deleted, List<Conflict> conflicts) {
    }

    public static final int MAX_DELETED_KEPT = 1000;

    /** A reference from a record of one file to the key of another. */
    private record Dependency(Table<?> child, String column, Table<?> parent, String noun) {
    }

    private static final List<Dependency> DEPENDENCIES = List.of(
            new Dependency(Tables.PAIRINGS, "mentee_id", Tables.PEOPLE, "person"),
            new Dependency(Tables.PAIRINGS, "mentor_id", Tables.PEOPLE, "person"),
            new Dependency(Tables.OBJECTIVES, "pairing_id", Tables.PAIRINGS, "pairing"),
            new Dependency(Tables.MILESTONES, "objective_id", Tables.OBJECTIVES, "objective"),
            new Dependency(Tables.CHECKINS, "pairing_id", Tables.PAIRINGS, "pairing"),
            new Dependency(Tables.RECIPROCITY, "pairing_id", Tables.PAIRINGS, "pairing"),
            new Dependency(Tables.ACTIVITIES, "pairing_id", Tables.PAIRINGS, "pairing"),
            new Dependency(Tables.ENGAGEMENTS, "pairing_id", Tables.PAIRINGS, "pairing"),
            new Dependency(Tables.ENGAGEMENTS, "resource_id", Tables.RESOURCES, "resource"));

    private ImportSync() {
    }

    /** Finds what the sync deletes and, when nothing forbids it, deletes it. */
    public static Result run(Connection connection, String cohortId, ImportedKeys imported) throws SQLException {
        Map<Table<?>, Set<List<Object>>> doomed = new LinkedHashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (Table<?> table : Tables.ALL) {
            Set<List<Object>> keys = new LinkedHashSet<>();
            if (imported.has(table)) {
                dropped(connection, cohortId, table, imported, keys);
            }
            for (Dependency dependency : DEPENDENCIES) {
                if (dependency.child() == table) {
                    for (List<Object> parent : doomed.get(dependency.parent())) {
                        dependants(connection, cohortId, dependency, parent.get(0), imported, keys, conflicts);
                    }
                }
            }
            doomed.put(table, keys);
        }
        Map<String, Long> perFile = new LinkedHashMap<>();
        List<Deleted> deleted = new ArrayList<>();
        if (!conflicts.isEmpty()) {
            return new Result(perFile, deleted, conflicts);
        }
        for (Table<?> table : Tables.ALL) {
            Set<List<Object>> keys = doomed.get(table);
            if (!keys.isEmpty()) {
                perFile.put(table.fileName(), (long) keys.size());
                for (List<Object> key : keys) {
                    if (deleted.size() < MAX_DELETED_KEPT) {
                        deleted.add(new Deleted(table.fileName(), name(key)));
                    }
                }
            }
        }
        List<Table<?>> childrenFirst = new ArrayList<>(Tables.ALL);
        java.util.Collections.reverse(childrenFirst);
        for (Table<?> table : childrenFirst) {
            delete(connection, cohortId, table, doomed.get(table));
        }
        revokeTokens(connection, cohortId, doomed.get(Tables.PEOPLE));
        return new Result(perFile, deleted, conflicts);
    }

    /** The records of {@code table} an earlier import brought that this one lacks. */
    private static void dropped(Connection connection, String cohortId, Table<?> table, ImportedKeys imported,
                                Set<List<Object>> keys) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + String.join(", ", table.key())
                + " FROM " + table.name() + " WHERE cohort_id = ? AND imported = 1")) {
            query.setString(1, cohortId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    List<Object> key = key(rows, table);
                    if (imported.line(table, lookupKey(key)) == 0) {
                        keys.add(key);
                    }
                }
            }
        }
    }

    /** The records that refer to a deleted {@code parentId}: deleted too, or the reason the sync cannot be. */
    private static void dependants(Connection connection, String cohortId, Dependency dependency, Object parentId,
                                   ImportedKeys imported, Set<List<Object>> keys, List<Conflict> conflicts)
            throws SQLException {
        Table<?> child = dependency.child();
        String parentFile = dependency.parent().fileName();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + String.join(", ", child.key())
                + ", imported FROM " + child.name() + " WHERE cohort_id = ? AND " + dependency.column() + " = ?")) {
            query.setString(1, cohortId);
            query.setObject(2, parentId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    List<Object> key = key(rows, child);
                    long line = imported.line(child, lookupKey(key));
                    if (line > 0) {
                        conflicts.add(new Conflict(child.fileName(), line, dependency.column(), (String) parentId,
                                "--sync deletes " + dependency.noun() + " '" + parentId + "', which " + parentFile
                                        + " no longer has, and would delete this row with it; keep the "
                                        + dependency.noun() + " in " + parentFile + " or remove this row"));
                    } else if (rows.getInt("imported") != 1) {
                        conflicts.add(new Conflict(child.fileName(), 0, dependency.column(), (String) parentId,
                                "'" + name(key) + "' was created in the app under " + dependency.noun() + " '"
                                        + parentId + "', which " + parentFile + " no longer has: --sync would have to"
                                        + " delete it, and never deletes what the app created; remove it in the app"
                                        + " or keep its " + dependency.noun() + " in " + parentFile + ", and sync again"));
                    } else {
                        keys.add(key);
                    }
                }
            }
        }
    }

    private static void delete(Connection connection, String cohortId, Table<?> table, Set<List<Object>> keys)
            throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(table.deleteSql());
             PreparedStatement baseline = connection.prepareStatement("DELETE FROM import_baselines"
                     + " WHERE cohort_id = ? AND file = ? AND record_key = ?")) {
            for (List<Object> key : keys) {
                Baselines.bindKey(delete, 1, cohortId, key);
                delete.addBatch();
                baseline.setString(1, cohortId);
                baseline.setString(2, table.fileName());
                baseline.setString(3, Baselines.key(key));
                baseline.addBatch();
            }
            delete.executeBatch();
            baseline.executeBatch();
        }
    }

    /** A person who is no longer in the cohort signs in to it no more: their tokens for it are revoked. */
    private static void revokeTokens(Connection connection, String cohortId, Set<List<Object>> people)
            throws SQLException {
        if (people.isEmpty()) {
            return;
        }
        try (PreparedStatement revoke = connection.prepareStatement(
                "DELETE FROM api_tokens WHERE cohort_id = ? AND person_id = ?")) {
            for (List<Object> person : people) {
                revoke.setString(1, cohortId);
                revoke.setObject(2, person.get(0));
                revoke.addBatch();
            }
            revoke.executeBatch();
        }
    }

    private static List<Object> key(ResultSet rows, Table<?> table) throws SQLException {
        List<Object> key = new ArrayList<>(table.key().size());
        for (String column : table.key()) {
            key.add(rows.getString(column));
        }
        return key;
    }

    private static Object lookupKey(List<Object> key) {
        return key.size() == 1 ? key.get(0) : key;
    }

    static String name(List<Object> key) {
        return key.size() == 1 ? String.valueOf(key.get(0)) : String.join("/", key.stream().map(String::valueOf).toList());
    }
}
