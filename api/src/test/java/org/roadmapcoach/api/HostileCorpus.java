package org.roadmapcoach.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.roadmapcoach.data.store.Store;

/**
 * The data module's corpus of hostile inputs ({@code data/src/test/resources/hostile}), read in place:
 * Maven runs each module's tests in the module's folder. And a dump of a database, to show that a
 * rejected input wrote nothing.
 */
public final class HostileCorpus {

    public static final Path ROOT = Path.of(System.getProperty("basedir", ".")).resolve("../data/src/test/resources/hostile")
            .toAbsolutePath().normalize();

    private HostileCorpus() {
    }

    /** What to import for a rejected case: its folder, or the zip in it. */
    public static Path rejected(String name) throws IOException {
        Path folder = ROOT.resolve("rejected").resolve(name);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.toString().endsWith(".zip")).findFirst().orElse(folder);
        }
    }

    /** Every row of every table of the database, sorted: equal dumps mean equal stores. */
    public static String dump(Path db) {
        StringBuilder dump = new StringBuilder();
        try (Store store = Store.open(db); Connection connection = store.connect();
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " ORDER BY name")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                dump.append("# ").append(table).append('\n');
                List<String> lines = new ArrayList<>();
                // the table names come from sqlite_master, not from any input
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            Object value = rows.getObject(i);
                            line.append(value == null ? "null" : value.getClass().getSimpleName() + ":" + value)
                                    .append('\u0000');
                        }
                        lines.add(line.toString());
                    }
                }
                lines.stream().sorted().forEach(line -> dump.append(line).append('\n'));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return dump.toString();
    }
}
