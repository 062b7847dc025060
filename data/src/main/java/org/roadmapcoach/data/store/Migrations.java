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
 * The schema migrations, applied in order from {@code db/} on the class path. The number applied is
 * the schema version ({@link SqliteDialect#schemaVersion}); each one runs in its own transaction
 * together with the version bump, so a failed migration leaves the database as it was.
 */
final class Migrations {

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

    private Migrations() {
    }

    /**
     * Applies the migrations this database has not had yet; expects a write connection. A database whose
     * schema is current is only read (no transaction, no lock): opening one for reading never waits for,
     * or holds up, a writer.
     */
    static void apply(Connection connection) throws SQLException {
        if (SqliteDialect.schemaVersion(connection) == FILES.size()) {
            return;
        }
        connection.setAutoCommit(false);
        try {
            // Read inside the (immediate) transaction: two processes opening a new database at once
            // must not both apply 001.
            int applied = SqliteDialect.schemaVersion(connection);
            if (applied > FILES.size()) {
                throw new SQLException("the database has schema version " + applied
                        + " but this program knows only " + FILES.size() + "; use a newer Roadmap Coach");
            }
            for (int i = applied; i < FILES.size(); i++) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements(read(FILES.get(i)))) {
                        statement.execute(sql);
                    }
                }
                SqliteDialect.setSchemaVersion(connection, i + 1);
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
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

    private static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration db/" + file + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration db/" + file, e);
        }
    }
}
