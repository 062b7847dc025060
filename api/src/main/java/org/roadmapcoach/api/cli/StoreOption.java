package org.roadmapcoach.api.cli;

import java.nio.file.Files;
import java.time.Clock;
import org.roadmapcoach.app.Today;
import org.roadmapcoach.app.problem.InvalidInputException;
import org.roadmapcoach.data.store.Store;
import org.roadmapcoach.data.store.StoreAccessException;
import org.roadmapcoach.data.store.StoreAddress;
import org.roadmapcoach.data.store.StoreAddressException;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --db FILE_OR_URL} option shared by the commands that use a database, else {@code COACH_DB}. */
final class StoreOption {

    @Option(names = "--db", paramLabel = "FILE_OR_URL", description = "The SQLite database file, or a PostgreSQL"
            + " database as postgresql://user:password@host:5432/name (default: the environment variable COACH_DB).")
    String db;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Where the database is: {@code --db}, else {@code COACH_DB}; a usage error (exit 2) when neither is given. */
    StoreAddress address() {
        String argument = db != null ? db : Environment.db();
        if (argument == null || argument.isBlank()) {
            throw new CommandLine.ParameterException(command.commandLine(),
                    "Missing required option: '--db=FILE_OR_URL' (or set COACH_DB)");
        }
        return parse(argument, db != null ? "--db" : "COACH_DB");
    }

    /** {@link StoreAddress#parse} of {@code argument}, whose {@code source} a refusal names (exit 1). */
    static StoreAddress parse(String argument, String source) {
        try {
            return StoreAddress.parse(argument);
        } catch (StoreAddressException e) {
            throw new InvalidInputException(source + ": " + e.getMessage() + ".");
        }
    }

    /** What to show of the database in a hint: the file, or the URL without its password. */
    String shown() {
        return address().describe();
    }

    /**
     * Opens the database: a SQLite file is created when {@code create} is set, and must exist otherwise; a
     * PostgreSQL database must exist (its tables are created when missing).
     */
    Store open(boolean create) {
        return open(address(), create);
    }

    /** {@link #open(boolean)} of {@code address}. */
    static Store open(StoreAddress address, boolean create) {
        if (!create && address instanceof StoreAddress.SqliteFile sqlite && !Files.isRegularFile(sqlite.file())) {
            throw new InvalidInputException("There is no database at " + sqlite.file()
                    + "; create one with: coach import --db " + sqlite.file() + " --cohort ID FOLDER");
        }
        try {
            return Store.open(address);
        } catch (StoreAccessException e) {
            // a server not reached, a database or user unknown: the message names the URL without its password
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** The store's today (API.md): {@code COACH_TODAY}, else the date the database pins, else the real date. */
    static Today today(Store store) {
        return Today.of(store, System.getenv("COACH_TODAY"), Clock.systemDefaultZone());
    }
}
