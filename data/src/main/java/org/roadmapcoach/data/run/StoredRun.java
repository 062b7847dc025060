package org.roadmapcoach.data.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.roadmapcoach.engine.policy.Policy;

/** A health check as stored: every evaluated pairing of a cohort as of a date, under a policy. */
public record StoredRun(long id, String cohortId, LocalDate asOf, Instant createdAt, Policy policy,
                        List<RunPairing> pairings) {

    public StoredRun {
        pairings = List.copyOf(pairings);
    }
}
