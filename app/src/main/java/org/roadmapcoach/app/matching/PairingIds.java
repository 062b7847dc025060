package org.roadmapcoach.app.matching;

import java.util.Set;

/**
 * The id of a pairing made from a match (MATCHING.md): {@code <menteeId>-<mentorId>}, with {@code -2},
 * {@code -3}, ... where that id is taken in the cohort.
 */
final class PairingIds {

    private PairingIds() {
    }

    /** The first free id for the pair; it is added to {@code taken}, so that the next pair gets another. */
    static String next(String menteeId, String mentorId, Set<String> taken) {
        String base = menteeId + "-" + mentorId;
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        taken.add(id);
        return id;
    }
}
