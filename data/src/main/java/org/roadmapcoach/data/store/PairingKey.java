package org.roadmapcoach.data.store;

/** A pairing by its cohort, as {@link StoreMemo}s key what they remember about one (ids are unique per cohort). */
public record PairingKey(String cohortId, String pairingId) {
}
