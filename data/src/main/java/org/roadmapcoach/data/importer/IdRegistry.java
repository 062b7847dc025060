package org.roadmapcoach.data.importer;

import java.util.HashMap;
import java.util.Map;

/**
 * The ids (or, for engagements, pairing and resource pairs) one file of an import brought, with the
 * line each first appeared on: enough to find duplicates and resolve references, without keeping rows.
 */
final class IdRegistry {

    private final Map<Object, Long> lines = new HashMap<>();
    private boolean complete = true;

    /** Records {@code id} at {@code line}; returns the line it appeared on before, or 0 when it is new. */
    long register(Object id, long line) {
        Long earlier = lines.putIfAbsent(id, line);
        return earlier == null ? 0 : earlier;
    }

    boolean contains(String id) {
        return lines.containsKey(id);
    }

    /** The line {@code id} first appeared on, or 0. */
    long line(String id) {
        return lines.getOrDefault(id, 0L);
    }

    /** Some rows could not be read, so a reference to an id not seen here may still be valid. */
    void markIncomplete() {
        complete = false;
    }

    boolean complete() {
        return complete;
    }
}
