package org.roadmapcoach.data.importer;

/**
 * The ids (or, for engagements, pairing and resource pairs) one file of an import brought, with the
 * line each first appeared on: enough to find duplicates and resolve references, without keeping rows.
 *
 * <p>An open-addressing table of keys and lines rather than a {@code HashMap<Object, Long>}: a large
 * import registers millions of ids, and a map entry and a boxed line for each made this a fifth of the
 * import's Java time.
 */
final class IdRegistry {

    private Object[] keys = new Object[1 << 10];
    private long[] lines = new long[1 << 10];
    private int size;
    private boolean complete = true;

    /** Records {@code id} at {@code line}; returns the line it appeared on before, or 0 when it is new. */
    long register(Object id, long line) {
        int slot = slot(keys, id);
        if (keys[slot] != null) {
            return lines[slot];
        }
        keys[slot] = id;
        lines[slot] = line;
        if (++size * 2 > keys.length) {
            grow();
        }
        return 0;
    }

    boolean contains(String id) {
        return keys[slot(keys, id)] != null;
    }

    /** The line {@code id} first appeared on, or 0. */
    long line(Object id) {
        int slot = slot(keys, id);
        return keys[slot] != null ? lines[slot] : 0;
    }

    /** Some rows could not be read, so a reference to an id not seen here may still be valid. */
    void markIncomplete() {
        complete = false;
    }

    boolean complete() {
        return complete;
    }

    /** The slot holding {@code id}, or the empty slot where it would go (linear probing; never full). */
    private static int slot(Object[] keys, Object id) {
        int mask = keys.length - 1;
        // Ids like P000123-O1-M4 have nearly consecutive hash codes, which would fill runs of neighbouring
        // slots and make probing slow: a Fibonacci multiply spreads them over the whole table.
        int slot = (id.hashCode() * 0x9E3779B9) >>> Integer.numberOfLeadingZeros(mask);
        while (keys[slot] != null && !keys[slot].equals(id)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        Object[] oldKeys = keys;
        long[] oldLines = lines;
        keys = new Object[oldKeys.length * 2];
        lines = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slot(keys, oldKeys[i]);
                keys[slot] = oldKeys[i];
                lines[slot] = oldLines[i];
            }
        }
    }
}
