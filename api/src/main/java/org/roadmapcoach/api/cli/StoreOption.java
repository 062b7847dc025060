package org.roadmapcoach.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.data.store.SqliteStore;
import picocli.CommandLine.Option;

/** The {@code --db FILE} option shared by the commands that use a database. */
final class StoreOption {

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "The SQLite database file.")
    Path db;

    /** Opens the database, creating it when {@code create} is set; otherwise it must exist. */
    SqliteStore open(boolean create) {
        if (!create && !Files.isRegularFile(db)) {
            throw new InvalidInputException("There is no database at " + db
                    + "; create one with: coach import --db " + db + " --cohort ID FOLDER");
        }
        return SqliteStore.open(db);
    }

    /** The store's today (API.md): {@code COACH_TODAY}, else the date the database pins, else the real date. */
    static Today today(SqliteStore store) {
        return Today.of(store, System.getenv("COACH_TODAY"), Clock.systemDefaultZone());
    }
}
