package org.roadmapcoach.data.digest;

/** A person of a cohort who receives digests (ids are unique within a cohort only). */
public record Subscriber(String cohortId, String personId) {
}
