package org.roadmapcoach.data.suggestion;

import java.time.Instant;

/**
 * A suggestion the pair dismissed: hidden while a finding of the same rule, subject and objective
 * has the same evidence fingerprint.
 *
 * @param objectiveId the finding's objectiveId evidence, '' when it has none
 * @param dismissedBy the person whose token dismissed it
 */
public record Dismissal(String ruleId, String subjectId, String objectiveId, String fingerprint, String dismissedBy,
                        Instant dismissedAt) {
}
