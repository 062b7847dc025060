package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deletes every row of a store in one write transaction, leaving its schema ({@link Store#deleteEverything}). On
 * PostgreSQL only the tables the store's migrations create are emptied (the database may hold others'), with
 * their ids started again, and the commit counter is kept, so that other servers see the change; on SQLite
 * every table of the file is the store's.
 */
final class StoreEraser {

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);

    /** Tables never emptied: the schema's version and the counter every server watches ({@link PostgresDialect}). */
    private static final Set<String> KEPT = Set.of("schema_version", "store_commits");

    private StoreEraser() {
    }

    static void erase(Connection connection, boolean postgres) throws SQLException {
        if (postgres) {
            List<String> tables = new ArrayList<>();
            for (String table : createdTables(Migrations.POSTGRESQL)) {
                if (!KEPT.contains(table) && exists(connection, table)) {
                    tables.add(table);
                }
            }
            try (Statement statement = connection.createStatement()) {
                // names from the store's own migrations, never from input
                statement.execute("TRUNCATE TABLE " + String.join(", ", tables) + " RESTART IDENTITY");
            }
            return;
        }
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                     + " AND (name NOT LIKE 'sqlite%' OR name = 'sqlite_sequence')")) { // ids of AUTOINCREMENT too
            while (rows.next()) {
                tables.add(rows.getString("name"));
            }
        }
        try (Statement statement = connection.createStatement()) {
            // checked at the commit, when every table is empty: the order of the deletes does not matter
            statement.execute("PRAGMA defer_foreign_keys = ON");
            for (String table : tables) {
                statement.executeUpdate("DELETE FROM \"" + table + "\"");
            }
        }
    }

    /** The tables the migrations of {@code track} create, in their order. */
    static Set<String> createdTables(Migrations.Track track) {
        Set<String> tables = new LinkedHashSet<>();
        for (String file : track.files()) {
            for (String statement : Migrations.statements(Migrations.script(track.folder() + file))) {
                Matcher created = CREATE_TABLE.matcher(statement);
                if (created.lookingAt()) {
                    tables.add(created.group(1).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, table);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }
}
