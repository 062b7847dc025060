package org.roadmapcoach.data.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on a connection inside a transaction of {@link Store#inTransaction}. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
