package org.roadmapcoach.data;

import static org.assertj.core.api.Assertions.fail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * The one PostgreSQL of a test JVM (17.6, from zonky's embedded binaries), started on first use and
 * stopped when the JVM ends; each {@link #newDatabase()} is a fresh, empty database on it, whose text sorts
 * by language (en-US), as on most servers, so that the schema's byte order ({@code COLLATE "C"}) is tested. Where it
 * cannot start, the test is skipped with the reason, but fails when {@code CI=true}: CI must run the
 * store tests on PostgreSQL too.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static String failure;

    private TestPostgres() {
    }

    /**
     * {@code user:password@host:port} of another PostgreSQL server to run on instead of the embedded one (whose
     * user may create databases): {@code .ci/run} runs the store tests again on Debian's PostgreSQL with it.
     */
    private static final String OTHER_SERVER = System.getenv("COACH_TEST_POSTGRES");

    /** A new empty database: its URL, as {@code --db} takes it. */
    public static String newDatabase() {
        String name = "coach_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        if (OTHER_SERVER != null) {
            String[] server = OTHER_SERVER.split("@", 2);
            String[] user = server[0].split(":", 2);
            try (Connection connection = DriverManager.getConnection(
                    "jdbc:postgresql://" + server[1] + "/postgres", user[0], user[1])) {
                create(connection, name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the test database " + name + " on " + server[1], e);
            }
            return "postgresql://" + OTHER_SERVER + "/" + name;
        }
        EmbeddedPostgres postgres = server();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            create(connection, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return "postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/" + name;
    }

    private static void create(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Sorting text as a server set up for English does (ICU's en-US), not byte by byte: a list whose order
            // on PostgreSQL would differ from SQLite's (a column without COLLATE "C") fails its test.
            statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'"
                    + " LOCALE 'C.UTF-8'");
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null && failure == null) {
            try {
                // Durability is no concern of a test's throw-away databases.
                server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "300")
                        .start();
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM ends anyway
                    }
                }));
            } catch (IOException | RuntimeException e) {
                failure = "PostgreSQL (embedded, zonky) did not start: " + e;
            }
        }
        if (server == null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true and " + failure);
            }
            Assumptions.abort(failure);
        }
        return server;
    }
}
