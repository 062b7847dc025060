package org.roadmapcoach.api.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SHA-256 of every table of a database file, rows in a total order: equal checksums, equal
 * contents. Opening the file is what a restarted program does, so a write-ahead log left by a killed
 * process is recovered (its committed transactions kept, the rest dropped) before anything is read.
 */
final class TableChecksums {

    private TableChecksums() {
    }

    /** Table name to "rows=N sha256=..." for every table of the database. */
    static Map<String, String> of(Path db) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            Map<String, String> tables = new TreeMap<>();
            for (String table : tables(connection)) {
                tables.put(table, checksum(connection, table));
            }
            return tables;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + db, e);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static String checksum(Connection connection, String table) throws SQLException {
        MessageDigest digest = sha256();
        long count = 0;
        // Table names come from sqlite_master, not from input; ORDER BY every column gives a total order.
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM \"" + table + "\"");
             ResultSet probe = statement.executeQuery()) {
            int columns = probe.getMetaData().getColumnCount();
            StringBuilder order = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                order.append(i == 1 ? "" : ", ").append(i);
            }
            try (PreparedStatement ordered = connection.prepareStatement(
                    "SELECT * FROM \"" + table + "\" ORDER BY " + order);
                 ResultSet rows = ordered.executeQuery()) {
                while (rows.next()) {
                    count++;
                    for (int i = 1; i <= columns; i++) {
                        Object value = rows.getObject(i);
                        String cell = value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
                        digest.update((cell + "\u0000").getBytes(StandardCharsets.UTF_8));
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
