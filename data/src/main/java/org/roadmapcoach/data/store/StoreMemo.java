package org.roadmapcoach.data.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Remembers what a read of the store returned while the database is unchanged: an entry is used only
 * when no commit has reached the database since it was read ({@link SqliteStore#dataVersion()}, taken
 * before the read, so a commit during it makes the next call read again). A server answers the same
 * small reads on every request (who a token is, the pairing asked about); this answers them without
 * the database, and never with anything a live read would not give. Holds at most a given number of
 * entries (or of their total weight), the least used going first. Thread-safe.
 */
public final class StoreMemo<K, V> {

    private record Entry<V>(long version, V value) {
    }

    private final SqliteStore store;
    private final Cache<K, Entry<V>> entries;

    public StoreMemo(SqliteStore store, long maxEntries) {
        this.store = store;
        this.entries = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    /** A memo that holds entries up to a total {@code weight} (bytes, say) rather than a number of them. */
    public StoreMemo(SqliteStore store, long maxWeight, ToIntFunction<? super V> weight) {
        this.store = store;
        this.entries = Caffeine.newBuilder().maximumWeight(maxWeight)
                .<K, Entry<V>>weigher((key, entry) -> weight.applyAsInt(entry.value())).build();
    }

    /**
     * Remembers {@code value} for {@code key} as read when the database was at {@code version}
     * ({@link SqliteStore#dataVersion()}, taken before the read): kept only while that is still current.
     */
    public void put(K key, V value, long version) {
        entries.put(key, new Entry<>(version, value));
    }

    /** What {@code read} returns for {@code key} now: remembered, or read (and remembered). */
    public V get(K key, Function<? super K, ? extends V> read) {
        long version = store.dataVersion();
        Entry<V> remembered = entries.getIfPresent(key);
        if (remembered != null && remembered.version() == version) {
            return remembered.value();
        }
        V value = read.apply(key);
        entries.put(key, new Entry<>(version, value));
        return value;
    }
}
