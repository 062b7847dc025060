package org.roadmapcoach.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.roadmapcoach.data.store.Store;

/**
 * Every table of a store, dumped in a total order and hashed: equal snapshots mean equal stores. The
 * value's type is hashed too, so the text '2' and the integer 2 differ. Revisions (004_revisions.sql)
 * are left out: they count accepted writes, so an import that changes no record still moves them
 * (CurrentFindingsTest tests them, a rejected import's included).
 */
public final class StoreSnapshot {

    private StoreSnapshot() {
    }

    /** Table name to "rows=N sha256=..." for every table of the database. */
    public static Map<String, String> of(Store store) {
        try (Connection connection = store.connect()) {
            Map<String, String> tables = new LinkedHashMap<>();
            for (String table : tables(connection)) {
                tables.put(table, dump(connection, table));
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        boolean postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        // PostgreSQL's schema_version and store_commits (the commit counter) are no part of the data
        try (PreparedStatement statement = connection.prepareStatement(postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " AND table_name NOT IN ('schema_version', 'store_commits') ORDER BY table_name COLLATE \"C\""
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static String dump(Connection connection, String table) throws SQLException {
        MessageDigest digest = sha256();
        long count = 0;
        try (PreparedStatement probe = connection.prepareStatement("SELECT * FROM " + table + " LIMIT 0")) {
            int columns;
            try (ResultSet empty = probe.executeQuery()) {
                columns = empty.getMetaData().getColumnCount();
            }
            String order = IntStream.rangeClosed(1, columns).mapToObj(Integer::toString)
                    .collect(Collectors.joining(", "));
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT * FROM " + table + " ORDER BY " + order);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    count++;
                    for (int i = 1; i <= columns; i++) {
                        if (rows.getMetaData().getColumnName(i).equals("revision")) {
                            continue;
                        }
                        Object value = rows.getObject(i);
                        String cell = value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
                        digest.update((rows.getMetaData().getColumnName(i) + "=" + cell + "\u0000")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    digest.update((byte) '\n');
                }
            }
        }
        return "rows=" + count + " sha256=" + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
