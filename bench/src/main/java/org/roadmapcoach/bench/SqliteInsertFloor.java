package org.roadmapcoach.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.roadmapcoach.data.store.Store;

/**
 * Floor: a bare SQLite batch insert of the rows of a cohort folder, in one transaction, into a new
 * database with the product's schema (its tables and indexes, made by its migrations). Plain JDBC on a
 * connection with SQLite's defaults: prepared INSERTs in batches of 1,000, no upsert, no checks. Each
 * file is parsed into memory first; only the inserts and the commit are timed.
 * Usage: {@code SqliteInsertFloor DIR NEW_DB}.
 */
public final class SqliteInsertFloor {

    private static final int BATCH = 1000;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

    private SqliteInsertFloor() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path db = Path.of(args[1]);
        Store.open(db).close(); // the schema, exactly as the product makes it
        long nanos = 0;
        long rows = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
            connection.setAutoCommit(false);
            try (PreparedStatement cohort = connection.prepareStatement("INSERT INTO cohorts (id, name) VALUES (?, ?)")) {
                cohort.setString(1, "bench");
                cohort.setString(2, "bench");
                cohort.executeUpdate();
            }
            for (String[] file : Floors.FILES) {
                Path csv = dir.resolve(file[0]);
                if (!Files.exists(csv)) {
                    continue;
                }
                List<String[]> parsed = parse(csv);
                long start = System.nanoTime();
                rows += insert(connection, file[1], parsed.get(0), parsed.subList(1, parsed.size()));
                nanos += System.nanoTime() - start;
            }
            long start = System.nanoTime();
            connection.commit();
            nanos += System.nanoTime() - start;
        }
        Floors.report("sqlite-insert", rows, nanos, rows);
    }

    private static List<String[]> parse(Path csv) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = FORMAT.parse(reader)) {
            for (CSVRecord record : parser) {
                rows.add(record.values());
            }
        }
        return rows;
    }

    private static long insert(Connection connection, String table, String[] header, List<String[]> rows)
            throws Exception {
        String sql = "INSERT INTO " + table + " (cohort_id, " + String.join(", ", header) + ") VALUES (?"
                + ", ?".repeat(header.length) + ")";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int pending = 0;
            for (String[] row : rows) {
                insert.setString(1, "bench");
                for (int i = 0; i < row.length; i++) {
                    insert.setString(i + 2, row[i]); // as read: an empty cell stays '' (lists are NOT NULL)
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
        return rows.size();
    }
}
