package org.roadmapcoach.data.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Remembers what a read of the store returned while the database is unchanged: a value is used only
 * when no commit has reached the database since it was read ({@link Store#dataVersion()}, taken
 * before the read, so a commit during it makes the next call read again). A server answers the same
 * small reads on every request (who a token is, the pairing asked about); this answers them without
 * the database, and never with anything a live read would not give. Thread-safe; values are never null.
 *
 * <p>What was read at one data version is kept together and dropped together when the version moves.
 * Up to a bound (a number of values, or their total weight) values are added; past it, reads are
 * simply not remembered until the next version. Nothing is evicted or reordered, so remembering costs
 * a server no writes to shared memory on the reads that find their value, and the garbage collector
 * no old objects pointing to new ones.
 */
public final class StoreMemo<K, V> {

    /** The values read at one data version, and their total weight. */
    private record Generation<K, V>(long version, ConcurrentHashMap<K, V> values, AtomicLong weight) {
        Generation(long version) {
            this(version, new ConcurrentHashMap<>(), new AtomicLong());
        }
    }

    private final Store store;
    private final long maxWeight;
    private final ToIntFunction<? super V> weight;
    private final AtomicReference<Generation<K, V>> current = new AtomicReference<>(new Generation<>(Long.MIN_VALUE));

    /** A memo of at most {@code maxEntries} values. */
    public StoreMemo(Store store, long maxEntries) {
        this(store, maxEntries, value -> 1);
    }

    /** A memo of values up to a total {@code weight} (bytes, say) rather than a number of them. */
    public StoreMemo(Store store, long maxWeight, ToIntFunction<? super V> weight) {
        this.store = store;
        this.maxWeight = maxWeight;
        this.weight = weight;
    }

    /** What {@code read} returns for {@code key} now: remembered, or read (and remembered). */
    public V get(K key, Function<? super K, ? extends V> read) {
        long version = store.dataVersion();
        Generation<K, V> generation = current.get();
        if (generation.version() == version) {
            V remembered = generation.values().get(key);
            if (remembered != null) {
                return remembered;
            }
        }
        V value = read.apply(key);
        put(key, value, version);
        return value;
    }

    /**
     * Remembers {@code value} for {@code key} as read when the database was at {@code version}
     * ({@link Store#dataVersion()}, taken before the read): kept only while that is still current.
     *
     * @return whether it is remembered: not when the version has moved on, the key has a value already,
     *     or the memo is full
     */
    public boolean put(K key, V value, long version) {
        Generation<K, V> generation = current.get();
        while (generation.version() < version) { // versions only grow: a newer one replaces the older whole
            Generation<K, V> newer = new Generation<>(version);
            generation = current.compareAndSet(generation, newer) ? newer : current.get();
        }
        long added = weight.applyAsInt(value);
        if (generation.version() == version && generation.weight().get() + added <= maxWeight
                && generation.values().putIfAbsent(key, value) == null) {
            generation.weight().addAndGet(added);
            return true;
        }
        return false;
    }
}
