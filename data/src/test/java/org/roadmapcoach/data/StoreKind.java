package org.roadmapcoach.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.roadmapcoach.data.store.Store;

/**
 * The two databases a store lives in, for tests that run on both ({@code @ParameterizedClass} over this
 * enum): a test names its database by a file under its temporary folder, as it always did; on PostgreSQL
 * the same file stands for one fresh database of {@link TestPostgres}, so that a test that reopens its
 * file reopens its database.
 */
public enum StoreKind {
    SQLITE, POSTGRESQL;

    private static final Map<Path, String> DATABASES = new ConcurrentHashMap<>();

    /** What {@code --db} takes for the database {@code file} stands for. */
    public String address(Path file) {
        return this == SQLITE ? file.toString()
                : DATABASES.computeIfAbsent(file.toAbsolutePath().normalize(), f -> TestPostgres.newDatabase());
    }

    /** Opens the store {@code file} stands for, creating it on first use. */
    public Store open(Path file) {
        return Store.open(address(file));
    }
}
