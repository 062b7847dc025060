package org.roadmapcoach.data.run;

import java.time.Instant;
import java.time.LocalDate;
import org.roadmapcoach.engine.policy.Policy;

/**
 * A stored health check: a cohort evaluated as of a date, under a policy. Its pairings and findings stay
 * in the database ({@link RunStore#forEachPairing}): a large cohort's run does not fit in memory.
 */
public record StoredRun(long id, String cohortId, LocalDate asOf, Instant createdAt, Policy policy) {
}
