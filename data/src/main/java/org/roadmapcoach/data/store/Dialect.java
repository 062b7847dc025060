package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between the databases a store can live in (SQLite, PostgreSQL): connecting, the schema
 * and its version, how a write transaction takes its turn, how commits are watched, what "busy" looks
 * like. Everything else, the repositories' SQL included, is shared. {@link Database} alone uses it.
 */
interface Dialect {

    /** The file, or the URL without its password, for messages. */
    String describe();

    /**
     * A new connection, configured like every other of this database.
     *
     * @param forWrite for a write transaction ({@link Database#inTransaction}), else for reads
     */
    Connection connect(boolean forWrite) throws SQLException;

    /**
     * Opens the database (creating what must be created) and brings its schema to the latest version;
     * returns a connection to hold open for the database's life, or null when none is needed.
     */
    Connection open() throws SQLException;

    /** The first statement of every write transaction, on its connection; may wait for writers of other processes. */
    void beginWrite(Connection connection) throws SQLException;

    /** Whether write connections are kept open between transactions (else each transaction opens one). */
    boolean poolsWriters();

    /** Read connections kept open between reads. */
    int idleReaders();

    /** Whether reads beyond {@link #idleReaders()} wait for a kept connection rather than open another. */
    boolean boundsReaders();

    /** Watches the commits of every connection, of this process or another. */
    CommitWatcher commitWatcher(Database database);

    /** Whether {@code e} says the database was busy with other writers (nothing was written), rather than failed. */
    boolean isBusy(SQLException e);

    /** After a large write: whatever makes later reads fast again (SQLite's checkpoint); may do nothing. */
    void checkpoint(Connection connection) throws SQLException;

    /**
     * Whether an import writes the rows of a table its cohort has no record of yet with {@link CopyRows}
     * (PostgreSQL's COPY), rather than with batched INSERTs (as fast on SQLite, in-process).
     */
    boolean copiesNewRows();
}
