package org.roadmapcoach.data.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The schema migrations of each dialect, applied in order from {@code db/} (SQLite) and {@code
 * db/postgresql/} on the class path. The number applied is the schema version ({@link
 * SqliteDialect#schemaVersion}, {@link PostgresDialect#schemaVersion}); each one runs in its own
 * transaction together with the version bump, so a failed migration leaves the database as it was.
 */
final class Migrations {

    /** Where a dialect's migrations are and how it keeps the number applied. */
    record Track(String folder, List<String> files, Version version) {
    }

    /** Reads and writes the number of migrations applied, on the migrating connection. */
    interface Version {
        /** Before reading the version in a migration's transaction: whatever keeps two migrating processes apart. */
        void lock(Connection connection) throws SQLException;

        int read(Connection connection) throws SQLException;

        void write(Connection connection, int version) throws SQLException;
    }

    /**
     * In order. Append new files at the end; never edit, rename or reorder a released one: the version is
     * how many were applied, so a file slotted before a released one would be skipped by databases that
     * had the later ones (the file numbers only name them; 010 and 011 were never released).
     */
    static final List<String> FILES = List.of(
            "001_init.sql",
            "002_health_checks.sql",
            "003_api.sql",
            "004_revisions.sql",
            "005_runs_keep_findings.sql",
            "006_personal_dismissals.sql",
            "007_settings.sql",
            "008_token_kinds.sql",
            "009_import_baseline.sql",
            "012_web_sessions.sql",
            "013_reach.sql",
            "014_compact_runs.sql");

    /** SQLite's: the version in the database header; the connection's IMMEDIATE transaction is its lock. */
    static final Track SQLITE = new Track("db/", FILES, new Version() {
        @Override
        public void lock(Connection connection) {
        }

        @Override
        public int read(Connection connection) throws SQLException {
            return SqliteDialect.schemaVersion(connection);
        }

        @Override
        public void write(Connection connection, int version) throws SQLException {
            SqliteDialect.setSchemaVersion(connection, version);
        }
    });

    /**
     * PostgreSQL's, in order, append only as {@link #FILES}. A PostgreSQL store began with the schema SQLite
     * had reached at migration 014, in one file: there were no PostgreSQL databases to migrate before it.
     */
    static final Track POSTGRESQL = new Track("db/postgresql/", List.of(
            "001_schema.sql",
            "002_check_partitions.sql"), new PostgresDialect.SchemaVersion());

    private Migrations() {
    }

    /**
     * Applies the migrations this database has not had yet; expects a write connection. A database whose
     * schema is current is only read (no transaction, no lock): opening one for reading never waits for,
     * or holds up, a writer.
     */
    static void apply(Connection connection, Track track) throws SQLException {
        List<String> files = track.files();
        if (track.version().read(connection) == files.size()) {
            return;
        }
        connection.setAutoCommit(false);
        try {
            // Read inside the (immediate) transaction, and again after each commit once the lock is taken
            // again: two processes opening a new database at once must not both apply a migration (the
            // other may have applied the next one between this one's commit and its lock).
            for (int applied = lockAndRead(connection, track); applied < files.size();
                 applied = lockAndRead(connection, track)) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements(read(track.folder() + files.get(applied)))) {
                        statement.execute(sql);
                    }
                }
                track.version().write(connection, applied + 1);
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Takes the migration lock (in the open transaction) and reads how many migrations are applied. */
    private static int lockAndRead(Connection connection, Track track) throws SQLException {
        track.version().lock(connection);
        int applied = track.version().read(connection);
        if (applied > track.files().size()) {
            throw new SQLException("the database has schema version " + applied
                    + " but this program knows only " + track.files().size() + "; use a newer Roadmap Coach");
        }
        return applied;
    }

    /**
     * Splits a script into statements: whole-line {@code --} comments are dropped and a statement
     * ends with a semicolon at the end of a line (so no statement may end a line inside a literal).
     */
    static List<String> statements(String script) {
        String code = script.lines().filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining("\n"));
        List<String> statements = new ArrayList<>();
        for (String statement : code.split(";[ \\t]*(\\n|$)")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }

    /** The text of the migration script {@code file} (its path on the class path). */
    static String script(String file) {
        return read(file);
    }

    private static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream("/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration " + file + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + file, e);
        }
    }
}
